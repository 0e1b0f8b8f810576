import { createHmac } from 'node:crypto';

/** Questions people really type after `/case`, in both languages (a lookup, a search, a list). */
export const SLASH_TEXTS = [
  'flash sale',
  '秒杀 架构',
  'show finance',
  'gpu autoscaling',
  'list',
  '边缘计算 网络不稳定',
  'compare ecommerce finance',
  'how do banks handle compliance',
];

/** A slash command's form body, as Slack sends it; `response_url` points at the stand-in. */
export function slashCommandBody(text: string, responseUrl: string, n: number): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'architecture',
    user_id: `U0BENCH${n % 50}`,
    user_name: 'bench',
    command: '/case',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1337.42.${n}`,
  }).toString();
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function slackHeaders(
  secret: string,
  body: string,
  timestampSeconds: number,
): Record<string, string> {
  const signature = createHmac('sha256', secret)
    .update(`v0:${timestampSeconds}:${body}`)
    .digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

export interface SignedRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * One signed request per question, all with the current timestamp: valid for Slack's 5-minute
 * window, far longer than one measured run.
 */
export function signedSlashCommands(
  secret: string,
  responseUrl: string,
  path = '/slack/events',
): SignedRequest[] {
  const ts = Math.floor(Date.now() / 1000);
  return SLASH_TEXTS.map((text, n) => {
    const body = slashCommandBody(text, responseUrl, n);
    return { method: 'POST', path, headers: slackHeaders(secret, body, ts), body };
  });
}
