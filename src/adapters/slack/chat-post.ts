import http from 'node:http';
import https from 'node:https';

/**
 * One `chat.postMessage`, JSON over a keep-alive connection, nothing else: no retries, no
 * queue, no logging of the body. The daily tips of 10,000 channels go through here; the Web API
 * client costs about twice the CPU per call (its body serialising, debug logging and response
 * building) and is kept for everything else. Failures are shaped as the Web API client's
 * (`code`, `data`, `statusCode`, `retryAfter`), so `failureKind` and `slackFailure` read both; a
 * network failure is thrown as Node reports it (its `code`: `ECONNREFUSED`, `ECONNRESET`, …).
 */
export type ChatPost = (
  body: Record<string, unknown>,
  signal?: AbortSignal,
) => Promise<Record<string, unknown>>;

export interface ChatPostOptions {
  /** The Web API base, e.g. `https://slack.com/api/`. */
  readonly apiUrl: string;
  readonly token: string;
  /** A call not answered by then is aborted (delivery unknown). */
  readonly timeoutMs: number;
}

function failure(code: string, message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { code, ...fields });
}

export function chatPoster(options: ChatPostOptions): ChatPost {
  const url = new URL('chat.postMessage', options.apiUrl);
  const secure = url.protocol === 'https:';
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: 128 });
  const request = secure ? https.request : http.request;

  return (body, signal) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status === 429) {
              const retryAfter = Number(res.headers['retry-after']);
              return reject(
                failure('slack_webapi_rate_limited_error', 'Slack: rate limited', {
                  retryAfter: Number.isFinite(retryAfter) ? retryAfter : 1,
                }),
              );
            }
            if (status !== 200) {
              return reject(
                failure('slack_webapi_http_error', `Slack answered HTTP ${status}`, {
                  statusCode: status,
                }),
              );
            }
            let data: Record<string, unknown>;
            try {
              data = JSON.parse(text) as Record<string, unknown>;
            } catch {
              return reject(
                failure('slack_webapi_http_error', 'Slack answered something not JSON', {
                  statusCode: 502,
                }),
              );
            }
            if (data.ok === true) return resolve(data);
            reject(
              failure('slack_webapi_platform_error', `Slack: ${String(data.error)}`, { data }),
            );
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}
