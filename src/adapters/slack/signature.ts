import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses requests older than this, and so do we (also ones from the future). */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  /** The body exactly as received: Slack signs its bytes, not a decoding of them. */
  readonly rawBody: Uint8Array;
  /** `X-Slack-Request-Timestamp`, as sent (it is signed as sent). */
  readonly timestamp: string;
  /** `X-Slack-Signature`: `v0=` and 64 hex digits. */
  readonly signature: string;
}

/**
 * Why a request is not Slack's, or null when it is: `v0=` HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` under the signing secret, compared in constant time, and a
 * timestamp within 5 minutes of `nowMs` (the injected clock).
 */
export function signatureProblem(
  secret: string,
  request: SignedRequest,
  nowMs: number,
): string | null {
  const { timestamp, signature, rawBody } = request;
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp missing or not a number';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
    return 'timestamp outside the 5-minute window';
  }
  const given = /^v0=([0-9a-f]{64})$/i.exec(signature)?.[1];
  if (!given) return 'signature missing or not v0';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? null : 'signature mismatch';
}
