import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';

const T0 = new Date('2025-03-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const thread = (threadId: string, caseId = 'ecommerce') =>
  ({ platform: 'slack', channelId: 'C1', threadId, caseId }) as const;
const key = (threadId: string) => ({ platform: 'slack', channelId: 'C1', threadId }) as const;

/**
 * Channel modes, answered threads and the hourly answer cap: the part of the store contract that
 * answering without a mention relies on. `store()` and `peer()` are the contract's own.
 */
export function runChannelContract(store: () => Store, peer: () => Promise<Store>): void {
  describe('channel modes', () => {
    it('is unset until set, then keeps the latest setting with who and when, per platform', async () => {
      expect(await store().getChannelMode('slack', 'C1')).toBeNull();
      const on = await store().setChannelMode(
        { platform: 'slack', channelId: 'C1', mode: 'auto', changedBy: 'U1' },
        T0,
      );
      expect(on).toEqual({
        platform: 'slack',
        channelId: 'C1',
        mode: 'auto',
        changedBy: 'U1',
        changedAt: T0,
      });
      await store().setChannelMode(
        { platform: 'slack', channelId: 'C1', mode: 'mentions', changedBy: 'U2' },
        at(HOUR),
      );
      const other = await peer();
      expect(await other.getChannelMode('slack', 'C1')).toMatchObject({
        mode: 'mentions',
        changedBy: 'U2',
        changedAt: at(HOUR),
      });
      expect(await other.getChannelMode('teams', 'C1')).toBeNull();
    });
  });

  describe('answered threads', () => {
    it('remembers a thread’s case for 24 hours, the latest answer’s case winning', async () => {
      await store().rememberThread(thread('1.1'), T0);
      const other = await peer();
      expect(await other.recallThread(key('1.1'), at(-24 * HOUR))).toBe('ecommerce');
      await other.rememberThread(thread('1.1', 'finance'), at(HOUR));
      expect(await store().recallThread(key('1.1'), T0)).toBe('finance');
      expect(await store().recallThread(key('1.1'), at(2 * HOUR))).toBeNull();
      expect(await store().recallThread(key('2.2'), T0)).toBeNull();
      expect(
        await store().recallThread({ platform: 'teams', channelId: 'C1', threadId: '1.1' }, T0),
      ).toBeNull();
    });

    it('lets exactly one of several concurrent first answers in a thread claim it', async () => {
      const other = await peer();
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? other : store()).claimThread(thread('3.3'), T0),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store().recallThread(key('3.3'), T0)).toBe('ecommerce');
      await store().rememberThread(thread('4.4'), T0);
      expect(await other.claimThread(thread('4.4', 'finance'), at(MINUTE))).toBe(false);
      expect(await other.recallThread(key('4.4'), T0)).toBe('ecommerce');
    });

    it('forgets a dismissed thread’s case, which still counts as answered', async () => {
      await store().claimThread(thread('5.5'), T0);
      await store().dismissThread(key('5.5'));
      expect(await store().recallThread(key('5.5'), T0)).toBeNull();
      expect(await store().claimThread(thread('5.5'), at(MINUTE))).toBe(false);
      await store().rememberThread(thread('5.5', 'edge'), at(2 * MINUTE));
      expect(await store().recallThread(key('5.5'), T0)).toBe('edge');
    });

    it('purges memories older than a day on later writes', async () => {
      await store().rememberThread(thread('6.6'), T0);
      // Far enough apart for the purge to be due again on every engine.
      await store().rememberThread(thread('7.7'), at(25 * HOUR));
      expect(await store().recallThread(key('6.6'), new Date(0))).toBeNull();
      expect(await store().claimThread(thread('6.6'), at(25 * HOUR + 1))).toBe(true);
    });
  });

  describe('answer slots', () => {
    it('gives a channel at most N answers in any hour', async () => {
      const other = await peer();
      const take = (s: Store, ms: number) => s.takeAnswerSlot('slack', 'C1', at(ms), 3);
      expect(await take(store(), 0)).toBe(true);
      expect(await take(other, 10 * MINUTE)).toBe(true);
      expect(await take(store(), 20 * MINUTE)).toBe(true);
      expect(await take(other, 30 * MINUTE)).toBe(false);
      expect(await store().takeAnswerSlot('slack', 'C2', at(30 * MINUTE), 3)).toBe(true);
      expect(await store().takeAnswerSlot('teams', 'C1', at(30 * MINUTE), 3)).toBe(true);
      expect(await take(store(), HOUR - 1)).toBe(false);
      // The first answer left the window: one more, and only one.
      expect(await take(other, HOUR)).toBe(true);
      expect(await take(store(), HOUR + 1)).toBe(false);
      expect(await take(store(), HOUR + 10 * MINUTE)).toBe(true);
    });

    it('lets exactly one of several concurrent callers take the last slot', async () => {
      const other = await peer();
      expect(await store().takeAnswerSlot('slack', 'C9', T0, 2)).toBe(true);
      const taken = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? other : store()).takeAnswerSlot('slack', 'C9', at(MINUTE), 2),
        ),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
    });

    it('follows a changed cap at once, and never answers with a cap of 0', async () => {
      for (let i = 0; i < 4; i++)
        expect(await store().takeAnswerSlot('slack', 'C8', at(i), 5)).toBe(true);
      expect(await store().takeAnswerSlot('slack', 'C8', at(10), 3)).toBe(false);
      expect(await store().takeAnswerSlot('slack', 'C8', at(10), 6)).toBe(true);
      expect(await store().takeAnswerSlot('slack', 'C7', at(10), 0)).toBe(false);
    });
  });
}
