import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { fullDiskLimitKb, runWithFileLimit } from './full-disk.js';
import { utcDay } from './store-contract.js';
import { tempSqlitePath } from './temp-sqlite.js';

const dist = path.resolve(import.meta.dirname, '../../dist');
const built = existsSync(path.join(dist, 'store/sqlite-store.js'));

/**
 * Every write the store offers, round after round, on a disk that fills up after a few of them.
 * Each attempt is reported as done (with what it returned) or failed (with its error code).
 */
const CHILD = `
  const { SqliteStore } = await import(process.env.STORE_MODULE);
  const store = new SqliteStore(process.env.DB_PATH);
  const now = new Date('2025-06-01T09:00:00Z');
  const day = { date: '2025-06-01', start: new Date('2025-06-01T00:00:00Z') };
  const results = [];
  const attempt = async (op, key, work) => {
    try {
      results.push({ op, key, ok: true, value: await work() });
    } catch (error) {
      results.push({ op, key, ok: false, code: error.code, message: error.message });
    }
  };
  const sub = (channelId) => ({
    platform: 'slack', workspaceId: 'T1', channelId, reference: null, time: '09:00',
    timeZone: 'UTC', lang: 'en', createdBy: 'U1',
  });
  for (let i = 0; i < 30; i += 1) {
    await attempt('subscribe', 'C' + i, async () => (await store.subscribe(sub('C' + i), now)).id);
    await attempt('rememberEvent', 'Ev' + i, () => store.rememberEvent('Ev' + i, now, 3600000));
    await attempt('claimTip', 'S' + i, async () =>
      (await store.claimTip('S' + i, day, now, 300000)) !== null);
    await attempt('recordFeedback', 'U' + i, () => store.recordFeedback({
      platform: 'slack', caseId: 'edge', helpful: true, query: 'q' + i, userId: 'U' + i, at: now,
    }));
    await attempt('recordMiss', 'q' + i, () =>
      store.recordMiss({ query: 'missing ' + i, lang: 'en', at: now }));
  }
  process.stdout.write(JSON.stringify(results));
  await store.close();
`;

interface Attempt {
  readonly op: string;
  readonly key: string;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly code?: string;
}

// A child process, because the size limit applies to a whole process (it uses dist/, built by
// the global setup). Linux and macOS: bash's `ulimit -f`.
describe.skipIf(!built)('SQLite on a full disk', () => {
  it('reports every write that did not reach the file as store_write_failed, and none that did', async () => {
    const file = tempSqlitePath();
    try {
      const setup = new SqliteStore(file.path);
      await setup.init();
      await setup.close();
      const { stdout } = await runWithFileLimit(
        fullDiskLimitKb(file.path),
        ['--input-type=module', '-e', CHILD],
        {
          STORE_MODULE: pathToFileURL(path.join(dist, 'store/sqlite-store.js')).href,
          DB_PATH: file.path,
        },
      );
      const attempts = JSON.parse(stdout) as Attempt[];
      const failed = attempts.filter((a) => !a.ok);
      // The disk filled up part-way: some writes went in, and from some point on none did.
      expect(attempts.filter((a) => a.ok).length).toBeGreaterThan(0);
      expect(attempts.slice(-5).every((a) => !a.ok)).toBe(true);
      expect(new Set(failed.map((a) => a.code))).toEqual(new Set(['store_write_failed']));

      // What the store said it kept is what the file holds, write path by write path.
      const store = new SqliteStore(file.path);
      const later = new Date('2025-06-01T09:01:00Z');
      const stored: Record<string, boolean[]> = {};
      for (const a of attempts) {
        let kept: boolean;
        if (a.op === 'subscribe') kept = (await store.getSubscription('slack', a.key)) !== null;
        else if (a.op === 'rememberEvent')
          kept = !(await store.rememberEvent(a.key, later, 3600000));
        else if (a.op === 'claimTip') {
          kept = (await store.claimTip(a.key, utcDay('2025-06-01'), later, 300000)) === null;
        } else if (a.op === 'recordFeedback') continue;
        else {
          const misses = await store.topMisses({ limit: 100 });
          kept = misses.some((m) => m.query === a.key.replace('q', 'missing '));
        }
        stored[a.op] = [...(stored[a.op] ?? []), kept === a.ok];
      }
      const feedbackKept = (await store.stats()).feedback.reduce((n, f) => n + f.helpful, 0);
      expect(feedbackKept).toBe(attempts.filter((a) => a.op === 'recordFeedback' && a.ok).length);
      await store.close();
      for (const [op, agree] of Object.entries(stored)) {
        expect(agree.every(Boolean), `${op}: said kept ⇔ is kept`).toBe(true);
      }
      expect(Object.keys(stored).sort()).toEqual([
        'claimTip',
        'recordMiss',
        'rememberEvent',
        'subscribe',
      ]);
    } finally {
      file.remove();
    }
  });
});
