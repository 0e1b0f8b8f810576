import { createServer, type Server, Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CasebotError } from '../../src/errors.js';
import { PG_MIGRATIONS } from '../../src/store/postgres-schema.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { createTestSchema, PG_SKIP_MESSAGE, TEST_DATABASE_URL } from './pg-schema.js';
import { newSub, runStoreContract, utcDay } from './store-contract.js';

if (!TEST_DATABASE_URL) console.warn(PG_SKIP_MESSAGE);

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
  const base = TEST_DATABASE_URL ?? '';

  runStoreContract('postgres', async () => {
    const schema = await createTestSchema(base);
    const store = new PostgresStore(schema.url);
    return {
      store,
      // A second pool on the same database: another replica.
      openPeer: async () => new PostgresStore(schema.url),
      cleanup: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });

  describe('PostgresStore specifics', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    it('runs migrations once when several replicas start at the same moment', async () => {
      const schema = await createTestSchema(base);
      cleanups.push(() => schema.drop());
      const replicas = Array.from({ length: 4 }, () => new PostgresStore(schema.url));
      for (const r of replicas) cleanups.push(() => r.close());
      await Promise.all(replicas.map((r) => r.init()));
      await Promise.all(replicas.map((r) => r.init()));
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        const rows = await client.query('SELECT version FROM casebot_migrations ORDER BY version');
        expect(rows.rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
      } finally {
        await client.end();
      }
    });

    it('keeps the tips posted under the first schema when it migrates, numbered by date', async () => {
      const schema = await createTestSchema(base);
      cleanups.push(() => schema.drop());
      const old = new PostgresStore(schema.url, { migrations: PG_MIGRATIONS.slice(0, 1) });
      cleanups.push(() => old.close());
      const sub = await old.subscribe(newSub('C1'), new Date('2025-03-01T00:00:00Z'));
      await old.init();
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        // As the first schema's claims left them: keyed by the local date.
        for (const [day, tip] of [
          ['2025-03-02', 'tip-b'],
          ['2025-03-01', 'tip-a'],
        ]) {
          await client.query(
            `INSERT INTO casebot_tip_posts (subscription_id, day, token, claimed_at, status,
               tip_id, done_at) VALUES ($1, $2, 't', $3, 'posted', $4, $3)`,
            [sub.id, day, new Date(`${day}T09:00:00Z`), tip],
          );
        }
      } finally {
        await client.end();
      }
      const store = new PostgresStore(schema.url);
      cleanups.push(() => store.close());
      await store.init();
      expect(await store.postedTips(sub.id)).toEqual(['tip-a', 'tip-b']);
      const at = new Date('2025-03-02T10:00:00Z');
      expect(await store.claimTip(sub.id, utcDay('2025-03-02'), at, 60_000)).toBeNull();
      const claim = await store.claimTip(sub.id, utcDay('2025-03-03'), at, 60_000);
      expect(claim).toMatchObject({ day: '2025-03-03', seq: 3 });
      if (claim) await store.markTipSending(claim, at);
    });

    it('reports not ready and refuses writes as store_write_failed while the database takes no writes', async () => {
      const schema = await createTestSchema(base);
      cleanups.push(() => schema.drop());
      const writable = new PostgresStore(schema.url);
      cleanups.push(() => writable.close());
      await writable.subscribe(newSub('C1'), new Date());
      // As a replica promoted to read-only (a hot standby) would: every transaction read-only.
      const url = new URL(schema.url);
      url.searchParams.set(
        'options',
        `${url.searchParams.get('options')} -c default_transaction_read_only=on`,
      );
      const store = new PostgresStore(url.toString());
      cleanups.push(() => store.close());
      await store.init();
      expect(await store.getSubscription('slack', 'C1')).not.toBeNull();
      await expect(store.ping()).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringMatching(/read-only/),
      });
      await expect(store.subscribe(newSub('C2'), new Date())).rejects.toMatchObject({
        code: 'store_write_failed',
      });
      await expect(
        store.recordMiss({ query: 'x', lang: 'en', at: new Date() }),
      ).rejects.toMatchObject({ code: 'store_write_failed' });
    });

    it('fails with store_unavailable while the database is away, then reconnects', async () => {
      const schema = await createTestSchema(base);
      cleanups.push(() => schema.drop());
      const target = new URL(schema.url);
      // A TCP relay we can switch on and off stands in for the database going away.
      const relay = await startRelay(target.hostname, Number(target.port || 5432));
      cleanups.push(() => relay.close());
      relay.setUp(false);
      const via = new URL(schema.url);
      via.hostname = '127.0.0.1';
      via.port = String(relay.port);
      const store = new PostgresStore(via.toString(), { connectionTimeoutMs: 500 });
      cleanups.push(() => store.close());

      const error = await store.init().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CasebotError);
      expect((error as CasebotError).code).toBe('store_unavailable');
      expect((error as CasebotError).cause).toBeDefined();
      await expect(store.subscribe(newSub('C1'), new Date())).rejects.toMatchObject({
        code: 'store_unavailable',
      });

      relay.setUp(true);
      await store.init();
      await store.ping();
      expect((await store.subscribe(newSub('C1'), new Date())).active).toBe(true);
    });
  });
});

describe('PostgresStore without a database', () => {
  it('gives up after the connection timeout instead of hanging', async () => {
    // A listener that accepts and never answers: the worst kind of unreachable.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const store = new PostgresStore(`postgres://casebot@127.0.0.1:${port}/casebot`, {
      connectionTimeoutMs: 300,
    });
    // Fake timers: each call gives up exactly when the connection timeout is over.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const call of [() => store.init(), () => store.ping()]) {
        let outcome: unknown = 'pending';
        void call().then(
          () => {
            outcome = 'connected';
          },
          (error: unknown) => {
            outcome = error;
          },
        );
        await vi.advanceTimersByTimeAsync(299);
        expect(outcome, 'gave up before the connection timeout').toBe('pending');
        await vi.advanceTimersByTimeAsync(1);
        await vi.waitFor(() => expect(outcome).not.toBe('pending'));
        expect(outcome).toMatchObject({ code: 'store_unavailable' });
      }
    } finally {
      vi.useRealTimers();
      await store.close();
      silent.close();
    }
  });
});

interface Relay {
  readonly port: number;
  setUp(up: boolean): void;
  close(): Promise<void>;
}

/** Forwards TCP to host:port while up; while down, drops every connection at once. */
async function startRelay(host: string, port: number): Promise<Relay> {
  let up = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.connect(port, host);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    setUp(next) {
      up = next;
      if (!up) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
