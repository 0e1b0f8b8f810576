import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { CLI, ROOT, runCli } from '../helpers/run-cli.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { newSub } from '../store/store-contract.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

/**
 * `casebot tips post-due` as a CronJob pod runs it, sent SIGTERM mid-pass (its deadline, a
 * drained node): it claims nothing more, lets the sends in flight finish, records them, prints
 * its summary and exits 0. No day is left `claimed` or `sending`, so the next run posts the rest,
 * each channel once.
 */
const CHANNELS = 60;
const NOW = '2025-06-01T09:30:00Z';

let slack: StandIn;
let file: ReturnType<typeof tempSqlitePath>;
const env = () => ({
  DATABASE_URL: `sqlite:${file.path}`,
  SLACK_BOT_TOKEN: 'xoxb-sigterm',
  SLACK_SIGNING_SECRET: 'sigterm-secret',
  SLACK_API_URL: `${slack.url}/api/`,
  LOG_LEVEL: 'error',
});
const posts = () => slack.received.filter((r) => r.path === '/api/chat.postMessage');

beforeAll(async () => {
  // A slow Slack: every post is answered (ok) a second after it arrived.
  slack = await startStandIn((req) =>
    req.path === '/api/chat.postMessage'
      ? { body: { ok: true, ts: '1.0' }, delayMs: 1_000 }
      : { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } },
  );
  file = tempSqlitePath();
  const store = new SqliteStore(file.path);
  for (let i = 0; i < CHANNELS; i += 1) {
    await store.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
  }
  await store.close();
});
afterAll(async () => {
  await slack?.close();
  file?.remove();
});

function statuses(): Record<string, number> {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(file.path, { readOnly: true });
  try {
    const rows = db
      .prepare('SELECT status, COUNT(*) AS n FROM tip_posts GROUP BY status')
      .all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  } finally {
    db.close();
  }
}

describe('tips post-due and SIGTERM', () => {
  it('stops claiming, records what it sent, and exits 0; the next run posts the rest once', async () => {
    const child = spawn(process.execPath, [CLI, 'tips', 'post-due', '--now', NOW], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    while (posts().length < 3) {
      if (child.exitCode !== null) throw new Error(`post-due ended early: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const sentBeforeStop = posts().length;
    expect(sentBeforeStop).toBeLessThan(CHANNELS);
    expect(summary.posted).toBe(sentBeforeStop);
    expect(summary.stopped.unclaimed + summary.stopped.released + summary.posted).toBe(CHANNELS);
    expect(statuses()).toEqual({ posted: sentBeforeStop });

    const rest = await runCli(['tips', 'post-due', '--now', NOW], {
      env: env(),
      timeoutMs: 60_000,
    });
    expect(rest.code, rest.stderr).toBe(0);
    const channels = posts().map((p) => String(p.body.channel));
    expect(channels).toHaveLength(CHANNELS);
    expect(new Set(channels).size).toBe(CHANNELS);
    expect(statuses()).toEqual({ posted: CHANNELS });
  });
});
