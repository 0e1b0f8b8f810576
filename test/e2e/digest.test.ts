import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { runCli } from '../helpers/run-cli.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { createTestSchema, TEST_DATABASE_URL } from '../store/pg-schema.js';

/*
 * The weekly gap report, end to end: people ask, vote 👎 and ask for a person through two real
 * server replicas on one database; then `casebot digest` runs in two processes at the same
 * moment (two CronJobs), against a stand-in Slack Web API. One report is posted, and it says what
 * happened that week.
 */
const SECRET = 'e2e-digest-secret';
const OWN = path.resolve(import.meta.dirname, '../fixtures/casebook-own');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const tomorrow = new Date(Date.now() + 24 * 3600_000);
/** A schedule whose moment is tomorrow 09:00 UTC, so everything asked now is in its week. */
const SCHEDULE = `${WEEKDAYS[tomorrow.getUTCDay()]} 09:00`;
const AFTER_MOMENT = `${tomorrow.toISOString().slice(0, 10)}T09:05:00Z`;

interface Engine {
  readonly name: string;
  readonly databaseUrl: () => Promise<{ url: string; drop(): Promise<void> }>;
}
const engines: Engine[] = [
  {
    name: 'SQLite',
    databaseUrl: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'casebot-digest-'));
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

type Element = {
  type?: string;
  action_id?: string;
  value?: string;
  negative_button?: { value?: string };
};
type Message = { text?: string; blocks?: { elements?: Element[] }[] };

/** The press of a button by its action id; `👎` is the negative side of Slack's feedback buttons. */
function pressable(message: Message, prefix: string) {
  const elements = (message.blocks ?? []).flatMap((x) => x.elements ?? []);
  if (prefix === '👎') {
    const thumbs = elements.find((e) => e.type === 'feedback_buttons');
    return (
      thumbs && {
        type: 'feedback_buttons',
        action_id: thumbs.action_id,
        value: thumbs.negative_button?.value,
      }
    );
  }
  const b = elements.find((e) => e.action_id?.startsWith(prefix));
  return b && { type: 'button', action_id: b.action_id, value: b.value };
}

