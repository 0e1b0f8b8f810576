import type { Tip } from '../catalog/schema.js';
import { CasebotError } from '../errors.js';
import type { Metrics, TipResult } from '../metrics/metrics.js';
import type {
  LocalDay,
  Store,
  Subscription,
  SubscriptionPlatform,
  TipClaim,
} from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { pickTip } from './rotation.js';
import { localDay, tipDue, usableZone } from './schedule.js';
import type { SendOutcome, TipSender } from './sender.js';

/**
 * How long a claim that has not started sending keeps others off its day; then another replica
 * may take the day over. A claim being sent is never taken over, however long the send takes.
 */
export const DEFAULT_LEASE_MS = 5 * 60_000;

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
}

/**
 * One pass: posts every active subscription's tip that is due for its local day and not posted
 * yet. Safe to run from any number of replicas and CronJobs at once: each (subscription, day) is
 * claimed atomically in the store, and marked as sending before the platform is called, so no
 * two passes ever send it. One failing subscription never stops the others.
 */
export async function postDueTips(options: PostDueOptions): Promise<PostDueSummary> {
  const { store, tips, now, senders } = options;
  const logger = options.logger ?? silentLogger;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const summary: PostDueSummary = { posted: 0, retired: 0, skipped: 0, failed: 0 };
  const unknownZones = options.unknownZones ?? new Set<string>();
  const tally = (sub: Subscription) => (result: TipResult) => {
    summary[result] += 1;
    options.metrics?.tip(sub.platform, result);
  };
  if (tips.length === 0) {
    logger.warn({}, 'no tips in the casebook; nothing to post');
    return summary;
  }

  for (const sub of await store.listActiveSubscriptions()) {
    const sender = senders[sub.platform];
    if (!sender) continue;
    const timeZone = scheduleZone(sub, logger, unknownZones);
    const due = tipDue({ ...sub, timeZone }, now());
    if (!due.due) continue;
    const count = tally(sub);
    const day = localDay(due.day, timeZone);
    await postOne({ store, tips, now, sender, logger, leaseMs, sub, day, count });
  }
  if (summary.posted + summary.retired + summary.skipped + summary.failed > 0) {
    logger.info({ ...summary }, 'tips pass done');
  }
  return summary;
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

interface PostOne {
  readonly store: Store;
  readonly tips: readonly Tip[];
  readonly now: () => Date;
  readonly sender: TipSender;
  readonly logger: Logger;
  readonly leaseMs: number;
  readonly sub: Subscription;
  readonly day: LocalDay;
  readonly count: (result: TipResult) => void;
}

const isClaimLost = (error: unknown) =>
  error instanceof CasebotError && error.code === 'tip_claim_lost';

async function postOne(p: PostOne): Promise<void> {
  const { store, sub, day, logger, count, now } = p;
  const log = {
    subscription: sub.id,
    platform: sub.platform,
    channel: sub.channelId,
    day: day.date,
  };
  let claim: TipClaim | null;
  try {
    claim = await store.claimTip(sub.id, day, now(), p.leaseMs);
  } catch (error) {
    logger.error({ ...log, err: error }, 'could not claim the day’s tip');
    count('failed');
    return;
  }
  if (!claim) return; // posted already, or another replica is on it

  let tip: Tip;
  try {
    const picked = pickTip(p.tips, sub.id, await store.postedTips(sub.id));
    if (!picked) throw new Error('no tip to post');
    tip = picked;
    await store.markTipSending(claim, now());
  } catch (error) {
    count('failed');
    if (isClaimLost(error)) {
      logger.error({ ...log, err: error }, 'claim lost before sending; another pass has the day');
      return;
    }
    logger.error({ ...log, err: error }, 'tip not posted; will retry on a later pass');
    await release(p, claim, log);
    return;
  }

  let outcome: SendOutcome;
  try {
    outcome = await p.sender.send(sub, tip);
  } catch (error) {
    // It may have reached the platform: the day is closed rather than risk posting it twice.
    count('failed');
    logger.error({ ...log, tip: tip.id, err: error }, 'tip may not have been posted; not retried');
    await store
      .skipTip(
        claim,
        `send failed: ${error instanceof Error ? error.message : String(error)}`,
        now(),
      )
      .catch((skipError: unknown) => {
        logger.error({ ...log, err: skipError }, 'could not close the day; it stays held');
      });
    return;
  }

  try {
    await record(p, claim, tip, outcome, log);
  } catch (error) {
    count('failed');
    const msg = isClaimLost(error) ? 'outcome not recorded: claim lost' : 'outcome not recorded';
    logger.error({ ...log, tip: tip.id, outcome: outcome.kind, err: error }, msg);
  }
}

/** Records what the platform answered; throws (`tip_claim_lost` among others) if it cannot. */
async function record(
  p: PostOne,
  claim: TipClaim,
  tip: Tip,
  outcome: SendOutcome,
  log: object,
): Promise<void> {
  const { store, sub, logger, count, now } = p;
  switch (outcome.kind) {
    case 'sent':
      await store.confirmTip(claim, tip.id, now());
      count('posted');
      logger.info({ ...log, tip: tip.id }, 'tip posted');
      return;
    case 'retire':
      await store.retireSubscription(sub.id, outcome.reason, now());
      await store.skipTip(claim, `retired: ${outcome.reason}`, now());
      count('retired');
      logger.warn({ ...log, reason: outcome.reason }, 'channel gone; subscription retired');
      return;
    case 'retry-later':
      await store.skipTip(claim, outcome.reason, now());
      count('skipped');
      logger.warn({ ...log, reason: outcome.reason }, 'cannot post today; trying tomorrow');
      return;
    case 'not-sent':
      count('failed');
      logger.warn({ ...log, reason: outcome.reason }, 'tip refused for now; will retry');
      await release(p, claim, log);
      return;
  }
}

async function release(p: PostOne, claim: TipClaim, log: object): Promise<void> {
  await p.store.releaseTip(claim).catch((error: unknown) => {
    p.logger.error({ ...log, err: error }, 'could not release the claim; it will expire');
  });
}
