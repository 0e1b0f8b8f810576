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
 *
 * Anything transient (a network error, a 5xx, a rate limit that could not be waited out) is
 * THROWN instead: the claim is released and the next pass, a minute later, tries again.
 * A Slack 429 is waited out inside the sender (Retry-After); keep such waits well under the
 * claim lease (5 minutes), or another replica may take the day over and post it as well.
 */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retire'; readonly reason: string }
  | { readonly kind: 'retry-later'; readonly reason: string };

/** Posts one tip to one subscription; each platform adapter provides one. */
export interface TipSender {
  send(sub: Subscription, tip: Tip): Promise<SendOutcome>;
}
