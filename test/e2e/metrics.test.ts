import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { encodeAction } from '../../src/render/blockkit-actions.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { moved, type Scrape, scrape, series } from '../metrics/scrape.js';

/**
 * `/metrics` end to end: signed Slack requests and Teams activities through the real app and
 * server, a stand-in Slack Web API and Bot Framework connector, and a scrape before and after.
 */
const SECRET = 'metrics-e2e-secret';
const GARBAGE = 1_000;

let platform: StandIn;
let app: App;

const url = (path: string) => `http://127.0.0.1:${app.port}${path}`;

async function slack(
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
) {
  const res = await fetch(url('/slack/events'), {
    method: 'POST',
    headers: signedHeaders(SECRET, body, contentType),
    body,
  });
  expect(res.status).toBe(200);
  return res.text();
}

const slash = (text: string, channel = 'C1', user = 'U1') =>
  slack(
    new URLSearchParams({
      team_id: 'T1',
      channel_id: channel,
      channel_name: 'general',
      user_id: user,
      command: '/case',
      text,
      api_app_id: 'A1',
      response_url: `${platform.url}/hooks/${channel}`,
      trigger_id: '1.2.3',
    }).toString(),
    'application/x-www-form-urlencoded',
  );

const mention = (text: string, channel: string) =>
  slack(
    JSON.stringify({
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev${randomUUID()}`,
      event_time: 1,
      event: { type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts: '1.1', channel },
    }),
    'application/json',
  );

const feedbackClick = () =>
  slack(
    `payload=${encodeURIComponent(
      JSON.stringify({
        type: 'block_actions',
        user: { id: 'U1', team_id: 'T1' },
        api_app_id: 'A1',
        container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
        team: { id: 'T1' },
        channel: { id: 'C1' },
        response_url: `${platform.url}/hooks/click`,
        actions: [
          {
            // Slack's own 👍/👎: one action id, the pressed side's value.
            type: 'feedback_buttons',
            action_id: 'casebot.feedback.vote',
            block_id: 'feedback',
            text: { type: 'plain_text', text: '👍 Yes' },
            value: encodeAction({
              kind: 'feedback',
              caseId: 'ecommerce',
              section: null,
              helpful: true,
              query: 'ecommerce',
              lang: 'en',
            }),
            action_ts: '1.2',
          },
        ],
      }),
    )}`,
    'application/x-www-form-urlencoded',
  );

async function teams(text: string, conversation = 'a:personal') {
  const res = await fetch(url('/api/messages'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      text,
      channelId: 'msteams',
      serviceUrl: `${platform.url}/`,
      from: { id: '29:user', name: 'Ana' },
      recipient: { id: '28:bot', name: 'casebot' },
      conversation: { id: conversation, conversationType: 'personal', tenantId: 'tn' },
      locale: 'en-US',
    }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  platform = await startStandIn((req) => {
    if (req.path === '/api/auth.test') return { body: { ok: true, user_id: 'UBOT', bot_id: 'B1' } };
    if (req.path === '/api/chat.postMessage' && req.body.channel === 'CGONE') {
      return { body: { ok: false, error: 'channel_not_found' } };
    }
    if (req.path.startsWith('/v3/conversations/a%3Agone/')) {
      return { status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } };
    }
    return { body: { ok: true, id: 'reply-1' } };
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: 'memory',
    TIPS_SCHEDULER: 'off',
    DIAGRAM_RENDERER: 'none',
    SLACK_BOT_TOKEN: 'xoxb-metrics',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${platform.url}/api/`,
  });
  app = await startApp({ config, logger: silentLogger() });
});
afterAll(async () => {
  await app?.stop();
  await platform?.close();
});

