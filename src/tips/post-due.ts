import type { Tip } from '../catalog/schema.js';
import type { Metrics, TipResult } from '../metrics/metrics.js';
import type { LocalDay, Store, Subscription, SubscriptionPlatform } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { type PostOneEnd, postOne } from './post-one.js';
import { localDay, tipDue, usableZone } from './schedule.js';
import type { TipSender } from './sender.js';
import type { SettledDays } from './settled-days.js';

/**
 * How long a claim that has not started sending keeps others off its day; then another replica
 * may take the day over. A claim being sent is never taken over, however long the send takes.
 */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** After SIGTERM, how long sends in flight may take before they are cut off. */
export const DEFAULT_GRACE_MS = 10_000;
/** A sender that does not say how many tips it takes at once gets one at a time. */
const DEFAULT_CONCURRENCY = 1;

export interface PostDueOptions {
  readonly store: Store;
  readonly tips: readonly Tip[];
  /** The clock, read at each step (a pass can take minutes when channels are rate-limited). */
  readonly now: () => Date;
  /** One sender per platform that is switched on; subscriptions of other platforms wait. */
  readonly senders: Partial<Record<SubscriptionPlatform, TipSender>>;
  readonly logger?: Logger;
  readonly leaseMs?: number;
  /** Counts each result by platform (the server's scheduler; a CronJob run counts nothing). */
  readonly metrics?: Pick<Metrics, 'tip'>;
  /**
   * Subscriptions whose unknown time zone was logged already (kept across passes by the
   * scheduler, so each is logged once); a fresh set per pass when absent.
   */
  readonly unknownZones?: Set<string>;
  /**
   * Aborted (SIGTERM): nothing more is claimed, a claim whose send has not started is given
   * back, and sends in flight get `graceMs` to finish; then they are cut off (their days are
   * closed as "may have been posted"). The pass then ends.
   */
  readonly signal?: AbortSignal;
  readonly graceMs?: number;
  /** Days this process knows are closed, kept across passes (the in-process scheduler's). */
  readonly settled?: SettledDays;
  /**
   * Where in the list this pass starts, 0 ≤ r < 1 (the start by default): replicas that start
   * at random places contend less for the same claims.
   */
  readonly random?: () => number;
}

export interface PostDueSummary {
  /** Tips sent and confirmed. */
  posted: number;
  /** Subscriptions retired because their channel is gone. */
  retired: number;
  /** Days closed without a post (`retry-later`: tried again the next local day). */
  skipped: number;
  /**
   * Tips not posted, or not recorded, because something failed. A day nothing was sent for is
   * tried again on a later pass; a day whose send may have reached the platform is not.
   */
  failed: number;
  /**
   * Only when the pass was stopped: due days left to a later pass, given back after their claim
   * (`released`) or never claimed (`unclaimed`).
   */
  stopped?: { released: number; unclaimed: number };
}

interface DueDay {
  readonly sub: Subscription;
  readonly day: LocalDay;
}

/** Runs `work` over `items` with at most `concurrency` at once, in order of the list. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
  );
}

/**
 * One pass: posts every active subscription's tip that is due for its local day and not posted
 * yet. Safe to run from any number of replicas and CronJobs at once: each (subscription, day) is
 * claimed atomically in the store, and marked as sending before the platform is called, so no
 * two passes ever send it. Each platform's tips go out side by side, up to its sender's
 * concurrency; one failing subscription never stops the others.
 */
export async function postDueTips(options: PostDueOptions): Promise<PostDueSummary> {
  const { store, tips, now, senders } = options;
  const logger = options.logger ?? silentLogger;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const summary: PostDueSummary = { posted: 0, retired: 0, skipped: 0, failed: 0 };
  const tally = (sub: Subscription) => (result: TipResult) => {
    summary[result] += 1;
    options.metrics?.tip(sub.platform, result);
  };
  if (tips.length === 0) {
    logger.warn({}, 'no tips in the casebook; nothing to post');
    return summary;
  }

  const due = dueDays(await store.listActiveSubscriptions(), options, logger);
  const stop = options.signal;
  const cut = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  const onStop = () => {
    graceTimer = setTimeout(() => cut.abort(), options.graceMs ?? DEFAULT_GRACE_MS);
  };
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });

  const left = { released: 0, unclaimed: 0 };
  try {
    await Promise.all(
      [...due].map(([platform, days]) => {
        const sender = senders[platform] as TipSender;
        return pool(days, sender.concurrency ?? DEFAULT_CONCURRENCY, async ({ sub, day }) => {
          const end: PostOneEnd = await postOne({
            store,
            tips,
            now,
            sender,
            logger,
            leaseMs,
            sub,
            day,
            count: tally(sub),
            ...(stop && { stop }),
            cut: cut.signal,
            ...(options.settled && { settled: options.settled }),
          });
          if (end !== 'handled') left[end] += 1;
        });
      }),
    );
  } finally {
    clearTimeout(graceTimer);
    stop?.removeEventListener('abort', onStop);
  }
  if (stop?.aborted) {
    summary.stopped = left;
    logger.info({ ...summary }, 'tips pass stopped; what is left goes to a later pass');
  } else if (summary.posted + summary.retired + summary.skipped + summary.failed > 0) {
    logger.info({ ...summary }, 'tips pass done');
  }
  return summary;
}

/**
 * The subscriptions whose tip is due now, by platform (platforms without a sender wait), in
 * list order from a random starting point, without the days this process knows are closed.
 */
function dueDays(
  subs: readonly Subscription[],
  options: PostDueOptions,
  logger: Logger,
): Map<SubscriptionPlatform, DueDay[]> {
  const nowMs = options.now().getTime();
  const at = new Date(nowMs);
  options.settled?.prune(nowMs);
  const unknownZones = options.unknownZones ?? new Set<string>();
  // Where each local date began, per zone: computed once per pass, however many channels share it.
  const days = new Map<string, LocalDay>();
  const dayOf = (date: string, timeZone: string) => {
    const key = `${timeZone} ${date}`;
    let day = days.get(key);
    if (!day) {
      day = localDay(date, timeZone);
      days.set(key, day);
    }
    return day;
  };
  const start = Math.floor((options.random?.() ?? 0) * subs.length);
  const byPlatform = new Map<SubscriptionPlatform, DueDay[]>();
  for (let i = 0; i < subs.length; i += 1) {
    const sub = subs[(start + i) % subs.length] as Subscription;
    if (!options.senders[sub.platform]) continue;
    const timeZone = scheduleZone(sub, logger, unknownZones);
    const due = tipDue({ ...sub, timeZone }, at);
    if (!due.due || options.settled?.has(sub.id, due.day, nowMs)) continue;
    let platformDays = byPlatform.get(sub.platform);
    if (!platformDays) {
      platformDays = [];
      byPlatform.set(sub.platform, platformDays);
    }
    platformDays.push({ sub, day: dayOf(due.day, timeZone) });
  }
  return byPlatform;
}

/**
 * The zone a subscription's tips follow: its own, or UTC for a zone this runtime does not know
 * (stored before zones were checked at subscribe time), logged once per subscription.
 */
function scheduleZone(sub: Subscription, logger: Logger, reported: Set<string>): string {
  if (usableZone(sub.timeZone)) return sub.timeZone;
  if (!reported.has(sub.id)) {
    reported.add(sub.id);
    logger.warn(
      { subscription: sub.id, channel: sub.channelId, timeZone: sub.timeZone.slice(0, 64) },
      'unknown time zone; this subscription’s tips follow UTC',
    );
  }
  return 'UTC';
}
