import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { newSub } from '../store/store-contract.js';
import { FakeSender, memoryLogger, minutes, TIPS } from './fakes.js';

/**
 * A channel changes its time zone (or time) right after a day's tip went out, across the date
 * line and across daylight saving. The next tip comes on the next local day of the new zone:
 * no day skipped, none posted twice (issue 23, item 15). Run on every store engine.
 */
export function runZoneChangeScenarios(
  name: string,
  open: () => Promise<{ store: Store; close(): Promise<void> }>,
): void {
  describe(`changing a subscription's time zone: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let now: Date;
    let slack: FakeSender;
    beforeEach(async () => {
      ({ store, close } = await open());
      slack = new FakeSender(() => now);
    });
    afterEach(() => close());

    /** Passes every 10 minutes from `from` to `to`; at `change.at` the channel subscribes anew. */
    const run = async (
      from: string,
      to: string,
      first: { timeZone: string },
      change: { at: string; timeZone: string; time?: string },
    ) => {
      now = new Date(from);
      // Subscribed at `from`, after that day's time in either zone: the first tip is the next day's.
      await store.subscribe(newSub('C1', first), now);
      let changed = false;
      for (now of minutes(from, to, 10)) {
        if (!changed && now.getTime() >= new Date(change.at).getTime()) {
          const { timeZone, time = '09:00' } = change;
          await store.subscribe(newSub('C1', { timeZone, time }), now);
          changed = true;
        }
        await postDueTips({
          store,
          tips: TIPS,
          now: () => now,
          senders: { slack },
          logger: memoryLogger(),
        });
      }
      return slack.to('C1').map((s) => s.at.toISOString().slice(0, 16));
    };

    it('Kiritimati → Adak (a day back): the next Adak day gets its tip, none skipped', async () => {
      const posts = await run(
        '2025-03-01T00:00:00Z',
        '2025-03-03T00:00:00Z',
        { timeZone: 'Pacific/Kiritimati' },
        { at: '2025-03-01T19:30:00Z', timeZone: 'America/Adak' },
      );
      expect(posts).toEqual([
        '2025-03-01T19:00', // 09:00 on 2 March in Kiritimati (09:00 on 1 March in Adak)
        '2025-03-02T19:00', // 09:00 on 2 March in Adak
      ]);
    });

    it('Kiritimati → Adak at 10:00: the Adak day that already had its tip does not get another', async () => {
      const posts = await run(
        '2025-03-01T00:00:00Z',
        '2025-03-03T00:00:00Z',
        { timeZone: 'Pacific/Kiritimati' },
        { at: '2025-03-01T19:30:00Z', timeZone: 'America/Adak', time: '10:00' },
      );
      expect(posts).toEqual([
        '2025-03-01T19:00', // 09:00 on 1 March in Adak, already
        '2025-03-02T20:00', // 10:00 on 2 March in Adak
      ]);
    });

    it('Adak → Kiritimati at 10:00 (a day ahead): no second tip an hour later', async () => {
      const posts = await run(
        '2025-03-01T00:00:00Z',
        '2025-03-03T00:00:00Z',
        { timeZone: 'America/Adak' },
        { at: '2025-03-01T19:30:00Z', timeZone: 'Pacific/Kiritimati', time: '10:00' },
      );
      expect(posts).toEqual([
        '2025-03-01T19:00', // 09:00 on 1 March in Adak (09:00 on 2 March in Kiritimati)
        '2025-03-02T20:00', // 10:00 on 3 March in Kiritimati
      ]);
    });

    it('Kiritimati → Adak the day before Adak springs forward: 23 hours, not two days', async () => {
      const posts = await run(
        '2025-03-08T00:00:00Z',
        '2025-03-10T12:00:00Z',
        { timeZone: 'Pacific/Kiritimati' },
        { at: '2025-03-08T19:30:00Z', timeZone: 'America/Adak' },
      );
      expect(posts).toEqual([
        '2025-03-08T19:00', // 09:00 on 9 March in Kiritimati
        '2025-03-09T18:00', // 09:00 HDT on 9 March in Adak (daylight saving from 02:00)
      ]);
    });

    it('New York → Berlin and back within a week of their different DST dates: one tip a day', async () => {
      const posts = await run(
        '2025-03-10T00:00:00Z',
        '2025-03-12T18:00:00Z',
        { timeZone: 'America/New_York' },
        { at: '2025-03-10T13:30:00Z', timeZone: 'Europe/Berlin', time: '15:00' },
      );
      expect(posts).toEqual([
        '2025-03-10T13:00', // 09:00 EDT in New York (Berlin: 14:00 CET, the same day)
        '2025-03-11T14:00', // 15:00 CET on 11 March in Berlin: not 14:00Z on the 10th
        '2025-03-12T14:00',
      ]);
    });
  });
}
