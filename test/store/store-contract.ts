import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDay, NewHandoff, NewSubscription, Store } from '../../src/store/store.js';
import { runChannelContract } from './channel-contract.js';

/** One store under test, plus (for real databases) another instance on the same database. */
export interface StoreFixture {
  readonly store: Store;
  /** A second Store on the same database, as another replica or process would open it. */
  readonly openPeer?: () => Promise<Store>;
  cleanup(): Promise<void>;
}

const T0 = new Date('2025-03-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A local day of a subscription in UTC: `date` from its midnight. */
export function utcDay(date: string): LocalDay {
  return { date, start: new Date(`${date}T00:00:00Z`) };
}

export function newSub(
  channelId: string,
  overrides: Partial<NewSubscription> = {},
): NewSubscription {
  return {
    platform: 'slack',
    workspaceId: 'T1',
    channelId,
    reference: null,
    time: '09:00',
    timeZone: 'UTC',
    lang: 'en',
    createdBy: 'U1',
    ...overrides,
  };
}

export function newHandoff(overrides: Partial<NewHandoff> = {}): NewHandoff {
  return {
    platform: 'slack',
    conversationId: 'C1',
    question: 'service mesh for payments',
    questionKey: 'k-mesh',
    caseId: null,
    askerId: 'U1',
    askerName: null,
    lang: 'en',
    at: T0,
    ...overrides,
  };
}

const LIMIT = { max: 5, windowMs: HOUR };

/** The behaviour every Store engine must show; run against memory, SQLite and PostgreSQL. */
export function runStoreContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: Store;
    const peers: Store[] = [];
    const peer = async (): Promise<Store> => {
      if (!fx.openPeer) return store;
      const p = await fx.openPeer();
      await p.init();
      peers.push(p);
      return p;
    };

    beforeEach(async () => {
      fx = await makeFixture();
      store = fx.store;
      await store.init();
    });
    afterEach(async () => {
      for (const p of peers.splice(0)) await p.close();
      await fx.cleanup();
    });

    it('initialises idempotently and answers ping', async () => {
      await store.init();
      await expect(store.ping()).resolves.toBeUndefined();
      const other = await peer();
      await expect(other.ping()).resolves.toBeUndefined();
    });

    describe('event ids', () => {
      it('is true for the first sighting only, and again after the TTL', async () => {
        expect(await store.rememberEvent('Ev1', T0, HOUR)).toBe(true);
        expect(await store.rememberEvent('Ev1', at(MINUTE), HOUR)).toBe(false);
        expect(await store.rememberEvent('Ev2', at(MINUTE), HOUR)).toBe(true);
        expect(await store.rememberEvent('Ev1', at(HOUR - 1), HOUR)).toBe(false);
        expect(await store.rememberEvent('Ev1', at(HOUR + 1), HOUR)).toBe(true);
        expect(await store.rememberEvent('Ev1', at(HOUR + 2), HOUR)).toBe(false);
      });

      it('lets exactly one of several concurrent callers through', async () => {
        const other = await peer();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).rememberEvent('EvX', T0, HOUR),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('forgets old ids while remembering new ones', async () => {
        for (let i = 0; i < 5; i += 1) await store.rememberEvent(`old${i}`, T0, HOUR);
        expect(await store.rememberEvent('new', at(DAY), HOUR)).toBe(true);
        expect(await store.rememberEvent('old0', at(DAY), HOUR)).toBe(true);
      });
    });

    describe('greetings', () => {
      it('greets each user once, per platform and workspace, and remembers it', async () => {
        expect(await store.markGreeted('slack', 'T1', 'U1', T0)).toBe(true);
        expect(await store.markGreeted('slack', 'T1', 'U1', at(DAY))).toBe(false);
        expect(await store.markGreeted('slack', 'T1', 'U2', T0)).toBe(true);
        expect(await store.markGreeted('slack', 'T2', 'U1', T0)).toBe(true);
        expect(await store.markGreeted('teams', 'T1', 'U1', T0)).toBe(true);
        const other = await peer();
        expect(await other.markGreeted('slack', 'T1', 'U1', at(DAY))).toBe(false);
      });

      it('lets exactly one of several concurrent callers greet', async () => {
        const other = await peer();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).markGreeted('slack', 'T1', 'UX', T0),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('subscriptions', () => {
      it('subscribes a channel and reads it back', async () => {
        const ref = { serviceUrl: 'http://127.0.0.1:1/', conversation: { id: '19:abc' } };
        const teams = await store.subscribe(
          newSub('19:abc', {
            platform: 'teams',
            reference: ref,
            lang: 'zh',
            timeZone: 'Asia/Shanghai',
          }),
          T0,
        );
        expect(teams).toMatchObject({ platform: 'teams', channelId: '19:abc', active: true });
        expect(teams.createdAt.getTime()).toBe(T0.getTime());
        const read = await store.getSubscription('teams', '19:abc');
        expect(read).toEqual(teams);
        expect(read?.reference).toEqual(ref);
        expect((await store.getSubscription('slack', 'C1'))?.reference ?? null).toBeNull();
        expect(await store.getSubscription('slack', '19:abc')).toBeNull();
      });

      it('keeps one subscription per platform and channel; subscribing again replaces it', async () => {
        const first = await store.subscribe(newSub('C1'), T0);
        await store.subscribe(newSub('C1', { platform: 'teams' }), T0);
        const again = await store.subscribe(
          newSub('C1', { time: '21:30', timeZone: 'Europe/Berlin', lang: 'zh', createdBy: 'U2' }),
          at(HOUR),
        );
        expect(again).toMatchObject({ id: first.id, time: '21:30', timeZone: 'Europe/Berlin' });
        expect(again).toMatchObject({ lang: 'zh', createdBy: 'U2', active: true });
        expect(again.createdAt.getTime()).toBe(at(HOUR).getTime());
        expect(await store.listActiveSubscriptions()).toHaveLength(2);
      });

      it('unsubscribes once, then reports there was nothing to unsubscribe', async () => {
        await store.subscribe(newSub('C1'), T0);
        expect(await store.unsubscribe('slack', 'C1')).toBe(true);
        expect(await store.unsubscribe('slack', 'C1')).toBe(false);
        expect(await store.unsubscribe('slack', 'C404')).toBe(false);
        expect(await store.listActiveSubscriptions()).toEqual([]);
        expect((await store.getSubscription('slack', 'C1'))?.active).toBe(false);
        const back = await store.subscribe(newSub('C1'), at(DAY));
        expect(back.active).toBe(true);
        expect(await store.listActiveSubscriptions()).toEqual([back]);
      });

      it('retires a subscription, which subscribing again reactivates', async () => {
        const a = await store.subscribe(newSub('C1'), T0);
        const b = await store.subscribe(newSub('C2'), at(1));
        await store.retireSubscription(a.id, 'channel_not_found', at(2));
        expect((await store.listActiveSubscriptions()).map((s) => s.id)).toEqual([b.id]);
        expect((await store.getSubscription('slack', 'C1'))?.active).toBe(false);
        expect((await store.subscribe(newSub('C1'), at(3))).active).toBe(true);
      });

      it('lists active subscriptions oldest first', async () => {
        await store.subscribe(newSub('C2'), at(2));
        await store.subscribe(newSub('C1'), at(1));
        await store.subscribe(newSub('C3'), at(3));
        const list = await store.listActiveSubscriptions();
        expect(list.map((s) => s.channelId)).toEqual(['C1', 'C2', 'C3']);
      });
    });

    describe('tip claims', () => {
      const LEASE = 5 * MINUTE;

      it('lets exactly one of several concurrent claims of one day win', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const other = await peer();
        const claims = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 ? other : store).claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE),
          ),
        );
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
        expect(await store.claimTip(sub.id, utcDay('2025-03-02'), T0, LEASE)).not.toBeNull();
      });

      it('hands an unconfirmed claim to someone else once the lease is over', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const first = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        expect(first).not.toBeNull();
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(LEASE - 1), LEASE)).toBeNull();
        const other = await peer();
        const second = await other.claimTip(sub.id, utcDay('2025-03-01'), at(LEASE), LEASE);
        expect(second).not.toBeNull();
        expect(second?.token).not.toBe(first?.token);
        // The late first claimant can neither confirm nor release what it no longer holds.
        if (first) await store.releaseTip(first);
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(LEASE + 2), LEASE)).toBeNull();
        if (second) await other.confirmTip(second, 'tip-b', at(LEASE + 3));
        expect(await store.postedTips(sub.id)).toEqual(['tip-b']);
      });

      it('reports recording a claim taken over by someone else as an error, not a post', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const late = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!late) throw new Error('expected a claim');
        const other = await peer();
        const taken = await other.claimTip(sub.id, utcDay('2025-03-01'), at(LEASE + 1), LEASE);
        if (!taken) throw new Error('expected the expired claim to be taken over');
        const lost = { code: 'tip_claim_lost' };
        await expect(store.confirmTip(late, 'tip-late', at(LEASE + 2))).rejects.toMatchObject(lost);
        await expect(store.skipTip(late, 'late', at(LEASE + 2))).rejects.toMatchObject(lost);
        await expect(store.markTipSending(late, at(LEASE + 2))).rejects.toMatchObject(lost);
        await other.markTipSending(taken, at(LEASE + 3));
        await other.confirmTip(taken, 'tip-b', at(LEASE + 4));
        await expect(other.confirmTip(taken, 'tip-b', at(LEASE + 5))).rejects.toMatchObject(lost);
        expect(await store.postedTips(sub.id)).toEqual(['tip-b']);
        expect((await store.stats()).tipsPosted).toBe(1);
      });

      it('never hands a claim being sent to anyone else, however long the send takes', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const claim = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!claim) throw new Error('expected a claim');
        await store.markTipSending(claim, at(1));
        const other = await peer();
        expect(await other.claimTip(sub.id, utcDay('2025-03-01'), at(LEASE + 1), LEASE)).toBeNull();
        // Its holder may have died mid-send: the day stays held, lost rather than posted twice.
        expect(await other.claimTip(sub.id, utcDay('2025-03-01'), at(DAY - 1), LEASE)).toBeNull();
        expect(await other.claimTip(sub.id, utcDay('2025-03-01'), at(DAY * 30), 0)).toBeNull();
        await store.confirmTip(claim, 'tip-a', at(LEASE * 2));
        expect(await store.postedTips(sub.id)).toEqual(['tip-a']);
      });

      it('lets the holder of a claim being sent give it back when nothing went out', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const claim = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!claim) throw new Error('expected a claim');
        await store.markTipSending(claim, at(1));
        await store.releaseTip(claim);
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(2), LEASE)).not.toBeNull();
      });

      it('never hands out a confirmed day again', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const claim = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!claim) throw new Error('expected a claim');
        await store.confirmTip(claim, 'tip-a', at(1));
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(DAY), LEASE)).toBeNull();
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(DAY * 30), 0)).toBeNull();
      });

      it('makes a released day claimable at once', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const claim = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!claim) throw new Error('expected a claim');
        await store.releaseTip(claim);
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(1), LEASE)).not.toBeNull();
      });

      it('closes a skipped day without counting it as posted', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const claim = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, LEASE);
        if (!claim) throw new Error('expected a claim');
        await store.skipTip(claim, 'not_in_channel', at(1));
        expect(await store.claimTip(sub.id, utcDay('2025-03-01'), at(DAY), LEASE)).toBeNull();
        expect(await store.postedTips(sub.id)).toEqual([]);
        expect((await store.stats()).tipsPosted).toBe(0);
      });

      it('keys a day by when it began, not by its date: a zone change neither skips nor repeats one', async () => {
        const sub = await store.subscribe(newSub('C1'), T0);
        const day = (date: string, start: string) => ({ date, start: new Date(start) });
        // 2 March in Kiritimati (UTC+14) began at 10:00Z on 1 March; its tip went out at 19:00Z.
        const kiritimati = await store.claimTip(
          sub.id,
          day('2025-03-02', '2025-03-01T10:00:00Z'),
          new Date('2025-03-01T19:00:00Z'),
          LEASE,
        );
        if (!kiritimati) throw new Error('expected a claim');
        await store.confirmTip(kiritimati, 'tip-a', new Date('2025-03-01T19:00:05Z'));
        const other = await peer();
        // Now in Adak (UTC-10): 1 March there began before that tip, so it had its tip…
        expect(
          await other.claimTip(
            sub.id,
            day('2025-03-01', '2025-03-01T10:00:00Z'),
            new Date('2025-03-01T20:00:00Z'),
            LEASE,
          ),
        ).toBeNull();
        // …and 2 March there, which began after it, is a day of its own, date string or not.
        const adak = await other.claimTip(
          sub.id,
          day('2025-03-02', '2025-03-02T10:00:00Z'),
          new Date('2025-03-02T19:00:00Z'),
          LEASE,
        );
        expect(adak).toMatchObject({ subscriptionId: sub.id, day: '2025-03-02' });
        expect(adak?.seq).toBe(kiritimati.seq + 1);
        if (adak) await other.confirmTip(adak, 'tip-b', new Date('2025-03-02T19:00:05Z'));
        expect(await store.postedTips(sub.id)).toEqual(['tip-a', 'tip-b']);
        expect((await store.stats()).tipsPosted).toBe(2);
      });

      it('lists the tips posted to a subscription, oldest first', async () => {
        const a = await store.subscribe(newSub('C1'), T0);
        const b = await store.subscribe(newSub('C2'), T0);
        const days = ['2025-03-01', '2025-03-02', '2025-03-03'];
        for (const [i, day] of days.entries()) {
          const claim = await store.claimTip(a.id, utcDay(day), at(i * DAY), LEASE);
          if (claim) await store.confirmTip(claim, `tip-${3 - i}`, at(i * DAY + 1));
        }
        // In the order they were posted, not by day: a day claimed first but posted last is last.
        const late = await store.claimTip(a.id, utcDay('2025-03-04'), at(3 * DAY), LEASE);
        const early = await store.claimTip(a.id, utcDay('2025-03-05'), at(3 * DAY), LEASE);
        if (early) await store.confirmTip(early, 'tip-5', at(3 * DAY + 1));
        if (late) await store.confirmTip(late, 'tip-4', at(3 * DAY + 2));
        const other = await store.claimTip(b.id, utcDay('2025-03-01'), T0, LEASE);
        if (other) await store.confirmTip(other, 'tip-x', at(1));
        expect(await store.postedTips(a.id)).toEqual(['tip-3', 'tip-2', 'tip-1', 'tip-5', 'tip-4']);
        expect(await store.postedTips(b.id)).toEqual(['tip-x']);
        expect(await store.postedTips('nobody')).toEqual([]);
      });
    });

    describe('case vectors', () => {
      const vec = (...xs: number[]) => new Float32Array(xs);
      const sorted = (vs: { caseId: string; lang: string }[]) =>
        [...vs].sort((a, b) => `${a.caseId} ${a.lang}`.localeCompare(`${b.caseId} ${b.lang}`));

      it('keeps vectors per casebook version and model, readable by another replica', async () => {
        expect(await store.loadCaseVectors('book-1', 'model-a')).toEqual([]);
        await store.saveCaseVectors('book-1', 'model-a', [
          { caseId: 'ecommerce', lang: 'en', vector: vec(0.5, -1, 0.25) },
          { caseId: 'ecommerce', lang: 'zh', vector: vec(1, 0, 0) },
        ]);
        await store.saveCaseVectors('book-1', 'model-a', [
          { caseId: 'finance', lang: 'en', vector: vec(0, 2, -0.125) },
        ]);
        await store.saveCaseVectors('book-1', 'model-b', [
          { caseId: 'finance', lang: 'en', vector: vec(9, 9) },
        ]);
        const other = await peer();
        expect(sorted(await other.loadCaseVectors('book-1', 'model-a'))).toEqual([
          { caseId: 'ecommerce', lang: 'en', vector: vec(0.5, -1, 0.25) },
          { caseId: 'ecommerce', lang: 'zh', vector: vec(1, 0, 0) },
          { caseId: 'finance', lang: 'en', vector: vec(0, 2, -0.125) },
        ]);
        expect(await other.loadCaseVectors('book-1', 'model-b')).toEqual([
          { caseId: 'finance', lang: 'en', vector: vec(9, 9) },
        ]);
        expect(await other.loadCaseVectors('book-2', 'model-a')).toEqual([]);
      });

      it('replaces a vector saved twice (two replicas computing it at once)', async () => {
        const a = { caseId: 'edge', lang: 'en' as const };
        await store.saveCaseVectors('book-1', 'model-a', [{ ...a, vector: vec(1, 1) }]);
        await (await peer()).saveCaseVectors('book-1', 'model-a', [{ ...a, vector: vec(2, 3) }]);
        expect(await store.loadCaseVectors('book-1', 'model-a')).toEqual([
          { ...a, vector: vec(2, 3) },
        ]);
      });

      it("drops a model's vectors of older casebook versions when a newer one is saved", async () => {
        const one = { caseId: 'edge', lang: 'en' as const, vector: vec(1) };
        await store.saveCaseVectors('book-1', 'model-a', [one]);
        await store.saveCaseVectors('book-1', 'model-b', [one]);
        await store.saveCaseVectors('book-2', 'model-a', [{ ...one, vector: vec(2) }]);
        expect(await store.loadCaseVectors('book-1', 'model-a')).toEqual([]);
        expect(await store.loadCaseVectors('book-1', 'model-b')).toEqual([one]);
        expect(await store.loadCaseVectors('book-2', 'model-a')).toEqual([
          { ...one, vector: vec(2) },
        ]);
      });
    });

    describe('stats', () => {
      it('is all zeros on an empty store', async () => {
        expect(await store.stats()).toEqual({
          subscriptions: { active: 0, retired: 0 },
          tipsPosted: 0,
          feedback: [],
          misses: [],
        });
      });

      it('counts subscriptions, posts, feedback per case and the most frequent misses', async () => {
        const a = await store.subscribe(newSub('C1'), T0);
        const b = await store.subscribe(newSub('C2'), T0);
        await store.subscribe(newSub('C3'), T0);
        await store.subscribe(newSub('C4'), T0);
        await store.retireSubscription(a.id, 'is_archived', at(1));
        await store.unsubscribe('slack', 'C4');
        for (const [sub, day] of [
          [a, '2025-03-01'],
          [b, '2025-03-01'],
          [b, '2025-03-02'],
        ] as const) {
          const claim = await store.claimTip(sub.id, utcDay(day), T0, MINUTE);
          if (claim) await store.confirmTip(claim, 'tip', at(1));
        }
        const vote = { platform: 'slack', query: 'flash sale', at: T0 };
        await store.recordFeedback({ ...vote, caseId: 'finance', helpful: true, userId: 'U1' });
        await store.recordFeedback({ ...vote, caseId: 'ecommerce', helpful: true, userId: 'U1' });
        await store.recordFeedback({ ...vote, caseId: 'ecommerce', helpful: false, userId: 'U2' });
        await store.recordFeedback({ ...vote, caseId: 'ecommerce', helpful: true, userId: 'U3' });
        // U3 changes their mind: one vote per user, case and question.
        await store.recordFeedback({ ...vote, caseId: 'ecommerce', helpful: false, userId: 'U3' });
        for (const q of ['  Quantum   Computing ', 'quantum computing', 'QUANTUM COMPUTING']) {
          await store.recordMiss({ query: q, lang: 'en', at: T0 });
        }
        await store.recordMiss({ query: '区块链', lang: 'zh', at: T0 });
        await store.recordMiss({ query: '区块链', lang: 'zh', at: T0 });
        await store.recordMiss({ query: 'blockchain', lang: 'en', at: T0 });
        await store.recordMiss({ query: '   ', lang: 'en', at: T0 });

        const stats = await store.stats(2);
        expect(stats.subscriptions).toEqual({ active: 2, retired: 2 });
        expect(stats.tipsPosted).toBe(3);
        expect(stats.feedback).toEqual([
          { caseId: 'ecommerce', helpful: 1, notHelpful: 2 },
          { caseId: 'finance', helpful: 1, notHelpful: 0 },
        ]);
        expect(stats.misses).toEqual([
          { query: 'quantum computing', count: 3 },
          { query: '区块链', count: 2 },
        ]);
        expect((await store.stats()).misses).toHaveLength(3);
      });

      it('lists the most frequent misses with first and last seen, since a moment', async () => {
        await store.recordMiss({ query: 'Quantum computing', lang: 'en', at: at(2 * DAY) });
        await store.recordMiss({ query: 'quantum  COMPUTING', lang: 'en', at: T0 });
        await store.recordMiss({ query: 'quantum computing', lang: 'en', at: at(DAY) });
        await store.recordMiss({ query: '区块链', lang: 'zh', at: at(3 * DAY) });
        await store.recordMiss({ query: 'blockchain', lang: 'en', at: at(HOUR) });
        await store.recordMiss({ query: 'blockchain', lang: 'en', at: at(4 * DAY) });

        expect(await store.topMisses({ limit: 2 })).toEqual([
          { query: 'quantum computing', count: 3, firstSeen: T0, lastSeen: at(2 * DAY) },
          { query: 'blockchain', count: 2, firstSeen: at(HOUR), lastSeen: at(4 * DAY) },
        ]);
        expect(await store.topMisses({ since: at(DAY) })).toEqual([
          { query: 'quantum computing', count: 2, firstSeen: at(DAY), lastSeen: at(2 * DAY) },
          { query: 'blockchain', count: 1, firstSeen: at(4 * DAY), lastSeen: at(4 * DAY) },
          { query: '区块链', count: 1, firstSeen: at(3 * DAY), lastSeen: at(3 * DAY) },
        ]);
        expect(await store.topMisses({ since: at(5 * DAY) })).toEqual([]);
      });

      it('counts misses recorded without their text apart, with no text', async () => {
        await store.recordMiss({ query: null, lang: 'en', at: T0 });
        await store.recordMiss({ query: null, lang: 'zh', at: at(MINUTE) });
        await store.recordMiss({ query: '   ', lang: 'en', at: T0 });
        expect(await store.topMisses()).toEqual([
          { query: null, count: 2, firstSeen: T0, lastSeen: at(MINUTE) },
        ]);
        expect((await store.stats()).misses).toEqual([{ query: '', count: 2 }]);
      });

      it('forgets the misses and votes recorded before a moment, and keeps the rest', async () => {
        await store.recordMiss({ query: 'old miss', lang: 'en', at: T0 });
        await store.recordMiss({ query: null, lang: 'en', at: at(DAY - 1) });
        await store.recordMiss({ query: 'new miss', lang: 'en', at: at(DAY) });
        const vote = { platform: 'slack', caseId: 'edge', helpful: true, query: 'iot' };
        await store.recordFeedback({ ...vote, userId: 'U1', at: T0 });
        await store.recordFeedback({ ...vote, userId: 'U2', at: at(DAY) });
        // A vote changed since is as recent as its change.
        await store.recordFeedback({ ...vote, userId: 'U3', at: T0 });
        await store.recordFeedback({ ...vote, userId: 'U3', helpful: false, at: at(2 * DAY) });

        expect(await store.purgeStats(at(DAY))).toEqual({ misses: 2, feedback: 1 });
        expect(await (await peer()).purgeStats(at(DAY))).toEqual({ misses: 0, feedback: 0 });
        expect(await store.topMisses()).toEqual([
          { query: 'new miss', count: 1, firstSeen: at(DAY), lastSeen: at(DAY) },
        ]);
        expect((await store.stats()).feedback).toEqual([
          { caseId: 'edge', helpful: 1, notHelpful: 1 },
        ]);
      });

      it('forgets a large backlog of misses, all of it', async () => {
        for (let i = 0; i < 1_100; i += 1) {
          await store.recordMiss({ query: `question ${i % 7}`, lang: 'en', at: at(i) });
        }
        await store.recordMiss({ query: 'kept', lang: 'en', at: at(DAY) });
        expect(await store.purgeStats(at(DAY))).toEqual({ misses: 1_100, feedback: 0 });
        expect((await store.topMisses()).map((m) => m.query)).toEqual(['kept']);
      });

      it('caps the length of a recorded miss', async () => {
        await store.recordMiss({ query: `${'x'.repeat(5000)}`, lang: 'en', at: T0 });
        const [miss] = (await store.stats()).misses;
        expect(miss?.query.length).toBeLessThanOrEqual(200);
        expect(miss?.count).toBe(1);
      });
    });

    runChannelContract(() => store, peer);

    it('counts no claim on another key (the weekly report’s) among the tips posted', async () => {
      // A week claimed the way the report claims it: from its scheduled moment.
      const WEEK: LocalDay = { date: '2025-03-03', start: T0 };
      const sub = await store.subscribe(newSub('C1'), T0);
      const tip = await store.claimTip(sub.id, utcDay('2025-03-01'), T0, HOUR);
      const week = await store.claimTip('digest:slack:C0EXPERTS', WEEK, T0, HOUR);
      if (!tip || !week) throw new Error('expected both claims');
      await store.markTipSending(week, T0);
      await store.confirmTip(tip, 'tip-a', T0);
      await store.confirmTip(week, 'digest', T0);
      expect((await store.stats()).tipsPosted).toBe(1);
      expect(await store.claimTip('digest:slack:C0EXPERTS', WEEK, at(DAY), HOUR)).toBeNull();
    });

    describe('feedback, listed', () => {
      it('lists votes newest first, by kind and since a moment', async () => {
        const vote = (caseId: string, helpful: boolean, query: string, ms: number) =>
          store.recordFeedback({
            platform: 'slack',
            caseId,
            helpful,
            query,
            userId: 'U1',
            at: at(ms),
          });
        await vote('edge', false, 'offline sync', 0);
        await vote('finance', true, 'ledger', HOUR);
        await vote('finance', false, 'settlement', 2 * HOUR);
        const down = await store.listFeedback({ helpful: false });
        expect(down.map((f) => [f.caseId, f.query, f.helpful, f.at])).toEqual([
          ['finance', 'settlement', false, at(2 * HOUR)],
          ['edge', 'offline sync', false, T0],
        ]);
        expect((await store.listFeedback({ since: at(HOUR) })).map((f) => f.query)).toEqual([
          'settlement',
          'ledger',
        ]);
        expect(await store.listFeedback({ limit: 1 })).toHaveLength(1);
      });
    });

    describe('hand-offs', () => {
      it('creates one per question and conversation; a second press gets the first', async () => {
        const first = await store.requestHandoff(newHandoff({ caseId: 'finance' }), LIMIT);
        if (first.kind !== 'created') throw new Error(`expected created, got ${first.kind}`);
        expect(first.handoff).toMatchObject({
          platform: 'slack',
          conversationId: 'C1',
          question: 'service mesh for payments',
          caseId: 'finance',
          askerId: 'U1',
          at: T0,
          answeredAt: null,
          answeredBy: null,
        });
        const again = await store.requestHandoff(
          newHandoff({ askerId: 'U2', at: at(MINUTE) }),
          LIMIT,
        );
        expect(again).toEqual({ kind: 'exists', handoff: first.handoff });
        // The same question in another conversation, or on the other platform, is its own.
        expect((await store.requestHandoff(newHandoff({ conversationId: 'C2' }), LIMIT)).kind).toBe(
          'created',
        );
        expect((await store.requestHandoff(newHandoff({ platform: 'teams' }), LIMIT)).kind).toBe(
          'created',
        );
      });

      it('refuses a sixth within the hour, per asker, and lets one through an hour later', async () => {
        for (let i = 0; i < 5; i++) {
          const r = await store.requestHandoff(
            newHandoff({ questionKey: `q${i}`, at: at(i * MINUTE) }),
            LIMIT,
          );
          expect(r.kind).toBe('created');
        }
        expect(
          (
            await store.requestHandoff(
              newHandoff({ questionKey: 'q5', at: at(30 * MINUTE) }),
              LIMIT,
            )
          ).kind,
        ).toBe('limited');
        // Someone else is not limited by it.
        expect(
          (
            await store.requestHandoff(
              newHandoff({ questionKey: 'q5', askerId: 'U2', at: at(30 * MINUTE) }),
              LIMIT,
            )
          ).kind,
        ).toBe('created');
        // A press stamped a moment before the others (a replica's clock, a slow request) counts
        // them too.
        expect(
          (await store.requestHandoff(newHandoff({ questionKey: 'q7', at: at(-1) }), LIMIT)).kind,
        ).toBe('limited');
        // An hour after the first, one slot is free again.
        expect(
          (await store.requestHandoff(newHandoff({ questionKey: 'q6', at: at(HOUR) }), LIMIT)).kind,
        ).toBe('created');
      });

      it('lets one of several replicas create a question’s hand-off at the same moment', async () => {
        const other = await peer();
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 ? other : store).requestHandoff(newHandoff({ askerId: `U${i}` }), LIMIT),
          ),
        );
        expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'exists')).toHaveLength(5);
      });

      it('counts one asker’s simultaneous presses on several replicas against one limit', async () => {
        const other = await peer();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).requestHandoff(
              newHandoff({ questionKey: `p${i}`, at: at(i) }),
              LIMIT,
            ),
          ),
        );
        expect(results.filter((r) => r.kind === 'created')).toHaveLength(5);
        expect(results.filter((r) => r.kind === 'limited')).toHaveLength(3);
      });

      it('marks a hand-off answered once, and lists open ones and recent ones newest first', async () => {
        const a = await store.requestHandoff(newHandoff({ questionKey: 'a' }), LIMIT);
        const b = await store.requestHandoff(
          newHandoff({ questionKey: 'b', at: at(DAY), question: 'b?' }),
          LIMIT,
        );
        if (a.kind !== 'created' || b.kind !== 'created') throw new Error('expected two');
        const answered = await store.answerHandoff(a.handoff.id, 'U9', at(HOUR));
        expect(answered).toMatchObject({
          id: a.handoff.id,
          answeredAt: at(HOUR),
          answeredBy: 'U9',
        });
        const twice = await store.answerHandoff(a.handoff.id, 'U8', at(2 * HOUR));
        expect(twice).toMatchObject({ answeredAt: at(HOUR), answeredBy: 'U9' });
        expect(await store.answerHandoff('no-such-id', 'U9', at(HOUR))).toBeNull();

        expect((await store.listHandoffs()).map((h) => h.questionKey)).toEqual(['b', 'a']);
        expect((await store.listHandoffs({ open: true })).map((h) => h.questionKey)).toEqual(['b']);
        expect((await store.listHandoffs({ since: at(HOUR) })).map((h) => h.question)).toEqual([
          'b?',
        ]);
      });
    });
  });
}
