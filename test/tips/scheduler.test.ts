import { describe, expect, it } from 'vitest';
import type { Tip } from '../../src/catalog/schema.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Subscription } from '../../src/store/store.js';
import { createTipScheduler } from '../../src/tips/scheduler.js';
import type { SendOutcome, TipSender } from '../../src/tips/sender.js';
import { newSub } from '../store/store-contract.js';
import { FakeSender, memoryLogger, TIPS } from './fakes.js';

describe('createTipScheduler', () => {
  it('runs a pass with the injected clock and the current tips', async () => {
    const store = new MemoryStore();
    await store.subscribe(newSub('C1'), new Date('2025-05-01T00:00:00Z'));
    let now = new Date('2025-06-01T08:59:00Z');
    let tips: readonly Tip[] = TIPS;
    const slack = new FakeSender(() => now);
    const scheduler = createTipScheduler({
      store,
      tips: () => tips,
      senders: { slack },
      now: () => now,
    });
    expect(await scheduler.runOnce()).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 0 });
    now = new Date('2025-06-01T09:00:00Z');
    tips = TIPS.slice(0, 1);
    expect((await scheduler.runOnce())?.posted).toBe(1);
    expect(slack.sent.map((s) => s.tipId)).toEqual(['tip-0']);
  });

  it('stop() waits for the send in flight, and no pass overlaps another', async () => {
    const store = new MemoryStore();
    await store.subscribe(newSub('C1'), new Date('2025-05-01T00:00:00Z'));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sends = 0;
    const slow: TipSender = {
      async send(_sub: Subscription, _tip: Tip): Promise<SendOutcome> {
        sends += 1;
        await gate;
        return { kind: 'sent' };
      },
    };
    const scheduler = createTipScheduler({
      store,
      tips: () => TIPS,
      senders: { slack: slow },
      now: () => new Date('2025-06-01T09:00:00Z'),
    });
    scheduler.start();
    scheduler.start();
    const first = scheduler.runOnce();
    const second = scheduler.runOnce();
    expect(second).toBe(first);
    while (sends === 0) await new Promise((resolve) => setImmediate(resolve));
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    expect((await first)?.posted).toBe(1);
    expect(sends).toBe(1);
  });

  it('logs a failed pass instead of throwing, and keeps going', async () => {
    const store = new MemoryStore();
    store.listActiveSubscriptions = async () => {
      throw new Error('database down');
    };
    const logger = memoryLogger();
    const scheduler = createTipScheduler({
      store,
      tips: () => TIPS,
      senders: {},
      logger,
      now: () => new Date('2025-06-01T09:00:00Z'),
    });
    expect(await scheduler.runOnce()).toBeNull();
    expect(logger.lines.some((l) => l.level === 'error' && l.msg === 'tips pass failed')).toBe(
      true,
    );
    await scheduler.stop();
  });
});
