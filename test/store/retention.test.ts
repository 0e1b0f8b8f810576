import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CasebotError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { startApp } from '../../src/main.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  RETENTION_FIRST_MS,
  RETENTION_INTERVAL_MS,
  startRetention,
} from '../../src/store/retention.js';
import { memoryLogger } from '../tips/fakes.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

afterEach(() => {
  vi.useRealTimers();
});

async function storeWithHistory() {
  const store = new MemoryStore();
  for (const days of [120, 91, 89, 1]) {
    await store.recordMiss({ query: `asked ${days} days ago`, lang: 'en', at: ago(days) });
  }
  const vote = { platform: 'slack', caseId: 'edge', helpful: true, query: 'iot' };
  await store.recordFeedback({ ...vote, userId: 'U1', at: ago(100) });
  await store.recordFeedback({ ...vote, userId: 'U2', at: ago(10) });
  return store;
}

describe('stats retention (STATS_KEEP_DAYS)', () => {
  it('forgets misses and votes older than the days kept, and logs what went', async () => {
    const store = await storeWithHistory();
    const logger = memoryLogger();
    const retention = startRetention({ store, keepDays: 90, now: () => NOW, logger });
    expect(await retention.runOnce()).toEqual({ misses: 2, feedback: 1 });
    expect((await store.topMisses()).map((m) => m.query).sort()).toEqual([
      'asked 1 days ago',
      'asked 89 days ago',
    ]);
    expect(logger.lines).toEqual([
      {
        level: 'info',
        msg: 'old stats purged',
        obj: { misses: 2, feedback: 1, before: ago(90).toISOString(), keepDays: 90 },
      },
    ]);
    expect(await retention.runOnce()).toEqual({ misses: 0, feedback: 0 });
    expect(logger.lines).toHaveLength(1);
    await retention.stop();
  });

  it('purges a minute after start, then every hour, and logs a failing store instead of throwing', async () => {
    vi.useFakeTimers();
    const store = await storeWithHistory();
    let calls = 0;
    const purgeStats = store.purgeStats.bind(store);
    store.purgeStats = async (before) => {
      calls += 1;
      if (calls === 2) throw new CasebotError('store_unavailable', 'down');
      return purgeStats(before);
    };
    const logger = memoryLogger();
    const retention = startRetention({ store, keepDays: 90, now: () => NOW, logger });
    await vi.advanceTimersByTimeAsync(RETENTION_FIRST_MS - 1);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    expect(calls).toBe(2);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'warn' });
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    expect(calls).toBe(3);
    await retention.stop();
    await vi.advanceTimersByTimeAsync(10 * RETENTION_INTERVAL_MS);
    expect(calls).toBe(3);
  });

  it('runs in the server with the configured number of days', async () => {
    const store = await storeWithHistory();
    const app = await startApp({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', STATS_KEEP_DAYS: '30' }),
      logger: silentLogger(),
      store,
      now: () => NOW,
    });
    try {
      expect(await app.retention.runOnce()).toEqual({ misses: 3, feedback: 1 });
      expect((await store.topMisses()).map((m) => m.query)).toEqual(['asked 1 days ago']);
    } finally {
      await app.stop();
    }
  });
});
