import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { runCli } from '../helpers/run-cli.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { createTestSchema, TEST_DATABASE_URL } from '../store/pg-schema.js';

/**
 * The daily tip, end to end, as users and replicas see it: channels subscribe through the real
 * server (a signed Slack slash command, a Teams message), then `casebot tips post-due` runs in
 * two processes at the same moment against a stand-in Slack Web API and Bot Framework connector.
 */
const SECRET = 'e2e-signing-secret';
const DAY = 24 * 3600_000;
const dayAt = (offsetDays: number, hhmm: string) =>
  `${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T${hhmm}:00Z`;

interface Engine {
  readonly name: string;
  readonly databaseUrl: () => Promise<{ url: string; drop(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'SQLite',
    databaseUrl: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'casebot-e2e-'));
      return {
        url: `sqlite:${path.join(dir, 'casebot.db')}`,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (TEST_DATABASE_URL) {
  engines.push({ name: 'PostgreSQL', databaseUrl: () => createTestSchema(TEST_DATABASE_URL!) });
}

const catalog = await loadCatalog('cases');

/**
 * A Slack tip card, judged against the tip it carries: the tip's own text; a tip drawn from a
 * case names that case and has exactly one "Read the case" button opening it; a general tip has
 * neither.
 */
function expectTipCard(blocks: unknown): void {
  const list = blocks as { block_id?: string; text?: { text?: string }; elements?: unknown[] }[];
  expect(JSON.stringify(list[0])).toContain('Tip of the day');
  const text = list.find((b) => b.block_id === 'text')?.text?.text;
  const tip = catalog.tips.find((t) => t.text.en === text);
  expect(tip, `a tip of the casebook: ${text}`).toBeDefined();
  const caseLine = list.find((b) => b.block_id === 'context');
  const actions = list.find((b) => b.block_id === 'tip')?.elements ?? [];
  const readCase = actions.filter((e) => JSON.stringify(e).includes('Read the case'));
  if (!tip!.caseId) {
    expect(JSON.stringify(caseLine ?? '')).not.toContain('Case: ');
    expect(readCase).toEqual([]);
    return;
  }
  const c = catalog.byId.get(tip!.caseId)!;
  expect(JSON.stringify(caseLine?.elements), `the case line of tip ${tip!.id}`).toContain(
    `Case: ${c.title.en}`,
  );
  expect(readCase).toEqual([
    expect.objectContaining({
      type: 'button',
      text: expect.objectContaining({ text: '📘 Read the case' }),
      value: JSON.stringify({ k: 's', c: c.id, s: null, l: 'en' }),
    }),
  ]);
}

describe.each(engines)('daily tips on $name', (engine) => {
  let platform: StandIn;
  let app: App;
  let db: { url: string; drop(): Promise<void> };
  const replies = new Map<string, unknown[]>();

  const posts = (channel: string) =>
    platform.received.filter(
      (r) => r.path === '/api/chat.postMessage' && r.body.channel === channel,
    );
  const delivered = (channel: string) => posts(channel).filter((r) => r.body.__refused !== true);
  const teamsPosts = () =>
    platform.received.filter((r) => /^\/v3\/conversations\/[^/]+\/activities$/.test(r.path));

  const slash = async (channel: string, text: string) => {
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: 'T1',
      team_domain: 'acme',
      channel_id: channel,
      channel_name: channel.toLowerCase(),
      user_id: 'U1',
      user_name: 'ana',
      command: '/case',
      text,
      api_app_id: 'A1',
      response_url: `${platform.url}/commands/${channel}`,
      trigger_id: '1.2.3',
    }).toString();
    const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
      body,
    });
    expect(res.status).toBe(200);
    // The confirmation is the ack itself when it is ready in time, else it comes through the
    // response_url.
    const ack = await res.text();
    if (ack) replies.set(channel, [...(replies.get(channel) ?? []), JSON.parse(ack)]);
    else {
      await waitFor(() => platform.received.some((r) => r.path === `/commands/${channel}`));
      const sent = platform.received.filter((r) => r.path === `/commands/${channel}`);
      replies.set(
        channel,
        sent.map((r) => r.body),
      );
    }
  };

  const waitFor = async (what: () => boolean) => {
    for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(what()).toBe(true);
  };

  const postDue = (now: string) =>
    runCli(['tips', 'post-due', '--now', now], {
      env: {
        DATABASE_URL: db.url,
        SLACK_BOT_TOKEN: 'xoxb-e2e',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${platform.url}/api/`,
        LOG_LEVEL: 'error',
      },
      timeoutMs: 30_000,
    });

  beforeAll(async () => {
    platform = await startStandIn((req) => {
      const refuse = (error: string) => {
        (req.body as Record<string, unknown>).__refused = true;
        return { body: { ok: false, error } };
      };
      if (req.path === '/api/auth.test') {
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
      }
      if (req.path === '/api/chat.postMessage') {
        if (req.body.channel === 'CGONE') return refuse('channel_not_found');
        if (req.body.channel === 'CBUSY' && posts('CBUSY').length === 1) {
          (req.body as Record<string, unknown>).__refused = true;
          return {
            status: 429,
            headers: { 'retry-after': '1' },
            body: { ok: false, error: 'ratelimited' },
          };
        }
        return { body: { ok: true, channel: req.body.channel, ts: '1.0' } };
      }
      if (req.path.startsWith('/v3/conversations/')) return { body: { id: 'activity-1' } };
      return undefined;
    });
    db = await engine.databaseUrl();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-e2e',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${platform.url}/api/`,
      DATABASE_URL: db.url,
      TIPS_SCHEDULER: 'off',
    });
    app = await startApp({ config, logger: silentLogger() });
  });

  afterAll(async () => {
    await app?.stop();
    await platform?.close();
    await db?.drop();
  });

  it('subscribes channels through a signed slash command and a Teams message', async () => {
    await slash('C1', 'subscribe 09:00 UTC');
    await slash('CBUSY', 'subscribe 09:00 UTC');
    await slash('CGONE', 'subscribe 09:00 UTC');
    await slash('CTOKYO', 'subscribe 19:00 Asia/Tokyo');
    await slash('CQUIET', 'subscribe 09:00 UTC');
    await slash('CQUIET', 'unsubscribe');
    expect(JSON.stringify(replies.get('C1'))).toMatch(/Subscribed.*09:00/);
    expect(JSON.stringify(replies.get('CQUIET'))).toMatch(/Unsubscribed/);

    const activity = JSON.parse(readFileSync('test/fixtures/teams/personal-message.json', 'utf8'));
    activity.serviceUrl = `${platform.url}/`;
    activity.text = '订阅 08:00 Europe/London';
    const res = await fetch(`http://127.0.0.1:${app.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
    await waitFor(() => platform.received.some((r) => /\/activities\/[^/]+$/.test(r.path)));
    await app.stop();
  });

  it('posts each due channel exactly once when two replicas run at the same moment, a tip card with its case button', async () => {
    const runs = await Promise.all([postDue(dayAt(1, '09:30')), postDue(dayAt(1, '09:30'))]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    expect(delivered('C1')).toHaveLength(1);
    expect(posts('CBUSY')).toHaveLength(2); // a 429, waited out, then the post
    expect(delivered('CBUSY')).toHaveLength(1);
    expect(posts('CQUIET')).toHaveLength(0); // unsubscribed
    expect(posts('CTOKYO')).toHaveLength(0); // 18:30 in Tokyo: not yet
    expect(posts('CGONE')).toHaveLength(1); // deleted: tried once, then retired
    expectTipCard(delivered('C1')[0]!.body.blocks);

    const [teams] = teamsPosts();
    expect(teamsPosts()).toHaveLength(1);
    const card = (
      teams!.body.attachments as { contentType: string; content: Record<string, unknown> }[]
    )[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(String(card.content.fallbackText)).toMatch(/[\u4e00-\u9fff]/); // subscribed in Chinese
  });

  it('posts nothing twice the same day, and Tokyo at its own local time', async () => {
    const before = platform.received.length;
    const again = await postDue(dayAt(1, '09:45'));
    expect(again.code).toBe(0);
    expect(platform.received.length).toBe(before);
    await postDue(dayAt(1, '10:01'));
    expect(delivered('CTOKYO')).toHaveLength(1);
    expectTipCard(delivered('CTOKYO')[0]!.body.blocks);
    expect(delivered('C1')).toHaveLength(1);
  });

  it('brings a different tip card the next day; the deleted channel stays retired', async () => {
    await postDue(dayAt(2, '09:30'));
    const [first, second] = delivered('C1');
    expect(second).toBeDefined();
    expectTipCard(second!.body.blocks);
    expect(second!.body.text).not.toBe(first!.body.text);
    expect(posts('CGONE')).toHaveLength(1);
    expect(teamsPosts()).toHaveLength(2);
  });
});
