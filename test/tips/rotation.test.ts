import { describe, expect, it } from 'vitest';
import type { Tip } from '../../src/catalog/schema.js';
import { cycleOrder, pickTip } from '../../src/tips/rotation.js';

const makeTips = (n: number): Tip[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `tip-${String(i).padStart(2, '0')}`,
    text: { en: `Tip ${i}`, zh: `提示${i}` },
  }));

/** Picks `days` tips in a row, as a subscription would get them day after day. */
function walk(tips: readonly Tip[], subscriptionId: string, days: number, posted: string[] = []) {
  for (let d = 0; d < days; d += 1) {
    const tip = pickTip(tips, subscriptionId, posted);
    if (!tip) throw new Error('no tip');
    posted.push(tip.id);
  }
  return posted;
}

describe('pickTip', () => {
  const tips = makeTips(7);

  it('walks all tips before any repeats, cycle after cycle', () => {
    const posted = walk(tips, 'sub-a', 7 * 5);
    for (let c = 0; c < 5; c += 1) {
      expect(new Set(posted.slice(c * 7, c * 7 + 7)).size).toBe(7);
    }
  });

  it('never gives the same tip two days running, across cycle boundaries too', () => {
    for (const id of ['sub-a', 'sub-b', 'sub-c', 'C024BE91L', '19:abc@thread.tacv2']) {
      for (const n of [2, 3, 7]) {
        const posted = walk(makeTips(n), id, n * 20);
        for (let i = 1; i < posted.length; i += 1) expect(posted[i]).not.toBe(posted[i - 1]);
      }
    }
  });

  it('is deterministic per subscription, and differs between subscriptions', () => {
    expect(walk(tips, 'sub-a', 14)).toEqual(walk(tips, 'sub-a', 14));
    expect(walk(tips, 'sub-a', 7)).not.toEqual(walk(tips, 'sub-b', 7));
  });

  it('does not depend on the order of the tips file', () => {
    expect(walk([...tips].reverse(), 'sub-a', 10)).toEqual(walk(tips, 'sub-a', 10));
  });

  it('shuffles each cycle differently', () => {
    const orders = [0, 1, 2, 3].map((c) =>
      cycleOrder(tips, 'sub-a', c)
        .map((t) => t.id)
        .join(),
    );
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('lets a tip added mid-cycle join the current cycle', () => {
    const posted = walk(tips, 'sub-a', 3);
    const more = [...tips, { id: 'tip-new', text: { en: 'New', zh: '新' } }];
    walk(more, 'sub-a', 5, posted);
    expect(new Set(posted).size).toBe(8);
  });

  it('ignores posted ids of tips that were removed', () => {
    const posted = ['gone-1', 'gone-2', ...walk(tips, 'sub-a', 3)];
    walk(tips, 'sub-a', 4, posted);
    expect(new Set(posted.slice(2)).size).toBe(7);
  });

  it('copes with one tip and with none', () => {
    const one = makeTips(1);
    expect(pickTip(one, 's', [])?.id).toBe('tip-00');
    expect(pickTip(one, 's', ['tip-00'])?.id).toBe('tip-00');
    expect(pickTip([], 's', [])).toBeNull();
  });
});
