import type { Tip } from '../catalog/schema.js';
import type { Subscription } from '../store/store.js';

/**
 * What became of one attempt to post a tip into a subscribed channel.
 *
 * - `sent`: it is in the channel. The day is confirmed.
 * - `retire`: the channel is gone for good (Slack `channel_not_found`, `is_archived`,
 *   `account_inactive`; a Teams conversation that no longer exists). The subscription is retired
 *   with `reason` logged, and the day closed.
 * - `retry-later`: the channel exists but cannot be posted to today (Slack `not_in_channel`).
 *   "Later" means the NEXT local day: the day is closed as skipped, so a pass every minute does
 *   not hammer the platform (or the logs) with the same refusal all day long.
 * - `not-sent`: the platform certainly did not take the tip, for now (a rate limit that could not
 *   be waited out). The claim is released and the next pass tries again.
 *
 * A THROW means the sender cannot tell whether the tip reached the channel (a network error, a
 * timeout, a 5xx): the day is closed and not retried, so a tip is never posted twice. Return
 * `not-sent` instead whenever the platform's answer proves nothing was posted.
 */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retire'; readonly reason: string }
  | { readonly kind: 'retry-later'; readonly reason: string }
  | { readonly kind: 'not-sent'; readonly reason: string };

/** Posts one tip to one subscription; each platform adapter provides one. */
export interface TipSender {
  send(sub: Subscription, tip: Tip): Promise<SendOutcome>;
}
