import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { claimLost } from '../../src/store/support.js';
import { type PostDueSummary, postDueTips } from '../../src/tips/post-due.js';
import { newSub } from '../store/store-contract.js';
import { FakeSender, memoryLogger, TIPS } from './fakes.js';

/** Two replicas (or CronJob runs) on one store, and how to let them go. */
export interface Replicas {
  readonly a: Store;
  readonly b: Store;
  close(): Promise<void>;
}

const MINUTE = 60_000;
const T = new Date('2025-06-01T09:00:00Z');
const tPlus = (ms: number) => new Date(T.getTime() + ms);
const LEASE = 5 * MINUTE;

const countBy = (channels: string[]) =>
  Object.fromEntries(
    [...new Set(channels)].sort().map((c) => [c, channels.filter((x) => x === c).length]),
  );

/**
 * Issue 13: a day's tip is posted at most once when passes overlap, outlive the claim lease or
 * die between the platform taking the tip and the store recording it. Run on every store engine.
 */
export function runReplicaScenarios(name: string, open: () => Promise<Replicas>): void {
  describe(`overlapping post-due passes: ${name}`, () => {
    let r: Replicas;
    beforeEach(async () => {
      r = await open();
      for (const [i, channel] of ['C0T1', 'C0T2', 'C0T3'].entries()) {
        await r.a.subscribe(newSub(channel), new Date(Date.UTC(2025, 4, 1, 0, i)));
      }
    });
    afterEach(() => r.close());

    it('a pass slower than the lease keeps what it claimed; one 5 min 01 s later posts the rest', async () => {
      let clockA = T;
      const slackA = new FakeSender(() => clockA);
      const slackB = new FakeSender(() => tPlus(5 * MINUTE + 1000));
      let passB: PostDueSummary | undefined;
      slackA.whileSending(async (sub) => {
        clockA = new Date(clockA.getTime() + 2 * MINUTE); // each send takes two minutes
        if (sub.channelId !== 'C0T2') return;
        passB = await postDueTips({
          store: r.b,
          tips: TIPS,
          now: () => tPlus(5 * MINUTE + 1000),
          senders: { slack: slackB },
          leaseMs: LEASE,
        });
      });
      const passA = await postDueTips({
        store: r.a,
        tips: TIPS,
        now: () => clockA,
        senders: { slack: slackA },
        leaseMs: LEASE,
      });
      const sent = [...slackA.sent, ...slackB.sent].map((s) => s.channelId);
      expect(countBy(sent)).toEqual({ C0T1: 1, C0T2: 1, C0T3: 1 });
      expect(slackB.sent.map((s) => s.channelId)).toEqual(['C0T3']);
      expect(passA).toEqual({ posted: 2, retired: 0, skipped: 0, failed: 0 });
      expect(passB).toEqual({ posted: 1, retired: 0, skipped: 0, failed: 0 });
      expect((await r.b.stats()).tipsPosted).toBe(3);
    });

    it('a pass whose claim was taken over before it sent sends nothing and reports a failure', async () => {
      let clockA = T;
      const slackA = new FakeSender(() => clockA);
      const slackB = new FakeSender(() => tPlus(5 * MINUTE + 1000));
      const postedTips = r.a.postedTips.bind(r.a);
      let stalled = false;
      // A's store answers slowly once, long enough for its claim on C0T1 to expire.
      r.a.postedTips = async (id) => {
        if (!stalled) {
          stalled = true;
          clockA = tPlus(5 * MINUTE + 1000);
          await postDueTips({
            store: r.b,
            tips: TIPS,
            now: () => tPlus(5 * MINUTE + 1000),
            senders: { slack: slackB },
            leaseMs: LEASE,
          });
        }
        return postedTips(id);
      };
      const logger = memoryLogger();
      const passA = await postDueTips({
        store: r.a,
        tips: TIPS,
        now: () => clockA,
        senders: { slack: slackA },
        leaseMs: LEASE,
        logger,
      });
      expect(slackA.sent).toEqual([]);
      expect(slackB.sent.map((s) => s.channelId)).toEqual(['C0T1', 'C0T2', 'C0T3']);
      expect(passA).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 1 });
      expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([
        'claim lost before sending; another pass has the day',
      ]);
      expect((await r.b.stats()).tipsPosted).toBe(3);
    });

    it('a pass that died after the platform took a tip, before recording it, is not re-sent', async () => {
      const slackA = new FakeSender(() => T);
      const confirmTip = r.a.confirmTip.bind(r.a);
      let dying = true;
      r.a.confirmTip = async (...args) => {
        if (dying) throw new Error('killed'); // A dies between the platform and the store
        return confirmTip(...args);
      };
      const passA = await postDueTips({
        store: r.a,
        tips: TIPS,
        now: () => T,
        senders: { slack: slackA },
      });
      expect(slackA.sent).toHaveLength(3);
      dying = false;
      expect(passA).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 3 });

      const slackB = new FakeSender();
      for (const minutes of [5, 6, 60, 14 * 60]) {
        const now = () => tPlus(minutes * MINUTE);
        expect(
          await postDueTips({ store: r.b, tips: TIPS, now, senders: { slack: slackB } }),
        ).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 0 });
      }
      expect(slackB.sent).toEqual([]);
      // That day's tips may be lost; the next day's go out as usual.
      const tomorrow = () => tPlus(24 * 60 * MINUTE);
      expect(
        (await postDueTips({ store: r.b, tips: TIPS, now: tomorrow, senders: { slack: slackB } }))
          .posted,
      ).toBe(3);
    });

    it('a confirm that finds its claim gone is reported as failed, not posted', async () => {
      const slack = new FakeSender(() => T);
      r.a.confirmTip = async (claim) => {
        throw claimLost('confirmTip', claim);
      };
      const logger = memoryLogger();
      const pass = await postDueTips({
        store: r.a,
        tips: TIPS,
        now: () => T,
        senders: { slack },
        logger,
      });
      expect(pass).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 3 });
      expect(logger.lines.filter((l) => l.msg === 'outcome not recorded: claim lost')).toHaveLength(
        3,
      );
    });
  });
}
