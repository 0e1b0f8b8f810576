import { type SignedRequest, slackHeaders, slashCommandBody } from './slack-request.js';

/** What a busy channel says that is not a question for the casebook (95 % of the load). */
const CHATTER = [
  'deploying v2.3 to staging now 🚀',
  'standup: finished the HPA tuning, today the Helm chart cleanup',
  'ERROR 2026-01-05T09:12:44Z pod/checkout-7d9f crashloop: OOMKilled',
  'lunch at 12?',
  'thanks, that helps',
  'kubectl rollout status deploy/api --timeout=120s',
  '发布完成，监控一切正常',
  '今天下午三点开架构评审会',
  'the flash sale dashboard is green again',
  'PR #4812 is ready for review',
  'who has the on-call pager this week?',
  '我们的 GPU 节点今天又满了',
  'https://grafana.example.com/d/abc123/checkout?orgId=1',
  'Kafka consumer lag back under 1k',
  'ok, merging',
  '周报已经发到群里了',
  'the canary looks fine, promoting',
  'rebooting the bastion host in 5 min',
  'nice work on the latency fix 👏',
];
/** Questions the casebook answers (5 % of the load). */
const QUESTIONS = [
  'How did the e-commerce platform handle flash sale traffic spikes?',
  '双十一大促的秒杀流量，电商平台是怎么扛住的？',
];

const CHANNEL = 'C0BENCH';

/** A `message` event in a channel, as Slack sends it. */
function messageEvent(text: string, ts: string, n: number): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev0BENCH${n}`,
    event_time: Math.floor(Number(ts)),
    event: {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: `U0BENCH${n % 50}`,
      text,
      ts,
    },
  });
}

/**
 * Signed message events into one channel, 19 of every 20 chatter and one a question, each with its
 * own `ts` (within Slack's 5-minute window and casebot's age limit for a run of seconds).
 */
export function signedChannelMessages(secret: string, count = 400, path = '/slack/events') {
  const now = Date.now() / 1000;
  const seconds = Math.floor(now);
  return Array.from({ length: count }, (_, n): SignedRequest => {
    const text =
      n % 20 === 19
        ? QUESTIONS[Math.floor(n / 20) % QUESTIONS.length]!
        : CHATTER[n % CHATTER.length]!;
    const body = messageEvent(text, `${seconds}.${String(n).padStart(6, '0')}`, n);
    return {
      method: 'POST',
      path,
      headers: { ...slackHeaders(secret, body, seconds), 'content-type': 'application/json' },
      body,
    };
  });
}

/** `/case auto on` in the bench's channel. */
export function signedAutoOn(secret: string, responseUrl: string): SignedRequest {
  const body = slashCommandBody('auto on', responseUrl, 0);
  return {
    method: 'POST',
    path: '/slack/events',
    headers: slackHeaders(secret, body, Math.floor(Date.now() / 1000)),
    body,
  };
}
