import type { WebClient } from '@slack/web-api';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { type BlockKitMessage, withoutImages } from '../../render/blockkit.js';
import { type SendPolicy, sendOnce } from './delivery.js';

/** What Slack said went wrong, for any Web API or response_url failure. */
export interface SlackFailure {
  /** Slack's error string (`invalid_blocks`, `not_in_channel`, …) or `http_<status>`. */
  readonly error: string;
  /** Details Slack adds (`downloading image failed [json-pointer:/blocks/6/image_url]`). */
  readonly details: readonly string[];
}

/** The Slack error code of anything thrown by WebClient or `postToResponseUrl`. */
export function slackFailure(error: unknown): SlackFailure | null {
  const e = error as { code?: string; data?: Record<string, unknown>; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const data = e.data;
  if (data && typeof data.error === 'string') {
    const meta = data.response_metadata as { messages?: unknown } | undefined;
    const details = [
      ...(Array.isArray(data.errors) ? data.errors : []),
      ...(Array.isArray(meta?.messages) ? meta.messages : []),
    ].map(String);
    return { error: data.error, details };
  }
  return e.cause && e.cause !== error ? slackFailure(e.cause) : null;
}

export function slackErrorCode(error: unknown): string | undefined {
  return slackFailure(error)?.error;
}

/** Slack could not use the message because of its image (the diagram could not be fetched). */
function imageRejected(error: unknown): boolean {
  const f = slackFailure(error);
  if (!f || (f.error !== 'invalid_blocks' && f.error !== 'invalid_blocks_format')) return false;
  // Slack says "downloading image failed" / "invalid image"; with no detail, dropping the image
  // is still the only change worth trying.
  return f.details.length === 0 || f.details.some((d) => /image/i.test(d));
}

/** Sends; if Slack refuses the diagram image, sends again without it (the editor link stays). */
export async function sendWithImageFallback<T>(
  message: BlockKitMessage,
  send: (m: BlockKitMessage) => Promise<T>,
  logger: Logger,
): Promise<T> {
  try {
    return await send(message);
  } catch (error) {
    const hasImage = message.blocks.some((b) => b.type === 'image');
    if (!hasImage || !imageRejected(error)) throw error;
    logger.warn(
      { slack: slackFailure(error) },
      'Slack could not load the diagram image; sending without it',
    );
    return send(withoutImages(message));
  }
}

const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * POSTs to a `response_url` (slash commands and buttons) and, unlike Bolt's `respond()`, reads
 * Slack's answer, so `invalid_blocks` and friends can be told apart. Failures are shaped as the
 * Web API client's are (a refusal, a 5xx, a 429 with its Retry-After), so `failureKind` reads
 * both; a network failure is thrown as fetch reports it.
 */
export async function postToResponseUrl(
  url: string,
  body: Record<string, unknown>,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
  });
  const text = await res.text().catch(() => '');
  let data: Record<string, unknown> | null = null;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Slack answers "ok" or an error word in plain text on some endpoints.
  }
  if (res.ok && data?.ok !== false) return;
  const errorWord =
    typeof data?.error === 'string' ? data.error : text.trim() || `http_${res.status}`;
  const failure = { statusCode: res.status, data: { ...(data ?? {}), error: errorWord } };
  const cause =
    res.status === 429
      ? {
          ...failure,
          code: 'slack_webapi_rate_limited_error',
          retryAfter: Number(res.headers.get('retry-after')) || 1,
        }
      : {
          ...failure,
          code: res.status >= 500 ? 'slack_webapi_http_error' : 'slack_webapi_platform_error',
        };
  throw new CasebotError('platform_failed', `response_url refused the message: ${errorWord}`, {
    cause,
  });
}

/** Replies through a response_url, once (see `sendOnce`), with the image fallback. */
export function respondWith(
  url: string,
  message: BlockKitMessage,
  extra: Record<string, unknown>,
  policy: SendPolicy,
): Promise<void> {
  return sendWithImageFallback(
    message,
    (m) => sendOnce(() => postToResponseUrl(url, { ...extra, ...m }), policy),
    policy.logger,
  );
}

/** chat.postMessage, once (see `sendOnce`), with the image fallback; the `ts` it was posted at. */
export async function postMessage(
  client: WebClient,
  target: { channel: string; thread_ts?: string },
  message: BlockKitMessage,
  policy: SendPolicy,
): Promise<string | undefined> {
  const posted = await sendWithImageFallback(
    message,
    (m) =>
      sendOnce(
        () =>
          client.chat.postMessage({
            ...target,
            text: m.text,
            blocks: m.blocks,
            unfurl_links: false,
            unfurl_media: false,
          }),
        policy,
      ),
    policy.logger,
  );
  return typeof posted.ts === 'string' ? posted.ts : undefined;
}
