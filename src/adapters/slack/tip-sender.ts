import type { Tip } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { TipAnswer } from '../../core/model.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RateGate } from '../../rate-gate.js';
import { renderBlockKit } from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Subscription } from '../../store/store.js';
import { cardCache } from '../../tips/card-cache.js';
import type { SendOutcome, TipSender } from '../../tips/sender.js';
import type { ChatPost } from './chat-post.js';
import { failureKind, neverConnected, sendOnce } from './delivery.js';
import { sendWithImageFallback, slackErrorCode } from './send.js';

/** The channel is gone for good: stop the subscription. */
const RETIRE = new Set(['channel_not_found', 'is_archived', 'account_inactive']);

/**
 * Rate limits are waited out up to this much in all per tip (every send to the workspace waits
 * with it); past that the tip is `not-sent` and a later pass tries again.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 120_000;

/**
 * Tips in flight at once. Slack allows about one message per second per channel (each channel
 * gets one tip a day) and "several hundred per minute" per workspace, answering 429 past that:
 * the gate then holds every send to the workspace for the Retry-After.
 */
export const SLACK_TIP_CONCURRENCY = 50;

export interface SlackTipSenderDeps {
  /** chat.postMessage, once (`sendOnce` decides what is tried again). */
  readonly post: ChatPost;
  /** The workspace's gate, shared with every other send of the adapter. */
  readonly gate: RateGate;
  readonly core: Core;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
}

/** Slack's refusal or failure of a tip, as the pass acts on it (see SendOutcome). */
function outcomeOf(error: unknown): SendOutcome {
  switch (failureKind(error)) {
    case 'rate-limited':
      return { kind: 'not-sent', reason: 'ratelimited' };
    case 'never-connected':
      return { kind: 'not-sent', reason: neverConnected(error) ?? 'not connected' };
    case 'stopped':
      return { kind: 'not-sent', reason: 'stopped' };
    case 'refused': {
      // Slack answered and posted nothing; the same card would be refused again today.
      const code = slackErrorCode(error) ?? 'refused';
      return RETIRE.has(code)
        ? { kind: 'retire', reason: code }
        : { kind: 'retry-later', reason: code };
    }
    case 'unknown':
      throw error instanceof CasebotError && error.code === 'delivery_unknown'
        ? error
        : new CasebotError('delivery_unknown', `Slack may have the tip: ${String(error)}`, {
            cause: error,
          });
  }
}

/**
 * Daily tips on Slack: chat.postMessage with the Block Kit tip card ("Read the case" button),
 * sent once (see `sendOnce`): a 429 is waited out through the workspace's gate, a refused
 * connection tried again briefly; a failure that leaves unknown whether Slack posted the tip (a
 * reset, a timeout, a 5xx, a send cut off at shutdown) is thrown and that day is not retried.
 */
export function createSlackTipSender(deps: SlackTipSenderDeps): TipSender {
  const card = cardCache((tip, lang) => {
    const c = tip.caseId ? deps.core.catalog.byId.get(tip.caseId) : undefined;
    const answer: TipAnswer = c ? { kind: 'tip', lang, tip, case: c } : { kind: 'tip', lang, tip };
    return renderBlockKit(answer, { diagrams: deps.diagrams, daily: true });
  });

  return {
    concurrency: SLACK_TIP_CONCURRENCY,
    ready: (_sub, signal) => deps.gate.ready(signal),
    async send(sub: Subscription, tip: Tip, signal?: AbortSignal): Promise<SendOutcome> {
      const policy = {
        gate: deps.gate,
        maxWaitMs: MAX_RATE_LIMIT_WAIT_MS,
        logger: deps.logger,
        ...(signal && { signal }),
      };
      try {
        await sendWithImageFallback(
          card(tip, sub.lang),
          (m) =>
            sendOnce(
              () =>
                deps.post(
                  {
                    channel: sub.channelId,
                    text: m.text,
                    blocks: m.blocks,
                    unfurl_links: false,
                    unfurl_media: false,
                  },
                  signal,
                ),
              policy,
            ),
          deps.logger,
        );
        return { kind: 'sent' };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}
