import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasebotError } from '../../src/errors.js';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Subscription } from '../../src/store/store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { createTipScheduler } from '../../src/tips/scheduler.js';
import type { TipSender } from '../../src/tips/sender.js';
import { newSub } from '../store/store-contract.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';
import { memoryLogger, TIPS } from './fakes.js';

/**
 * SIGTERM during a tips pass (issue #23, 7): nothing more is claimed, the sends in flight finish
 * and are recorded (or, past the grace period, are cut off and recorded as "may have been
 * posted"), and the pass ends. Nothing is left `claimed` or `sending`.
 */
const NOW = new Date('2025-06-01T09:30:00Z');
const CHANNELS = 40;

let file: ReturnType<typeof tempSqlitePath>;
let store: SqliteStore;
beforeEach(async () => {
  file = tempSqlitePath();
  store = new SqliteStore(file.path);
  for (let i = 0; i < CHANNELS; i += 1) {
    await store.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
  }
});
afterEach(async () => {
  await store.close();
  file.remove();
});

/** The tip_posts rows as the database holds them: status by channel. */
async function rows(): Promise<{ status: string; reason: string | null; channel: string }[]> {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(file.path, { readOnly: true });
  try {
    return db
      .prepare(
        `SELECT t.status AS status, t.reason AS reason, s.channel_id AS channel
         FROM tip_posts t JOIN subscriptions s ON s.id = t.subscription_id`,
      )
      .all() as { status: string; reason: string | null; channel: string }[];
  } finally {
    db.close();
  }
}

/** A sender whose sends take a few turns of the event loop, counting what it posted. */
function slowSender(onStart: (started: number) => void, concurrency = 4) {
  const posted: string[] = [];
  let started = 0;
  const sender: TipSender = {
    concurrency,
    async send(sub: Subscription) {
      started += 1;
      onStart(started);
      for (let i = 0; i < 5; i += 1) await nextTurn();
      posted.push(sub.channelId);
      return { kind: 'sent' };
    },
  };
  return { sender, posted };
}

describe('a tips pass stopped by SIGTERM', () => {
  it('claims nothing more, records the sends in flight, and ends; the next pass posts the rest once', async () => {
    const stop = new AbortController();
    const { sender, posted } = slowSender((n) => {
      if (n === 4) stop.abort();
    });
    const claims = vi.spyOn(store, 'claimTip');
    const summary = await postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: sender },
      logger: memoryLogger(),
      signal: stop.signal,
      graceMs: 60_000,
    });
    expect(claims).toHaveBeenCalledTimes(4);
    expect(posted).toHaveLength(4);
    expect(summary).toMatchObject({ posted: 4, failed: 0 });
    expect(summary.stopped).toEqual({ released: 0, unclaimed: CHANNELS - 4 });
    const held = await rows();
    expect(held.map((r) => r.status).sort()).toEqual(['posted', 'posted', 'posted', 'posted']);

    const again = await postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: sender },
      logger: memoryLogger(),
    });
    expect(again.posted).toBe(CHANNELS - 4);
    expect(new Set(posted).size).toBe(CHANNELS);
    expect(posted).toHaveLength(CHANNELS);
  });

  it('cuts off a send still hanging when the grace period is over, and closes its day as "may have been posted"', async () => {
    const stop = new AbortController();
    let started = 0;
    const hanging: TipSender = {
      concurrency: 2,
      send(_sub, _tip, signal) {
        started += 1;
        if (started === 2) stop.abort();
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () =>
            reject(new CasebotError('delivery_unknown', 'cut off at shutdown')),
          );
        });
      },
    };
    const summary = await postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: hanging },
      logger: memoryLogger(),
      signal: stop.signal,
      graceMs: 5,
    });
    expect(started).toBe(2);
    expect(summary).toMatchObject({ posted: 0, failed: 2 });
    const held = await rows();
    expect(held).toHaveLength(2);
    for (const row of held) {
      expect(row.status).toBe('skipped');
      expect(row.reason).toMatch(/cut off/);
    }
  });

  it('releases a claim whose send had not started when SIGTERM came', async () => {
    const stop = new AbortController();
    const sender: TipSender = {
      concurrency: 1,
      async send() {
        return { kind: 'sent' };
      },
    };
    // SIGTERM arrives between the claim and the send (the rotation read is slow, say).
    const postedTips = store.postedTips.bind(store);
    vi.spyOn(store, 'postedTips').mockImplementation(async (id) => {
      stop.abort();
      return postedTips(id);
    });
    const summary = await postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: sender },
      logger: memoryLogger(),
      signal: stop.signal,
    });
    expect(summary.posted).toBe(0);
    expect(summary.stopped).toEqual({ released: 1, unclaimed: CHANNELS - 1 });
    expect(await rows()).toEqual([]);
  });

  it('the in-process scheduler stops within the pass: stop() ends it, nothing more claimed', async () => {
    let stopping: Promise<void> | null = null;
    const scheduler = createTipScheduler({
      store,
      tips: () => TIPS,
      now: () => NOW,
      graceMs: 60_000,
      senders: {
        slack: slowSender((n) => {
          if (n === 4) stopping = scheduler.stop();
        }).sender,
      },
    });
    const claims = vi.spyOn(store, 'claimTip');
    const summary = await scheduler.runOnce();
    await stopping;
    expect(stopping).not.toBeNull();
    expect(claims).toHaveBeenCalledTimes(4);
    expect(summary?.posted).toBe(4);
    expect((await rows()).every((r) => r.status === 'posted')).toBe(true);
  });
});
