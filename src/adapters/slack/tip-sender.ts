import type { WebClient } from '@slack/web-api';
import type { Tip } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { TipAnswer } from '../../core/model.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { renderBlockKit } from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Subscription } from '../../store/store.js';
import type { SendOutcome, TipSender } from '../../tips/sender.js';
import { postMessage, slackErrorCode } from './send.js';

/** The channel is gone for good: stop the subscription. */
const RETIRE = new Set(['channel_not_found', 'is_archived', 'account_inactive']);
/** The channel is there but closed to the bot today: try again tomorrow. */
const NEXT_DAY = new Set(['not_in_channel']);
/**
 * The connection was never made (refused, or the host not found): Slack cannot have the tip, so a
 * later pass may safely try again. A reset or a timeout, by contrast, may come after Slack took it.
 */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** The network error code behind a Web API error, looking through `original` and `cause`. */
export function connectionCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; original?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && NEVER_CONNECTED.has(e.code)) return e.code;
    e = (e.original ?? e.cause) as typeof e;
  }
  return undefined;
}

/** Rate limits are waited out up to this much in total, so one channel cannot stall a pass. */
const MAX_RATE_LIMIT_WAIT_MS = 120_000;

export function retryAfterMs(error: unknown): number | null {
  const e = error as { code?: string; retryAfter?: number } | null;
  if (e?.code !== 'slack_webapi_rate_limited_error' || typeof e.retryAfter !== 'number')
    return null;
  return Math.max(0, e.retryAfter * 1000);
}

export interface SlackTipSenderDeps {
  /** Built with `rejectRateLimitedCalls: true`: the sender waits out 429s itself, bounded. */
  readonly client: WebClient;
  readonly core: Core;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
  /** Injected for tests; real timers otherwise. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Daily tips on Slack: chat.postMessage with the Block Kit tip card ("Read the case" button).
 * A 429 is waited out (Retry-After) and retried, or answered `not-sent` when the wait would be too
 * long (Slack took nothing); Slack's answer decides the outcome; a connection that was never made
 * is `not-sent` too; a failure that leaves unknown whether the message was posted (a reset, a
 * timeout, a 5xx) is thrown, and that day is not retried.
 */
export function createSlackTipSender(deps: SlackTipSenderDeps): TipSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const post = async (sub: Subscription, message: ReturnType<typeof renderBlockKit>) => {
    let waited = 0;
    for (;;) {
      try {
        await postMessage(deps.client, { channel: sub.channelId }, message, deps.logger);
        return;
      } catch (error) {
        const wait = retryAfterMs(error);
        if (wait === null || waited + wait > MAX_RATE_LIMIT_WAIT_MS) throw error;
        deps.logger.info({ channel: sub.channelId, waitMs: wait }, 'slack rate limit; waiting');
        waited += wait;
        await sleep(wait);
      }
    }
  };

  return {
    async send(sub: Subscription, tip: Tip): Promise<SendOutcome> {
      const c = tip.caseId ? deps.core.catalog.byId.get(tip.caseId) : undefined;
      const answer: TipAnswer = c
        ? { kind: 'tip', lang: sub.lang, tip, case: c }
        : { kind: 'tip', lang: sub.lang, tip };
      try {
        await post(sub, renderBlockKit(answer, { diagrams: deps.diagrams, daily: true }));
        return { kind: 'sent' };
      } catch (error) {
        if (retryAfterMs(error) !== null) return { kind: 'not-sent', reason: 'ratelimited' };
        const never = connectionCode(error);
        if (never) return { kind: 'not-sent', reason: never };
        const code = slackErrorCode(error);
        if (code && RETIRE.has(code)) return { kind: 'retire', reason: code };
        if (code && NEXT_DAY.has(code)) return { kind: 'retry-later', reason: code };
        throw new CasebotError(
          'platform_failed',
          `Slack did not take the tip: ${code ?? String(error)}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}
