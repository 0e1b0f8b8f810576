import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RateGate } from '../../rate-gate.js';

/**
 * What a failed call to Slack says about the message it carried:
 * - `rate-limited`: a 429; Slack took nothing and said when to come back.
 * - `never-connected`: the connection was refused or the host not found; Slack cannot have it.
 * - `refused`: Slack (or a response_url) answered and said no (`ok: false`, a 4xx).
 * - `stopped`: casebot stopped waiting for its turn (shutting down); nothing was sent.
 * - `unknown`: a reset, a timeout, a 5xx: Slack may have posted it, or not.
 */
export type SlackFailureKind =
  | 'rate-limited'
  | 'never-connected'
  | 'refused'
  | 'stopped'
  | 'unknown';

const STOPPED = 'casebot_send_stopped';

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

interface Chained {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly retryAfter?: unknown;
  readonly original?: unknown;
  readonly cause?: unknown;
}

/** The first error in `error`'s chain (`original`, `cause`) that `pick` finds something in. */
function inChain<T>(error: unknown, pick: (e: Chained) => T | undefined): T | undefined {
  let e = error as Chained | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const found = pick(e);
    if (found !== undefined) return found;
    e = (e.original ?? e.cause) as Chained | undefined;
  }
  return undefined;
}

/** Slack's Retry-After of a 429, in ms; null when the failure was not a rate limit. */
export function retryAfterMs(error: unknown): number | null {
  const seconds = inChain(error, (e) =>
    e.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number'
      ? e.retryAfter
      : undefined,
  );
  return seconds === undefined ? null : Math.max(0, seconds * 1000);
}

/** The network code of a connection that was never made (`ECONNREFUSED`, …), if it was one. */
export function neverConnected(error: unknown): string | undefined {
  return inChain(error, (e) =>
    typeof e.code === 'string' && NEVER_CONNECTED.has(e.code) ? e.code : undefined,
  );
}

export function failureKind(error: unknown): SlackFailureKind {
  if (inChain(error, (e) => (e.code === STOPPED ? true : undefined))) return 'stopped';
  if (retryAfterMs(error) !== null) return 'rate-limited';
  if (neverConnected(error)) return 'never-connected';
  const answered = inChain(error, (e) => {
    if (e.code === 'slack_webapi_platform_error') return 'refused' as const;
    if (e.code === 'slack_webapi_http_error' && typeof e.statusCode === 'number') {
      return e.statusCode < 500 ? ('refused' as const) : ('unknown' as const);
    }
    return undefined;
  });
  return answered ?? 'unknown';
}

export interface SendPolicy {
  /** Every send to this workspace passes it; a 429 closes it for all of them. */
  readonly gate: RateGate;
  /** Waiting for rate limits gives up past this much in all (nothing was sent then). */
  readonly maxWaitMs: number;
  readonly logger: Logger;
  /** Aborted: stop waiting (nothing is sent); a send in flight is cut off (delivery unknown). */
  readonly signal?: AbortSignal;
}

/** Refused connections are tried this many more times, this long apart (doubling). */
const RECONNECTS = 2;
const RECONNECT_DELAY_MS = 250;

/**
 * Sends once. It is tried again only after a failure that proves Slack took nothing: a refused
 * connection or an unknown host (twice more, briefly), a 429 (after its Retry-After, which
 * holds back every send to this workspace). A failure that leaves unknown whether Slack has the
 * message (a reset, a timeout, a 5xx) is thrown as `delivery_unknown` and never sent again, so
 * nobody gets the same message twice. Slack's own refusals are thrown as they are.
 */
export async function sendOnce<T>(send: () => Promise<T>, policy: SendPolicy): Promise<T> {
  const { gate, signal } = policy;
  let waited = 0;
  let reconnects = 0;
  for (;;) {
    const wait = gate.waitMs();
    if (waited + wait > policy.maxWaitMs) {
      throw new CasebotError('platform_failed', 'not sent: Slack asked every send to wait', {
        cause: { code: 'slack_webapi_rate_limited_error', retryAfter: wait / 1000 },
      });
    }
    waited += wait;
    if (!(await gate.enter(signal))) {
      throw new CasebotError('platform_failed', 'not sent: stopped while waiting for Slack', {
        cause: { code: STOPPED },
      });
    }
    try {
      const result = await send();
      gate.ok();
      return result;
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'rate-limited') {
        const retryAfter = retryAfterMs(error) ?? 1_000;
        gate.pause(retryAfter);
        policy.logger.info({ waitMs: retryAfter }, 'slack rate limit: every send waits');
        continue;
      }
      if (kind === 'never-connected' && reconnects < RECONNECTS) {
        gate.pause(RECONNECT_DELAY_MS * 2 ** reconnects);
        reconnects += 1;
        continue;
      }
      if (kind !== 'unknown') throw error;
      throw new CasebotError(
        'delivery_unknown',
        'Slack may or may not have the message; it is not sent again',
        { cause: error },
      );
    }
  }
}
