import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { newSub } from '../store/store-contract.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

const run = promisify(execFile);
const dist = path.resolve(import.meta.dirname, '../../dist');
const built = existsSync(path.join(dist, 'tips/post-due.js'));

/** One `post-due` pass in its own process, as a second replica or a CronJob would run it. */
const CHILD = `
  const { SqliteStore } = await import(process.env.STORE_MODULE);
  const { postDueTips } = await import(process.env.POST_DUE_MODULE);
  const store = new SqliteStore(process.env.DB_PATH);
  const slack = {
    async send(sub) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      process.stdout.write(sub.channelId + '\\n');
      return { kind: 'sent' };
    },
  };
  const tips = [1, 2, 3].map((i) => ({ id: 'tip-' + i, text: { en: 'T' + i, zh: '提示' + i } }));
  await postDueTips({ store, tips, now: () => new Date(process.env.NOW), senders: { slack } });
  await store.close();
`;

// Uses the compiled dist/ (built by the global setup), since a child process cannot load TS.
describe.skipIf(!built)('post-due passes in separate processes on one SQLite file', () => {
  it('post each channel’s tip exactly once', async () => {
    const file = tempSqlitePath();
    try {
      const store = new SqliteStore(file.path);
      for (let i = 0; i < 20; i += 1) {
        await store.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
      }
      await store.close();
      const env = {
        ...process.env,
        STORE_MODULE: pathToFileURL(path.join(dist, 'store/sqlite-store.js')).href,
        POST_DUE_MODULE: pathToFileURL(path.join(dist, 'tips/post-due.js')).href,
        DB_PATH: file.path,
        NOW: '2025-06-01T09:00:00Z',
      };
      const outputs = await Promise.all(
        [1, 2, 3].map(() =>
          run(process.execPath, ['--input-type=module', '-e', CHILD], { env, timeout: 15_000 }),
        ),
      );
      const sent = outputs.flatMap((o) => o.stdout.split('\n').filter(Boolean));
      expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `C${i}`).sort());
    } finally {
      file.remove();
    }
  });
});
