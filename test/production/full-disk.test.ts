import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { fullDiskLimitKb } from '../store/full-disk.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';
import {
  type ServeProcess,
  signedSlashCommand,
  startServe,
  startSlackStub,
} from './serve-process.js';

const SECRET = 'full-disk-signing-secret';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The text of a `/case` answer: the ack's body, or what went to the response_url. */
async function slashCommand(p: ServeProcess, text: string, channel: string, hooks: string) {
  const { body, headers } = signedSlashCommand(SECRET, text, `${hooks}/${channel}`, channel);
  const res = await fetch(`${p.url}/slack/events`, { method: 'POST', headers, body });
  const ack = await res.text();
  return ack ? (JSON.parse(ack) as { text: string }).text : '';
}

describe('casebot serve on a full disk (SQLite)', () => {
  it('says a subscription was saved only when it was, and asks to try again when not', async () => {
    const file = tempSqlitePath();
    cleanups.push(() => file.remove());
    const setup = new SqliteStore(file.path);
    await setup.init();
    await setup.close();
    const stub = await startSlackStub();
    cleanups.push(stub.close);
    const p = await startServe(
      {
        SLACK_BOT_TOKEN: 'xoxb-0000-full-disk',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${stub.url}/api/`,
        DATABASE_URL: `sqlite:${file.path}`,
      },
      { fileSizeLimitKb: fullDiskLimitKb(file.path) },
    );
    cleanups.push(() => {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
    });
    await p.waitForLog((l) => l.msg === 'slack ready');

    const channels = Array.from({ length: 16 }, (_, i) => `C0DISK${i}`);
    const answers = new Map<string, string>();
    for (const channel of channels) {
      answers.set(channel, await slashCommand(p, 'subscribe 09:00 UTC', channel, stub.url));
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);

    const store = new SqliteStore(file.path);
    cleanups.push(() => store.close());
    const saved = new Set<string>();
    for (const channel of channels) {
      if (await store.getSubscription('slack', channel)) saved.add(channel);
    }
    expect(saved.size).toBeGreaterThan(0);
    expect(saved.size).toBeLessThan(channels.length);
    for (const channel of channels) {
      const answer = answers.get(channel) ?? '';
      if (saved.has(channel)) expect(answer, channel).toMatch(/^✅ Subscribed/);
      else expect(answer, channel).toMatch(/couldn’t save .*try again/i);
    }
    // Each refusal is in the log, at error level, with its request id and the cause.
    const refusals = p.logs.filter((l) => l.code === 'store_write_failed');
    expect(refusals).toHaveLength(channels.length - saved.size);
    for (const line of refusals) {
      expect(line.level).toBe(50);
      expect(line.requestId).toEqual(expect.any(String));
      expect(JSON.stringify(line.err)).toMatch(/disk I\/O error|full/);
    }
  });
});
