import { Cron } from 'croner';
import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/schema.js';
import type { DigestConfig } from '../config.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Store, SubscriptionPlatform } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { type DigestSummary, postDigest } from './post-digest.js';
import type { DigestSender } from './sender.js';

export interface DigestSchedulerOptions {
  readonly store: Store;
  /** Read on every pass, so a reloaded casebook is picked up. */
  readonly catalog: () => Catalog;
  readonly digest: DigestConfig;
  readonly staleAfterDays: number;
  readonly lang: Lang;
  readonly senders: Partial<Record<SubscriptionPlatform, DigestSender>>;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly metrics?: Pick<Metrics, 'digest'>;
}

export interface DigestScheduler {
  start(): void;
  stop(): Promise<void>;
  /** One pass now; a pass in flight is shared. Never rejects. */
  runOnce(): Promise<DigestSummary | null>;
}

/**
 * The weekly report in process (TIPS_SCHEDULER=on): a pass every minute, which does nothing but
 * outside the day after the scheduled moment, and claims the week in the store within it, so any
 * number of replicas (and a CronJob running `casebot digest`) post it once.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  let job: Cron | null = null;
  let inFlight: Promise<DigestSummary | null> | null = null;

  const pass = async (): Promise<DigestSummary | null> => {
    try {
      return await postDigest({ ...options, catalog: options.catalog(), now, logger });
    } catch (error) {
      logger.error({ err: error }, 'weekly report pass failed');
      return null;
    }
  };
  const runOnce = () => {
    inFlight ??= pass().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  return {
    start() {
      if (job) return;
      job = new Cron('* * * * *', { name: 'casebot-digest' }, () => {
        void runOnce();
      });
    },
    async stop() {
      job?.stop();
      job = null;
      await inFlight;
    },
    runOnce,
  };
}
