import { describe, expect, it } from 'vitest';
import type { TipResult } from '../../src/metrics/metrics.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { newSub } from '../store/store-contract.js';
import { FakeSender, memoryLogger, TIPS } from './fakes.js';

describe('postDueTips with metrics', () => {
  it('counts every result by platform, the same as its summary', async () => {
    const store = new MemoryStore();
    const at = new Date('2025-05-01T00:00:00Z');
    for (const channel of ['C1', 'C2', 'C3', 'C4']) await store.subscribe(newSub(channel), at);
    await store.subscribe(newSub('T1', { platform: 'teams' }), at);
    const now = new Date('2025-06-01T09:00:00Z');
    const slack = new FakeSender(() => now)
      .script('C2', { kind: 'retire', reason: 'is_archived' })
      .script('C3', { kind: 'retry-later', reason: 'not_in_channel' })
      .script('C4', new Error('socket hang up'));
    const teams = new FakeSender(() => now);
    const counted: [string, TipResult][] = [];

    const summary = await postDueTips({
      store,
      tips: TIPS,
      now: () => now,
      senders: { slack, teams },
      logger: memoryLogger(),
      metrics: { tip: (platform, result) => counted.push([platform, result]) },
    });

    expect(summary).toEqual({ posted: 2, retired: 1, skipped: 1, failed: 1 });
    expect(counted.sort()).toEqual(
      [
        ['slack', 'posted'],
        ['slack', 'retired'],
        ['slack', 'skipped'],
        ['slack', 'failed'],
        ['teams', 'posted'],
      ].sort(),
    );
  });
});
