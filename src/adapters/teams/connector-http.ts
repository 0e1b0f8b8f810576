import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RateGate } from '../../rate-gate.js';

/**
 * The request botbuilder's connector client hands its HTTP client (core-http's
 * `WebResourceLike`, the part of it read here).
 */
export interface ConnectorRequest {
  readonly url: string;
  readonly method: string;
  readonly body?: unknown;
  readonly headers: { toJson(options?: { preserveCase?: boolean }): Record<string, string> };
  /** ms; 0: none. */
  readonly timeout?: number;
  readonly abortSignal?: unknown;
}

/** core-http's `HttpHeadersLike`, over a plain map of lower-case names. */
class ResponseHeaders {
  constructor(private readonly map: Record<string, string>) {}
  get(name: string): string | undefined {
    return this.map[name.toLowerCase()];
  }
  contains(name: string): boolean {
    return name.toLowerCase() in this.map;
  }
  set(name: string, value: string | number): void {
    this.map[name.toLowerCase()] = String(value);
  }
  remove(name: string): boolean {
    const had = this.contains(name);
    delete this.map[name.toLowerCase()];
    return had;
  }
  rawHeaders(): Record<string, string> {
    return { ...this.map };
  }
  headersArray(): { name: string; value: string }[] {
    return Object.entries(this.map).map(([name, value]) => ({ name, value }));
  }
  headerNames(): string[] {
    return Object.keys(this.map);
  }
  headerValues(): string[] {
    return Object.values(this.map);
  }
  toJson(): Record<string, string> {
    return { ...this.map };
  }
  clone(): ResponseHeaders {
    return new ResponseHeaders({ ...this.map });
  }
}

export interface ConnectorResponse {
  readonly request: ConnectorRequest;
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly bodyAsText: string;
}

export interface ConnectorHttpOptions {
  /** The bot's gate: every call to the connector passes it; a 429 closes it for all. */
  readonly gate: RateGate;
  /** Rate limits are waited out this long at most per call; past that it fails as not sent. */
  readonly maxWaitMs: number;
  /** A call not answered by then counts as delivery unknown. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
}

/** Tips in flight at once; the gate keeps them under Microsoft's 50 requests per second. */
export const TEAMS_TIP_CONCURRENCY = 16;

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const RECONNECTS = 2;
const RECONNECT_DELAY_MS = 250;
/** Microsoft: retry 429 and 412 with back-off (both refuse the request before doing it). */
const WAIT_AND_RETRY = new Set([429, 412]);

/** Retry-After in ms (seconds or an HTTP date), or null. */
function retryAfterMs(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The network code of a failed fetch (undici puts it on the `cause`). */
function networkCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The connector did not take it, and said so (or never heard it). */
export function notSent(message: string, detail: Record<string, unknown>): CasebotError {
  return new CasebotError('platform_failed', message, { cause: { notSent: true, ...detail } });
}

/**
 * Whether a failure proves the connector took nothing: how long it asked to wait, or that the
 * send was stopped before it started (shutting down), or neither (it could not be reached).
 */
export function provedNotSent(
  error: unknown,
): { readonly retryAfterMs?: number; readonly stopped?: true } | null {
  const cause = (
    error as { cause?: { notSent?: unknown; retryAfterMs?: unknown; stopped?: unknown } } | null
  )?.cause;
  if (!(error instanceof CasebotError) || cause?.notSent !== true) return null;
  if (cause.stopped === true) return { stopped: true };
  return typeof cause.retryAfterMs === 'number' ? { retryAfterMs: cause.retryAfterMs } : {};
}

/**
 * The HTTP client of casebot's connector calls, in place of botbuilder's: it sends each call
 * once. botbuilder's own pipeline retries a 5xx, a reset connection or a timeout up to three
 * times, which for a post is a second copy whenever the first one did arrive. Here:
 * - a refused connection (nothing can have arrived) is tried twice more, briefly;
 * - a 429 or 412 closes the bot's gate for its Retry-After (or an exponential back-off) and
 *   is tried again after it, for up to `maxWaitMs`; past that it fails as not sent;
 * - a 5xx, 408, reset or timeout fails as `delivery_unknown` (and backs the gate off): thrown, so
 *   botbuilder's retry policy, which retries only its own list of codes, lets it through;
 * - any other answer (2xx, 4xx) goes back to botbuilder as it came.
 */
export function connectorHttpClient(options: ConnectorHttpOptions) {
  const { gate } = options;
  const fetchFn = options.fetch ?? fetch;
  return {
    async sendRequest(request: ConnectorRequest): Promise<ConnectorResponse> {
      const signal = request.abortSignal instanceof AbortSignal ? request.abortSignal : undefined;
      const timeoutMs =
        request.timeout && request.timeout > 0 ? request.timeout : options.timeoutMs;
      let waited = 0;
      let reconnects = 0;
      for (;;) {
        const wait = gate.waitMs();
        if (waited + wait > options.maxWaitMs) {
          throw notSent('Teams asked every send to wait', { statusCode: 429, retryAfterMs: wait });
        }
        waited += wait;
        if (!(await gate.enter(signal))) throw notSent('stopped before sending', { stopped: true });
        let res: Response;
        try {
          res = await fetchFn(request.url, {
            method: request.method,
            headers: request.headers.toJson({ preserveCase: true }),
            body: request.body as RequestInit['body'],
            signal: signal
              ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
              : AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          const code = networkCode(error);
          if (code && NEVER_CONNECTED.has(code)) {
            if (reconnects >= RECONNECTS)
              throw notSent(`connector unreachable (${code})`, { code });
            gate.pause(RECONNECT_DELAY_MS * 2 ** reconnects);
            reconnects += 1;
            continue;
          }
          throw new CasebotError('delivery_unknown', 'the connector may have it', { cause: error });
        }
        const bodyAsText = await res.text().catch(() => '');
        if (WAIT_AND_RETRY.has(res.status)) {
          const pause = retryAfterMs(res.headers.get('retry-after')) ?? gate.backoff();
          gate.pause(pause);
          options.logger.info(
            { status: res.status, waitMs: pause },
            'teams rate limit: every send waits',
          );
          continue;
        }
        if (res.status >= 500 || res.status === 408) {
          gate.backoff();
          throw new CasebotError('delivery_unknown', `the connector answered ${res.status}`, {
            cause: { statusCode: res.status, body: bodyAsText.slice(0, 500) },
          });
        }
        gate.ok();
        return {
          request,
          status: res.status,
          headers: new ResponseHeaders(Object.fromEntries(res.headers)),
          bodyAsText,
        };
      }
    },
  };
}
