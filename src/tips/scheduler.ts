import { Cron } from 'croner';
import type { Tip } from '../catalog/schema.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Store, SubscriptionPlatform } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { type PostDueSummary, postDueTips } from './post-due.js';
import type { TipSender } from './sender.js';
import { SettledDays } from './settled-days.js';

export interface TipSchedulerOptions {
  readonly store: Store;
  /** Read on every pass, so a reloaded casebook is picked up. */
  readonly tips: () => readonly Tip[];
  readonly senders: Partial<Record<SubscriptionPlatform, TipSender>>;
  readonly logger?: Logger;
  /** The clock (injected, so tests need no sleeping). */
  readonly now?: () => Date;
  readonly leaseMs?: number;
  /** Cron pattern; every minute by default. */
  readonly pattern?: string;
  readonly metrics?: Pick<Metrics, 'tip'>;
  /** After `stop()`, how long sends in flight may take before they are cut off. */
  readonly graceMs?: number;
}

export interface TipScheduler {
  /** Runs a pass every minute until stopped. Idempotent. */
  start(): void;
  /**
   * Stops the timer and the pass in flight: it claims nothing more, its sends in flight get the
   * grace period to finish (then they are cut off and recorded), and it ends. Resolves then.
   */
  stop(): Promise<void>;
  /**
   * One pass now (what the timer does each minute); while a pass is in flight it returns that
   * pass instead of starting a second one. Never rejects: failures are logged, null returned.
   */
  runOnce(): Promise<PostDueSummary | null>;
}

/** The in-process tips scheduler; `casebot tips post-due` is the same pass, once, for CronJobs. */
export function createTipScheduler(options: TipSchedulerOptions): TipScheduler {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  let job: Cron | null = null;
  let inFlight: Promise<PostDueSummary | null> | null = null;
  const unknownZones = new Set<string>();
  const stopping = new AbortController();
  const settled = new SettledDays();

  const pass = async (): Promise<PostDueSummary | null> => {
    try {
      return await postDueTips({
        store: options.store,
        tips: options.tips(),
        now,
        senders: options.senders,
        logger,
        leaseMs: options.leaseMs,
        metrics: options.metrics,
        unknownZones,
        signal: stopping.signal,
        settled,
        random: Math.random,
        ...(options.graceMs !== undefined && { graceMs: options.graceMs }),
      });
    } catch (error) {
      // E.g. the database is down: log, and the next minute tries again.
      logger.error({ err: error }, 'tips pass failed');
      return null;
    }
  };

  const runOnce = (): Promise<PostDueSummary | null> => {
    if (stopping.signal.aborted) return inFlight ?? Promise.resolve(null);
    if (!inFlight) {
      inFlight = pass().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };

  return {
    start() {
      if (job) return;
      job = new Cron(options.pattern ?? '* * * * *', { name: 'casebot-tips' }, () => {
        void runOnce();
      });
      logger.info({ next: job.nextRun()?.toISOString() }, 'tips scheduler started');
    },
    async stop() {
      job?.stop();
      job = null;
      stopping.abort();
      await inFlight;
    },
    runOnce,
  };
}