describe('/metrics', () => {
  let before: Scrape;
  let after: Scrape;

  beforeAll(async () => {
    before = await scrape(app.port);
    expect(await slash('ecommerce')).toContain('response_type');
    expect(await slash('zzqx plorbing wuggle')).toContain('response_type');
    await feedbackClick();
    await mention('ecommerce', 'CGONE');
    await teams('ecommerce');
    await teams('zzqx plorbing wuggle');
    await teams('ecommerce', 'a:gone');
    // Bolt answers events and clicks before their work is done: wait until it is counted.
    for (let i = 0; i < 400; i++) {
      after = await scrape(app.port);
      const errors = after.get(
        series('casebot_requests_total', {
          platform: 'slack',
          surface: 'mention',
          outcome: 'error',
        }),
      );
      const clicks = after.get(
        series('casebot_requests_total', {
          platform: 'slack',
          surface: 'button',
          outcome: 'answered',
        }),
      );
      if (errors && clicks) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  });

  it('is Prometheus text from the app’s own registry, default process metrics included', async () => {
    const res = await fetch(url('/metrics'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
      'casebot_casebook_cases',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(after.get('casebot_casebook_cases')).toBe(app.core.catalog.cases.length);
  });

  it('counts each request once, by platform, surface and outcome', () => {
    expect(moved(before, after, 'casebot_requests_total')).toEqual({
      [series('casebot_requests_total', {
        platform: 'slack',
        surface: 'command',
        outcome: 'answered',
      })]: 1,
      [series('casebot_requests_total', {
        platform: 'slack',
        surface: 'command',
        outcome: 'no_match',
      })]: 1,
      [series('casebot_requests_total', {
        platform: 'slack',
        surface: 'button',
        outcome: 'answered',
      })]: 1,
      [series('casebot_requests_total', {
        platform: 'slack',
        surface: 'mention',
        outcome: 'error',
      })]: 1,
      [series('casebot_requests_total', {
        platform: 'teams',
        surface: 'dm',
        outcome: 'answered',
      })]: 1,
      [series('casebot_requests_total', {
        platform: 'teams',
        surface: 'dm',
        outcome: 'no_match',
      })]: 1,
      [series('casebot_requests_total', { platform: 'teams', surface: 'dm', outcome: 'error' })]: 1,
    });
    expect(moved(before, after, 'casebot_feedback_total')).toEqual({
      [series('casebot_feedback_total', { vote: 'helpful' })]: 1,
    });
    expect(moved(before, after, 'casebot_store_errors_total')).toEqual({});
  });

  it('times every answer that was ready, failed sends included', () => {
    const count = (platform: string) =>
      series('casebot_answer_duration_seconds_count', { platform });
    expect(moved(before, after, 'casebot_answer_duration_seconds_count')).toEqual({
      [count('slack')]: 4,
      [count('teams')]: 3,
    });
    const under10s = series('casebot_answer_duration_seconds_bucket', {
      le: '10',
      platform: 'slack',
    });
    expect(after.get(under10s)).toBe(after.get(count('slack')));
  });

  it('adds no series for 1,000 distinct garbage questions from as many channels and users', async () => {
    const known = new Set((await scrape(app.port)).keys());
    for (let i = 0; i < GARBAGE; i++) {
      await slash(`garbage ${randomUUID()} <@U${i}> #${i}`, `C${randomUUID()}`, `U${i}`);
    }
    const later = await scrape(app.port);
    const casebot = (keys: Iterable<string>) => [...keys].filter((k) => k.startsWith('casebot_'));
    expect(casebot(later.keys()).filter((k) => !known.has(k))).toEqual([]);
    expect(casebot(later.keys()).length).toBe(casebot(known).length);
    const noMatch = series('casebot_requests_total', {
      platform: 'slack',
      surface: 'command',
      outcome: 'no_match',
    });
    expect((later.get(noMatch) ?? 0) - (after.get(noMatch) ?? 0)).toBe(GARBAGE);
  });
});

describe('/metrics with METRICS=off', () => {
  it('is not served', async () => {
    const off = await startApp({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'memory', METRICS: 'off' }),
      logger: silentLogger(),
    });
    try {
      expect((await fetch(`http://127.0.0.1:${off.port}/metrics`)).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});
