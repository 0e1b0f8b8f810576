import type { Tip } from '../catalog/schema.js';
import { CasebotError } from '../errors.js';
import type { TipResult } from '../metrics/metrics.js';
import type { LocalDay, Store, Subscription, TipClaim } from '../store/store.js';
import type { Logger } from '../store/support.js';
import { pickTip } from './rotation.js';
import type { SendOutcome, TipSender } from './sender.js';
import type { SettledDays } from './settled-days.js';

export interface PostOne {
  readonly store: Store;
  readonly tips: readonly Tip[];
  readonly now: () => Date;
  readonly sender: TipSender;
  readonly logger: Logger;
  readonly leaseMs: number;
  readonly sub: Subscription;
  /** The subscription's local day, with the moment it began (the claim's key). */
  readonly day: LocalDay;
  readonly count: (result: TipResult) => void;
  /** Aborted: claim nothing more; a claim whose send has not started is given back. */
  readonly stop?: AbortSignal;
  /** Aborted when the grace period after `stop` is over: sends still in flight are cut off. */
  readonly cut: AbortSignal;
  readonly settled?: SettledDays;
}

/**
 * What became of one subscription's day in a pass: handled (whatever the outcome, counted), or
 * left to a later pass because the pass was stopped (`unclaimed`: never claimed; `released`:
 * claimed, then given back before its send started).
 */
export type PostOneEnd = 'handled' | 'unclaimed' | 'released';

const isClaimLost = (error: unknown) =>
  error instanceof CasebotError && error.code === 'tip_claim_lost';

/** How long a day this process saw closed is not asked about again (it is over by then). */
const CLOSED_FOR_MS = 48 * 3600_000;

/**
 * Claims one subscription's day, picks its tip, marks it as sending, sends it and records the
 * outcome. The claim comes only once the platform may be sent to (`sender.ready`), so no day is
 * held while a rate limit is waited out.
 */
export async function postOne(p: PostOne): Promise<PostOneEnd> {
  const { store, sub, day, logger, count, now } = p;
  const log = {
    subscription: sub.id,
    platform: sub.platform,
    channel: sub.channelId,
    day: day.date,
  };
  if (p.stop?.aborted) return 'unclaimed';
  if (p.sender.ready && !(await p.sender.ready(sub, p.stop))) return 'unclaimed';
  if (p.stop?.aborted) return 'unclaimed';

  let claim: TipClaim | null;
  try {
    claim = await store.claimTip(sub.id, day, now(), p.leaseMs);
  } catch (error) {
    logger.error({ ...log, err: error }, 'could not claim the day’s tip');
    count('failed');
    return 'handled';
  }
  if (!claim) {
    // Posted already, or another replica is on it: not asked again until its lease is over.
    p.settled?.close(sub.id, day.date, now().getTime() + p.leaseMs);
    return 'handled';
  }

  let tip: Tip;
  try {
    const picked = pickTip(p.tips, sub.id, await store.postedTips(sub.id));
    if (!picked) throw new Error('no tip to post');
    tip = picked;
    if (p.stop?.aborted) {
      await release(p, claim, log);
      return 'released';
    }
    await store.markTipSending(claim, now());
  } catch (error) {
    count('failed');
    if (isClaimLost(error)) {
      logger.error({ ...log, err: error }, 'claim lost before sending; another pass has the day');
      return 'handled';
    }
    logger.error({ ...log, err: error }, 'tip not posted; will retry on a later pass');
    await release(p, claim, log);
    return 'handled';
  }

  let outcome: SendOutcome;
  try {
    outcome = await p.sender.send(sub, tip, p.cut);
  } catch (error) {
    // It may have reached the platform: the day is closed rather than risk posting it twice.
    count('failed');
    logger.error({ ...log, tip: tip.id, err: error }, 'tip may have been posted; not retried');
    const reason = `may have been posted: ${error instanceof Error ? error.message : String(error)}`;
    await store
      .skipTip(claim, reason, now())
      .then(() => p.settled?.close(sub.id, day.date, now().getTime() + CLOSED_FOR_MS))
      .catch((skipError: unknown) => {
        logger.error({ ...log, err: skipError }, 'could not close the day; it stays held');
      });
    return 'handled';
  }

  try {
    await record(p, claim, tip, outcome, log);
  } catch (error) {
    count('failed');
    const msg = isClaimLost(error) ? 'outcome not recorded: claim lost' : 'outcome not recorded';
    logger.error({ ...log, tip: tip.id, outcome: outcome.kind, err: error }, msg);
  }
  return 'handled';
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
  const closed = () => p.settled?.close(sub.id, p.day.date, now().getTime() + CLOSED_FOR_MS);
  switch (outcome.kind) {
    case 'sent':
      await store.confirmTip(claim, tip.id, now());
      closed();
      count('posted');
      logger.info({ ...log, tip: tip.id }, 'tip posted');
      return;
    case 'retire':
      await store.retireSubscription(sub.id, outcome.reason, now());
      await store.skipTip(claim, `retired: ${outcome.reason}`, now());
      closed();
      count('retired');
      logger.warn({ ...log, reason: outcome.reason }, 'channel gone; subscription retired');
      return;
    case 'retry-later':
      await store.skipTip(claim, outcome.reason, now());
      closed();
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
