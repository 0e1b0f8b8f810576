import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { encodeAction } from '../../src/render/blockkit-actions.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { moved, type Scrape, scrape, series } from '../metrics/scrape.js';

/**
 * The database is down (PostgreSQL refusing connections): lookups still work, and everything that
 * needs the store gets a polite "try again", counted as `outcome="store_error"` and logged at
 * error level with its request id and cause (issue 23, item 11).
 */
const SECRET = 'store-outage-secret';
let platform: StandIn;
let app: App;
const logs: Record<string, unknown>[] = [];

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function slack(body: string, contentType: string) {
  const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(SECRET, body, contentType as 'application/json'),
    body,
  });
  expect(res.status).toBe(200);
  return { requestId: res.headers.get('x-request-id'), text: await res.text() };
}

const slash = (text: string) =>
  slack(
    new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      channel_name: 'general',
      user_id: 'U1',
      command: '/case',
      text,
      api_app_id: 'A1',
      response_url: `${platform.url}/hooks/C1`,
      trigger_id: '1.2.3',
    }).toString(),
    'application/x-www-form-urlencoded',
  );

const vote = () =>
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
            type: 'button',
            action_id: 'casebot.feedback.up',
            block_id: 'feedback',
            value: encodeAction({
              kind: 'feedback',
              caseId: 'edge',
              section: null,
              helpful: true,
              query: 'iot',
              lang: 'en',
            }),
            action_ts: '1.2',
          },
        ],
      }),
    )}`,
    'application/x-www-form-urlencoded',
  );

async function teams(text: string) {
  const res = await fetch(`http://127.0.0.1:${app.port}/api/messages`, {
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
      conversation: { id: 'a:personal', conversationType: 'personal', tenantId: 'tn' },
      locale: 'en-US',
    }),
  });
  expect(res.status).toBe(200);
}

const requests = (platform: string, surface: string, outcome: string) =>
  series('casebot_requests_total', { platform, surface, outcome });

beforeAll(async () => {
  platform = await startStandIn((req) => {
    if (req.path === '/api/auth.test') return { body: { ok: true, user_id: 'UBOT', bot_id: 'B1' } };
    return { body: { ok: true, id: 'reply-1' } };
  });
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `postgres://casebot@127.0.0.1:${await closedPort()}/casebot`,
    TIPS_SCHEDULER: 'off',
    DIAGRAM_RENDERER: 'none',
    SLACK_BOT_TOKEN: 'xoxb-outage',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${platform.url}/api/`,
  });
  app = await startApp({ config, logger: createLogger({ level: 'info', destination }) });
});
afterAll(async () => {
  await app?.stop();
  await platform?.close();
});

describe('while the database is down', () => {
  let before: Scrape;
  let after: Scrape;
  const answers: { requestId: string | null; text: string }[] = [];

  beforeAll(async () => {
    before = await scrape(app.port);
    answers.push(await slash('subscribe 09:00 UTC'));
    answers.push(await slash('unsubscribe'));
    answers.push(await slash('flash sale'));
    await vote();
    await teams('subscribe 09:00 UTC');
    for (let i = 0; i < 400; i++) {
      after = await scrape(app.port);
      const done = [
        requests('slack', 'button', 'store_error'),
        requests('teams', 'dm', 'store_error'),
      ];
      if (done.every((s) => after.get(s))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  });

  it('answers look-ups, and asks to try again for what needs the store', () => {
    const [subscribe, unsubscribe, lookup] = answers;
    expect(subscribe?.text).toMatch(/can’t reach my database/);
    expect(unsubscribe?.text).toMatch(/can’t reach my database/);
    expect(lookup?.text).not.toMatch(/database/);
    expect(lookup?.text).toContain('response_type');
    const teamsReplies = platform.received.filter((r) => r.path.startsWith('/v3/conversations/'));
    expect(JSON.stringify(teamsReplies.at(-1)?.body)).toMatch(/can’t reach my database/);
  });

  it('counts each of them as store_error, not as answered', () => {
    const counted = moved(before, after, 'casebot_requests_total');
    expect(counted[requests('slack', 'command', 'store_error')]).toBe(2);
    expect(counted[requests('slack', 'command', 'answered')]).toBe(1);
    expect(counted[requests('slack', 'button', 'store_error')]).toBe(1);
    expect(counted[requests('slack', 'button', 'answered')]).toBeUndefined();
    expect(counted[requests('teams', 'dm', 'store_error')]).toBe(1);
    expect(counted[requests('teams', 'dm', 'answered')]).toBeUndefined();
  });

  it('logs each of them at error level with its request id and the cause', () => {
    const lines = logs.filter((l) => l.msg === 'store failed; the user was asked to try again');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 50, code: 'store_unavailable' });
      expect(JSON.stringify(line.err)).toMatch(/ECONNREFUSED/);
    }
    const ids = lines.map((l) => l.requestId);
    for (const answer of answers.slice(0, 2)) expect(ids).toContain(answer.requestId);
  });
});
