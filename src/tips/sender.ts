import type { Tip } from '../catalog/schema.js';
import type { Subscription } from '../store/store.js';

/**
 * What became of one attempt to post a tip into a subscribed channel.
 *
 * - `sent`: it is in the channel. The day is confirmed.
 * - `retire`: the channel is gone for good (Slack `channel_not_found`, `is_archived`,
 *   `account_inactive`; a Teams conversation that no longer exists). The subscription is retired
 *   with `reason` logged, and the day closed.
 * - `retry-later`: the platform refused the tip and would refuse it again today (Slack
 *   `not_in_channel`, a Teams 403). "Later" means the NEXT local day: the day is closed as
 *   skipped, so a pass every minute does not hammer the platform (or the logs) with the same
 *   refusal all day long.
 * - `not-sent`: the platform certainly did not take the tip, for now: a rate limit (Slack or
 *   Teams 429, Teams 412) longer than the sender waits, a connection that was never made, a send
 *   stopped at shutdown before it started. The claim is released and a later pass TODAY tries
 *   again.
 *
 * A THROW means the sender cannot tell whether the tip reached the channel (a reset, a timeout,
 * a 5xx, a send cut off at shutdown): the day is closed and not retried, so a tip is never posted
 * twice (it may then be missing that day). Return `not-sent` instead whenever the platform's
 * answer proves nothing was posted.
 */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retire'; readonly reason: string }
  | { readonly kind: 'retry-later'; readonly reason: string }
  | { readonly kind: 'not-sent'; readonly reason: string };

/** Posts one tip to one subscription; each platform adapter provides one. */
export interface TipSender {
  /** How many tips of this platform a pass may have in flight at once (default 8). */
  readonly concurrency?: number;
  /**
   * Resolves once a send to `sub`'s workspace may start (a rate limit waited out), so a pass
   * claims nothing it would only hold while waiting; false when `signal` aborted first.
   */
  ready?(sub: Subscription, signal?: AbortSignal): Promise<boolean>;
  /**
   * Posts the tip, once. When `signal` aborts, a send still waiting for its turn is not made
   * (`not-sent`) and one in flight is cut off (thrown: whether it arrived is unknown).
   */
  send(sub: Subscription, tip: Tip, signal?: AbortSignal): Promise<SendOutcome>;
}
