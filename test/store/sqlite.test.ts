import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasebotError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-store.js';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-schema.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { newSub, runStoreContract, utcDay } from './store-contract.js';
import { tempSqlitePath } from './temp-sqlite.js';

runStoreContract('sqlite', async () => {
  const file = tempSqlitePath();
  const store = new SqliteStore(file.path);
  return {
    store,
    // Another connection on the same file, as a second process would have.
    openPeer: async () => new SqliteStore(file.path),
    cleanup: async () => {
      await store.close();
      file.remove();
    },
  };
});

describe('SqliteStore specifics', () => {
  it('creates the directory and file on first start, in WAL mode, and keeps data', async () => {
    const file = tempSqlitePath();
    try {
      const store = await openStore({ kind: 'sqlite', path: file.path });
      expect(store.kind).toBe('sqlite');
      await store.init();
      expect(existsSync(file.path)).toBe(true);
      expect(existsSync(`${file.path}-wal`)).toBe(true);
      await store.subscribe(newSub('C1'), new Date());
      await store.close();
      const again = new SqliteStore(file.path);
      await again.init();
      expect(await again.getSubscription('slack', 'C1')).not.toBeNull();
      await again.close();
    } finally {
      file.remove();
    }
  });

  it('throws store_unavailable when the file cannot be opened', async () => {
    const file = tempSqlitePath();
    try {
      // The parent "directory" is a regular file.
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(`${file.path}.blocker`, 'not a directory');
      const store = new SqliteStore(`${file.path}.blocker/sub/casebot.db`);
      const error = await store.init().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CasebotError);
      expect((error as CasebotError).code).toBe('store_unavailable');
      expect((error as CasebotError).cause).toBeDefined();
      await expect(store.ping()).rejects.toMatchObject({ code: 'store_unavailable' });
    } finally {
      file.remove();
    }
  });

  it('keeps the tips posted by a file of the first schema when it migrates, numbered by date', async () => {
    const file = tempSqlitePath();
    try {
      mkdirSync(dirname(file.path), { recursive: true });
      const old = new (loadSqlite().DatabaseSync)(file.path);
      old.exec(SQLITE_MIGRATIONS[0] ?? '');
      old.exec('PRAGMA user_version = 1');
      old.exec(`INSERT INTO tip_posts (subscription_id, day, token, claimed_at, status, tip_id,
        done_at) VALUES ('S1', '2025-03-02', 't', 0, 'posted', 'tip-b', 1),
        ('S1', '2025-03-01', 't', 0, 'posted', 'tip-a', 1)`);
      old.close();
      const store = new SqliteStore(file.path);
      await store.init();
      expect(await store.postedTips('S1')).toEqual(['tip-a', 'tip-b']);
      const claim = await store.claimTip('S1', utcDay('2025-03-03'), new Date(), 60_000);
      expect(claim).toMatchObject({ day: '2025-03-03', seq: 3 });
      if (!claim) throw new Error('expected a claim');
      await store.markTipSending(claim, new Date());
      await store.close();
    } finally {
      file.remove();
    }
  });

  describe('while another process holds the write lock (BEGIN IMMEDIATE)', () => {
    let file: ReturnType<typeof tempSqlitePath>;
    let other: InstanceType<ReturnType<typeof loadSqlite>['DatabaseSync']>;
    const hold = () => {
      other = new (loadSqlite().DatabaseSync)(file.path);
      other.exec('BEGIN IMMEDIATE');
      other.exec(`INSERT INTO misses (query, lang, at) VALUES ('held', 'en', 0)`);
    };
    beforeEach(() => {
      file = tempSqlitePath();
    });
    afterEach(() => {
      if (other?.isOpen) other.close();
      file.remove();
    });

    it('answers reads at once; a write waits without holding the event loop, then goes in', async () => {
      const store = new SqliteStore(file.path, undefined, { writeWaitMs: 60_000 });
      await store.subscribe(newSub('C1'), new Date());
      hold();
      const order: string[] = [];
      const write = store.subscribe(newSub('C2'), new Date()).then(() => order.push('written'));
      expect(await store.getSubscription('slack', 'C1')).not.toBeNull();
      order.push('read');
      await store.ping();
      order.push('ping');
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('timer');
      other.exec('COMMIT');
      order.push('released');
      await write;
      expect(order).toEqual(['read', 'ping', 'timer', 'released', 'written']);
      expect(await store.getSubscription('slack', 'C2')).not.toBeNull();
      await store.close();
    });

    it('fails a write that cannot get the lock in its wait with store_write_failed, changing nothing', async () => {
      const store = new SqliteStore(file.path, undefined, { writeWaitMs: 100 });
      await store.init();
      hold();
      const order: string[] = [];
      const write = store.subscribe(newSub('C1'), new Date()).catch((error: unknown) => {
        order.push('refused');
        throw error;
      });
      await store.listActiveSubscriptions();
      order.push('read');
      await expect(write).rejects.toMatchObject({
        code: 'store_write_failed',
        message: expect.stringMatching(/locked by another writer/),
      });
      expect(order).toEqual(['read', 'refused']);
      other.exec('ROLLBACK');
      expect(await store.getSubscription('slack', 'C1')).toBeNull();
      await store.close();
    });
  });

  describe('when its file is removed or replaced at run time', () => {
    it('stops answering ping and refuses writes, which would be lost at the next start', async () => {
      const file = tempSqlitePath();
      try {
        const store = new SqliteStore(file.path);
        await store.subscribe(newSub('C1'), new Date());
        await store.ping();
        rmSync(dirname(file.path), { recursive: true, force: true });
        await expect(store.ping()).rejects.toMatchObject({
          code: 'store_unavailable',
          message: expect.stringMatching(/was removed/),
        });
        await expect(store.subscribe(newSub('C2'), new Date())).rejects.toMatchObject({
          code: 'store_write_failed',
        });
        // What it still has open can be read.
        expect(await store.getSubscription('slack', 'C1')).not.toBeNull();
        await store.close();
      } finally {
        file.remove();
      }
    });

    it('notices a file put in its place', async () => {
      const file = tempSqlitePath();
      try {
        const store = new SqliteStore(file.path);
        await store.init();
        renameSync(file.path, `${file.path}.old`);
        const other = new SqliteStore(file.path);
        await other.init();
        await other.close();
        await expect(store.ping()).rejects.toMatchObject({
          message: expect.stringMatching(/was replaced/),
        });
        await expect(
          store.recordMiss({ query: 'x', lang: 'en', at: new Date() }),
        ).rejects.toMatchObject({
          code: 'store_write_failed',
        });
        await store.close();
      } finally {
        file.remove();
      }
    });
  });

  it('opens a memory store for DATABASE_URL=memory', async () => {
    expect((await openStore({ kind: 'memory' })).kind).toBe('memory');
  });
});
