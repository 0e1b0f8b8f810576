import type { DigestAnswer } from '../core/model.js';
import type { SendOutcome } from '../tips/sender.js';

/**
 * Posts the weekly report into a channel; each platform adapter provides one. What comes back
 * means what it means for a daily tip (see `SendOutcome`): a throw is "may have been posted", so
 * the week is closed rather than risk posting it twice.
 */
export interface DigestSender {
  send(channel: string, report: DigestAnswer): Promise<SendOutcome>;
}
