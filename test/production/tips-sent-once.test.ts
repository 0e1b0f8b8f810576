import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../helpers/run-cli.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { newSub } from '../store/store-contract.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

/**
 * `casebot tips post-due` against a Slack that fails the way a real one can (issue #23, 1): a
 * post whose connection is reset after Slack read it, or that gets a 500, may be in the channel,
 * so it is sent exactly once and that day is not tried again; a 429 took nothing, so the tip
 * goes again after the Retry-After and arrives once.
 */
const NOW = '2025-06-01T09:30:00Z';
let slack: StandIn;
let file: ReturnType<typeof tempSqlitePath>;

const posts = (channel: string) =>
  slack.received.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel);

beforeAll(async () => {
  slack = await startStandIn((req) => {
    if (req.path !== '/api/chat.postMessage') {
      return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
    }
    const first = posts(String(req.body.channel)).length === 1;
    if (req.body.channel === 'CRESET' && first) return { reset: true };
    if (req.body.channel === 'C500' && first) return { status: 500, raw: 'internal error' };
    if (req.body.channel === 'CBUSY' && first) {
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { ok: false, error: 'ratelimited' },
      };
    }
    return { body: { ok: true, ts: '1.0' } };
  });
  file = tempSqlitePath();
  const store = new SqliteStore(file.path);
  for (const channel of ['CRESET', 'C500', 'CBUSY', 'COK']) {
    await store.subscribe(newSub(channel), new Date('2025-05-01T00:00:00Z'));
  }
  await store.close();
});
afterAll(async () => {
  await slack?.close();
  file?.remove();
});

const postDue = () =>
  runCli(['tips', 'post-due', '--now', NOW], {
    env: {
      DATABASE_URL: `sqlite:${file.path}`,
      SLACK_BOT_TOKEN: 'xoxb-once',
      SLACK_SIGNING_SECRET: 'once-secret',
      SLACK_API_URL: `${slack.url}/api/`,
      LOG_LEVEL: 'error',
    },
    timeoutMs: 60_000,
  });

function statusOf(channel: string): string | undefined {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(file.path, { readOnly: true });
  try {
    const row = db
      .prepare(
        `SELECT t.status AS status FROM tip_posts t JOIN subscriptions s ON s.id = t.subscription_id
         WHERE s.channel_id = ?`,
      )
      .get(channel) as { status: string } | undefined;
    return row?.status;
  } finally {
    db.close();
  }
}

describe('tips post-due sends each tip once', () => {
  it('a reset or a 500 is one post and a closed day; a 429 is waited out and posted once', async () => {
    const run = await postDue();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ posted: 2, failed: 2 });
    expect(posts('CRESET')).toHaveLength(1);
    expect(posts('C500')).toHaveLength(1);
    expect(posts('CBUSY')).toHaveLength(2); // the 429 took nothing; the second one is the tip
    expect(posts('COK')).toHaveLength(1);
    expect(statusOf('CRESET')).toBe('skipped');
    expect(statusOf('C500')).toBe('skipped');
    expect(statusOf('CBUSY')).toBe('posted');

    // Later the same day: nothing is sent again, not even where it may have failed.
    const again = await postDue();
    expect(again.code, again.stderr).toBe(0);
    expect(posts('CRESET')).toHaveLength(1);
    expect(posts('C500')).toHaveLength(1);
    expect(posts('CBUSY')).toHaveLength(2);
  });
});
