import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/schema.js';
import type { DigestConfig } from '../config.js';
import type { DigestAnswer } from '../core/model.js';
import type { DigestResult, Metrics } from '../metrics/metrics.js';
import type { Store, SubscriptionPlatform, TipClaim } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { DEFAULT_LEASE_MS } from '../tips/post-due.js';
import type { SendOutcome } from '../tips/sender.js';
import { buildReport } from './report.js';
import { digestWeek } from './schedule.js';
import type { DigestSender } from './sender.js';

/** The store key a week's report is claimed under, per channel: never a subscription id. */
export function digestKey(platform: SubscriptionPlatform, channel: string): string {
  return `digest:${platform}:${channel}`;
}

export interface PostDigestOptions {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly digest: DigestConfig;
  readonly staleAfterDays: number;
  /** The report's language (DEFAULT_LOCALE). */
  readonly lang: Lang;
  readonly now: () => Date;
  readonly senders: Partial<Record<SubscriptionPlatform, DigestSender>>;
  readonly logger?: Logger;
  readonly leaseMs?: number;
  /** Post even when the week's moment is more than a day ago (`casebot digest` by hand). */
  readonly force?: boolean;
  readonly metrics?: Pick<Metrics, 'digest'>;
}

export interface DigestSummary {
  /** The week's report date (`YYYY-MM-DD` in DIGEST_TZ). */
  readonly day: string;
  posted: number;
  /** Already posted (or being posted) for this week, by this or another replica. */
  already: number;
  /** Not due: its moment is more than a day ago, or a day away. */
  notDue: number;
  /** Closed for the week without a post (e.g. the bot is not in the channel). */
  skipped: number;
  /**
   * Something failed (see the log): nothing was sent and a later pass tries again, or a send
   * failed in a way that leaves unknown whether it went out, and the week is closed.
   */
  failed: number;
}

/**
 * One pass: posts this week's report into each DIGEST_CHANNEL whose platform is on, when its
 * moment (DIGEST_SCHEDULE in DIGEST_TZ) came within the last day. Exactly once per week and
 * channel, whatever number of replicas and CronJobs run it at once: the week is claimed in the
 * store with the daily tips' claims (`claimTip` under `digest:…`), marked as sending before the
 * platform is called, and never sent again after that.
 */
export async function postDigest(options: PostDigestOptions): Promise<DigestSummary> {
  const { store, now, digest } = options;
  const logger = options.logger ?? silentLogger;
  const week = digestWeek(digest.schedule, now());
  const summary: DigestSummary = {
    day: week.day,
    posted: 0,
    already: 0,
    notDue: 0,
    skipped: 0,
    failed: 0,
  };
  let report: DigestAnswer | null = null;
  for (const platform of ['slack', 'teams'] as const) {
    const channel = digest.channels[platform];
    const sender = options.senders[platform];
    if (!channel || !sender) continue;
    if (!week.due && !options.force) {
      summary.notDue += 1;
      continue;
    }
    const count = (result: DigestResult | 'already') => {
      if (result === 'already') summary.already += 1;
      else {
        summary[result] += 1;
        options.metrics?.digest(platform, result);
      }
    };
    const log = { platform, channel, week: week.day };
    let claim: TipClaim | null;
    try {
      // Claimed like a tip: the week is the post claimed since its scheduled moment.
      claim = await store.claimTip(
        digestKey(platform, channel),
        { date: week.day, start: week.moment },
        now(),
        options.leaseMs ?? DEFAULT_LEASE_MS,
      );
    } catch (error) {
      logger.error({ ...log, err: error }, 'could not claim the weekly report');
      count('failed');
      continue;
    }
    if (!claim) {
      count('already');
      continue;
    }
    try {
      report ??= await buildReport({
        catalog: options.catalog,
        store,
        since: week.since,
        until: week.moment,
        timeZone: digest.schedule.timeZone,
        lang: options.lang,
        staleAfterDays: options.staleAfterDays,
      });
      await store.markTipSending(claim, now());
    } catch (error) {
      logger.error({ ...log, err: error }, 'weekly report not posted; a later pass tries again');
      count('failed');
      await store.releaseTip(claim).catch(() => undefined);
      continue;
    }
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(channel, report);
    } catch (error) {
      logger.error({ ...log, err: error }, 'weekly report may not have been posted; not retried');
      count('failed');
      await store.skipTip(claim, 'send failed', now()).catch(() => undefined);
      continue;
    }
    try {
      count(await record(store, claim, outcome, now));
      logger.info({ ...log, outcome: outcome.kind }, 'weekly report pass');
    } catch (error) {
      logger.error({ ...log, err: error }, 'weekly report outcome not recorded');
      count('failed');
    }
  }
  return summary;
}

async function record(
  store: Store,
  claim: TipClaim,
  outcome: SendOutcome,
  now: () => Date,
): Promise<DigestResult> {
  switch (outcome.kind) {
    case 'sent':
      await store.confirmTip(claim, 'digest', now());
      return 'posted';
    case 'retire':
    case 'retry-later':
      await store.skipTip(claim, outcome.reason, now());
      return 'skipped';
    case 'not-sent':
      await store.releaseTip(claim);
      return 'failed';
  }
}
