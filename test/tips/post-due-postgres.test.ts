import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { createTestSchema, PG_SKIP_MESSAGE, TEST_DATABASE_URL } from '../store/pg-schema.js';
import { newSub } from '../store/store-contract.js';
import { FakeSender, TIPS } from './fakes.js';
import { runReplicaScenarios } from './replica-scenarios.js';
import { runZoneChangeScenarios } from './zone-change-scenarios.js';

if (!TEST_DATABASE_URL) console.warn(PG_SKIP_MESSAGE);

describe.skipIf(!TEST_DATABASE_URL)('postDueTips on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let replicas: PostgresStore[];

  beforeEach(async () => {
    const schema = await createTestSchema(TEST_DATABASE_URL ?? '');
    drop = schema.drop;
    replicas = [0, 1, 2].map(() => new PostgresStore(schema.url));
    await Promise.all(replicas.map((r) => r.init()));
  });
  afterEach(async () => {
    for (const r of replicas) await r.close();
    await drop();
  });

  it('three replicas passing at the same moment post each channel’s tip once', async () => {
    const [first] = replicas;
    if (!first) throw new Error('no replica');
    for (let i = 0; i < 12; i += 1) {
      await first.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
    }
    const now = new Date('2025-06-01T09:00:00Z');
    const senders = replicas.map(() => new FakeSender());
    const results = await Promise.all(
      replicas.map((store, i) =>
        postDueTips({ store, tips: TIPS, now: () => now, senders: { slack: senders[i] } }),
      ),
    );
    expect(results.reduce((n, r) => n + r.posted, 0)).toBe(12);
    const channels = senders.flatMap((s) => s.sent.map((x) => x.channelId));
    expect(new Set(channels).size).toBe(12);
    expect(channels).toHaveLength(12);
    const again = await postDueTips({
      store: first,
      tips: TIPS,
      now: () => now,
      senders: { slack: senders[0] },
    });
    expect(again.posted).toBe(0);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL replicas', () => {
  runReplicaScenarios('two replicas on PostgreSQL', async () => {
    const schema = await createTestSchema(TEST_DATABASE_URL ?? '');
    const a = new PostgresStore(schema.url);
    const b = new PostgresStore(schema.url);
    await Promise.all([a.init(), b.init()]);
    return {
      a,
      b,
      async close() {
        await a.close();
        await b.close();
        await schema.drop();
      },
    };
  });

  runZoneChangeScenarios('PostgreSQL', async () => {
    const schema = await createTestSchema(TEST_DATABASE_URL ?? '');
    const store = new PostgresStore(schema.url);
    await store.init();
    return {
      store,
      async close() {
        await store.close();
        await schema.drop();
      },
    };
  });
});
