import { createHmac } from 'node:crypto';

/**
 * Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`), over the
 * body's bytes as sent (a string is sent as UTF-8).
 */
export function slackSignature(
  secret: string,
  timestamp: number,
  body: string | Uint8Array,
): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body);
  return `v0=${hmac.digest('hex')}`;
}

/** The headers Slack sends with a signed request. */
export function signedHeaders(
  secret: string,
  body: string | Uint8Array,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
}