describe.each(engines)('the weekly gap report on $name', (engine) => {
  let platform: StandIn;
  let db: { url: string; drop(): Promise<void> };
  let replicas: App[] = [];

  const env = () => ({
    DATABASE_URL: db.url,
    CASES_DIR: OWN,
    SLACK_BOT_TOKEN: 'xoxb-e2e',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${platform.url}/api/`,
    DIGEST_CHANNEL: 'C0DIGEST',
    DIGEST_SCHEDULE: SCHEDULE,
    DIGEST_TZ: 'UTC',
  });
  const digestPosts = () =>
    platform.received.filter(
      (r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0DIGEST',
    );

  const send = async (app: App, body: string) => {
    const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
      body,
    });
    expect(res.status).toBe(200);
    return res;
  };
  const waitFor = async (what: () => boolean) => {
    for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(what()).toBe(true);
  };

  let n = 0;
  /** `/case TEXT` on one replica; the ephemeral answer. */
  const slash = async (app: App, user: string, text: string): Promise<Message> => {
    const hook = `/commands/${++n}`;
    const res = await send(
      app,
      new URLSearchParams({
        team_id: 'T1',
        channel_id: 'C1',
        channel_name: 'platform',
        user_id: user,
        command: '/case',
        text,
        response_url: `${platform.url}${hook}`,
        trigger_id: '1.2.3',
      }).toString(),
    );
    const ack = await res.text();
    if (ack) return JSON.parse(ack) as Message;
    await waitFor(() => platform.received.some((r) => r.path === hook));
    return platform.received.find((r) => r.path === hook)!.body as Message;
  };

  /** Presses a button of an ephemeral answer, on one replica. */
  const press = async (app: App, user: string, message: Message, prefix: string) => {
    const action = pressable(message, prefix);
    expect(action, `${prefix} in ${JSON.stringify(message).slice(0, 200)}`).toBeDefined();
    const hook = `/actions/${++n}`;
    const payload = {
      type: 'block_actions',
      user: { id: user },
      team: { id: 'T1' },
      channel: { id: 'C1' },
      container: { type: 'message', message_ts: '1.0', channel_id: 'C1', is_ephemeral: true },
      response_url: `${platform.url}${hook}`,
      actions: [action],
    };
    await send(app, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    await waitFor(() =>
      platform.received.some((r) => r.path === hook || r.path === '/api/chat.postMessage'),
    );
    return platform.received.filter((r) => r.path === hook).map((r) => r.body as Message);
  };

  beforeAll(async () => {
    platform = await startStandIn((req) => {
      if (req.path === '/api/auth.test') {
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
      }
      if (req.path === '/api/chat.postMessage') {
        return { body: { ok: true, channel: req.body.channel, ts: '2.0' } };
      }
      return undefined;
    });
    db = await engine.databaseUrl();
    const config = loadConfig({ ...env(), PORT: '0', HOST: '127.0.0.1', TIPS_SCHEDULER: 'off' });
    replicas = [
      await startApp({ config, logger: silentLogger() }),
      await startApp({ config, logger: silentLogger() }),
    ];
  });

  afterAll(async () => {
    for (const app of replicas) await app.stop();
    await platform?.close();
    await db?.drop();
  });

  it('collects a week of questions, 👎 and hand-offs through two replicas', async () => {
    const [a, b] = replicas as [App, App];
    const miss = await slash(a, 'U1', 'kafka chaos experiments');
    expect(JSON.stringify(miss)).toContain('No case in the casebook is about');
    await slash(b, 'U2', 'chaos experiments on kafka');
    await slash(a, 'U3', 'quantum key distribution for our VPN');

    const secrets = await slash(b, 'U2', 'how do we rotate database passwords');
    // A stale case says so on its card.
    expect(JSON.stringify(secrets)).toMatch(/Owner: Sam Patel[^"]*due for review/);
    await press(a, 'U2', secrets, '👎');

    await press(b, 'U1', miss, 'casebot.handoff');
    await waitFor(() =>
      platform.received.some(
        (r) =>
          r.path === '/api/chat.postMessage' &&
          JSON.stringify(r.body).includes('asked for a person'),
      ),
    );
    // Misses are recorded in the background: until the store has all three.
    let recorded = 0;
    for (let i = 0; i < 200 && recorded < 3; i++) {
      recorded = (await a.store.topMisses()).reduce((sum, m) => sum + m.count, 0);
      if (recorded < 3) await new Promise((r) => setTimeout(r, 25));
    }
    expect(recorded).toBe(3);
  });

  it('is posted once when two CronJob runs start at the same moment, and says what happened', async () => {
    const run = () =>
      runCli(['digest', '--now', AFTER_MOMENT], {
        env: { ...env(), LOG_LEVEL: 'error' },
        timeoutMs: 30_000,
      });
    const runs = await Promise.all([run(), run()]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const summaries = runs.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!));
    expect(summaries.map((s) => s.posted).sort()).toEqual([0, 1]);
    expect(summaries.map((s) => s.already).sort()).toEqual([0, 1]);
    expect(digestPosts()).toHaveLength(1);

    const report = JSON.stringify(digestPosts()[0]!.body.blocks);
    expect(report).toContain('Weekly gap report');
    expect(report).toMatch(/Questions that found nothing[^"]*\(3\)/);
    // The same question in other words is one row, counted twice.
    expect(report).toMatch(
      /“(kafka chaos experiments|chaos experiments on kafka)” \*×2\* {2}\(2 ways of asking\)/,
    );
    expect(report).toContain('“quantum key distribution for our vpn” *×1*');
    expect(report).toMatch(
      /\*Rotating database secrets without downtime\* ×1 — “how do we rotate database passwords”/,
    );
    expect(report).toMatch(/\*No close case\* — 1 asked, 1 still open/);
    expect(report).toContain('Still open: “kafka chaos experiments”');
    expect(report).toMatch(
      /\*Rotating database secrets without downtime\* — reviewed [^"]*ago \(Sam Patel\)/,
    );
    expect(report).toMatch(/\*A shared build cache for CI\* — never reviewed \(Platform team\)/);
  });

  it('is not posted again that week; --dry-run prints the same report', async () => {
    const again = await runCli(['digest', '--now', AFTER_MOMENT], {
      env: { ...env(), LOG_LEVEL: 'error' },
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ posted: 0, already: 1 });
    expect(digestPosts()).toHaveLength(1);
    const dry = await runCli(['digest', '--dry-run', '--now', AFTER_MOMENT], { env: env() });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('📊 Weekly gap report');
    expect(dry.stdout).toContain('“quantum key distribution for our vpn” ×1');
    expect(digestPosts()).toHaveLength(1);
  });
});
