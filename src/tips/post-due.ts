import type { Tip } from '../catalog/schema.js';
import type { Store, Subscription, SubscriptionPlatform, TipClaim } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { pickTip } from './rotation.js';
import { tipDue } from './schedule.js';
import type { TipSender } from './sender.js';

/** How long a claim protects a post in progress; then another replica may take the day over. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface PostDueOptions {
  readonly store: Store;
  readonly tips: readonly Tip[];
  readonly now: Date;
  /** One sender per platform that is switched on; subscriptions of other platforms wait. */
  readonly senders: Partial<Record<SubscriptionPlatform, TipSender>>;
  readonly logger?: Logger;
  readonly leaseMs?: number;
}

export interface PostDueSummary {
  /** Tips sent and confirmed. */
  posted: number;
  /** Subscriptions retired because their channel is gone. */
  retired: number;
  /** Days closed without a post (`retry-later`: tried again the next local day). */
  skipped: number;
  /** Sends or store calls that failed; their claims were released for a later pass. */
  failed: number;
}

/**
 * One pass: posts every active subscription's tip that is due for its local day and not posted
 * yet. Safe to run from any number of replicas and CronJobs at once: each (subscription, day) is
 * claimed atomically in the store before sending. One failing subscription never stops the others.
 */
export async function postDueTips(options: PostDueOptions): Promise<PostDueSummary> {
  const { store, tips, now, senders } = options;
  const logger = options.logger ?? silentLogger;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const summary: PostDueSummary = { posted: 0, retired: 0, skipped: 0, failed: 0 };
  if (tips.length === 0) {
    logger.warn({}, 'no tips in the casebook; nothing to post');
    return summary;
  }

  for (const sub of await store.listActiveSubscriptions()) {
    const sender = senders[sub.platform];
    if (!sender) continue;
    let due: { day: string; due: boolean };
    try {
      due = tipDue(sub, now);
    } catch (error) {
      logger.error({ err: error, subscription: sub.id, timeZone: sub.timeZone }, 'bad time zone');
      summary.failed += 1;
      continue;
    }
    if (!due.due) continue;
    await postOne({ store, tips, now, sender, logger, leaseMs, sub, day: due.day, summary });
  }
  if (summary.posted + summary.retired + summary.skipped + summary.failed > 0) {
    logger.info({ ...summary }, 'tips pass done');
  }
  return summary;
}

interface PostOne {
  readonly store: Store;
  readonly tips: readonly Tip[];
  readonly now: Date;
  readonly sender: TipSender;
  readonly logger: Logger;
  readonly leaseMs: number;
  readonly sub: Subscription;
  readonly day: string;
  readonly summary: PostDueSummary;
}

async function postOne(p: PostOne): Promise<void> {
  const { store, sub, day, logger, summary } = p;
  const log = { subscription: sub.id, platform: sub.platform, channel: sub.channelId, day };
  let claim: TipClaim | null;
  try {
    claim = await store.claimTip(sub.id, day, p.now, p.leaseMs);
  } catch (error) {
    logger.error({ ...log, err: error }, 'could not claim the day’s tip');
    summary.failed += 1;
    return;
  }
  if (!claim) return; // posted already, or another replica is on it

  let stage = 'pick';
  try {
    const tip = pickTip(p.tips, sub.id, await store.postedTips(sub.id));
    if (!tip) throw new Error('no tip to post');
    stage = 'send';
    const outcome = await p.sender.send(sub, tip);
    stage = 'record';
    switch (outcome.kind) {
      case 'sent':
        await store.confirmTip(claim, tip.id, p.now);
        summary.posted += 1;
        logger.info({ ...log, tip: tip.id }, 'tip posted');
        return;
      case 'retire':
        await store.retireSubscription(sub.id, outcome.reason, p.now);
        await store.skipTip(claim, `retired: ${outcome.reason}`, p.now);
        summary.retired += 1;
        logger.warn({ ...log, reason: outcome.reason }, 'channel gone; subscription retired');
        return;
      case 'retry-later':
        await store.skipTip(claim, outcome.reason, p.now);
        summary.skipped += 1;
        logger.warn({ ...log, reason: outcome.reason }, 'cannot post today; trying tomorrow');
        return;
    }
  } catch (error) {
    summary.failed += 1;
    if (stage === 'record') {
      // It went out; releasing would post it twice. The lease runs out and the day may be retried.
      logger.error({ ...log, err: error }, 'tip sent but not recorded');
      return;
    }
    logger.error({ ...log, err: error, stage }, 'tip not posted; will retry on a later pass');
    await store.releaseTip(claim).catch((releaseError: unknown) => {
      logger.error({ ...log, err: releaseError }, 'could not release the claim; it will expire');
    });
  }
}
