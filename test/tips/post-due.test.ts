import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { NewSubscription, Store } from '../../src/store/store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { newSub, utcDay } from '../store/store-contract.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';
import { FakeSender, memoryLogger, minutes, TIPS } from './fakes.js';
import { runReplicaScenarios } from './replica-scenarios.js';
import { runZoneChangeScenarios } from './zone-change-scenarios.js';

const subscribe = (store: Store, channelId: string, at: string, o: Partial<NewSubscription> = {}) =>
  store.subscribe(newSub(channelId, o), new Date(at));

describe('postDueTips', () => {
  let store: MemoryStore;
  let now: Date;
  let slack: FakeSender;
  const pass = (senders = { slack }) =>
    postDueTips({ store, tips: TIPS, now: () => now, senders, logger: memoryLogger() });

  beforeEach(() => {
    store = new MemoryStore();
    now = new Date('2025-06-01T00:00:00Z');
    slack = new FakeSender(() => now);
  });

  it('posts once per local day, nothing before the time, a different tip the next day', async () => {
    await subscribe(store, 'C1', '2025-06-01T00:00:00Z', { timeZone: 'Asia/Shanghai' });
    for (now of minutes('2025-06-01T00:00:00Z', '2025-06-03T00:00:00Z', 3)) await pass();
    expect(slack.to('C1').map((s) => s.at.toISOString())).toEqual([
      '2025-06-01T01:00:00.000Z', // 09:00 in Shanghai
      '2025-06-02T01:00:00.000Z',
    ]);
    const [a, b] = slack.to('C1');
    expect(a?.tipId).not.toBe(b?.tipId);
    expect(await store.postedTips((await store.listActiveSubscriptions())[0]?.id ?? '')).toEqual(
      slack.to('C1').map((s) => s.tipId),
    );
  });

  it('keeps unsubscribed channels silent', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    await subscribe(store, 'C2', '2025-05-01T00:00:00Z');
    await store.unsubscribe('slack', 'C2');
    now = new Date('2025-06-01T10:00:00Z');
    expect(await pass()).toEqual({ posted: 1, retired: 0, skipped: 0, failed: 0 });
    expect(slack.to('C2')).toEqual([]);
  });

  it('waits for the next day when subscribed after today’s time', async () => {
    await subscribe(store, 'C1', '2025-06-01T10:00:00Z'); // 09:00 UTC already passed
    for (now of minutes('2025-06-01T10:00:00Z', '2025-06-02T09:30:00Z', 30)) await pass();
    expect(slack.to('C1').map((s) => s.at.toISOString())).toEqual(['2025-06-02T09:00:00.000Z']);
  });

  it('retries a send the platform refused for now on the next pass, and posts once', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    await subscribe(store, 'C2', '2025-05-01T00:00:00Z');
    slack.script('C1', { kind: 'not-sent', reason: 'ratelimited' });
    now = new Date('2025-06-01T09:00:00Z');
    expect(await pass()).toEqual({ posted: 1, retired: 0, skipped: 0, failed: 1 });
    expect(slack.to('C2')).toHaveLength(1); // one failure does not stop the others
    now = new Date('2025-06-01T09:01:00Z');
    expect(await pass()).toEqual({ posted: 1, retired: 0, skipped: 0, failed: 0 });
    now = new Date('2025-06-01T09:02:00Z');
    expect(await pass()).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 0 });
    expect(slack.to('C1')).toHaveLength(1);
  });

  it('gives the day back when the store fails before anything is sent: the next pass posts it', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    const sending = vi.spyOn(store, 'markTipSending');
    sending.mockRejectedValueOnce(new Error('database hiccup'));
    now = new Date('2025-06-01T09:00:00Z');
    expect(await pass()).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 1 });
    now = new Date('2025-06-01T09:01:00Z'); // well inside the claim's lease
    expect(await pass()).toEqual({ posted: 1, retired: 0, skipped: 0, failed: 0 });
    expect(slack.to('C1')).toHaveLength(1);
  });

  it('posts nothing and counts no failure when the casebook has no tips', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    now = new Date('2025-06-01T09:00:00Z');
    const summary = await postDueTips({ store, tips: [], now: () => now, senders: { slack } });
    expect(summary).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 0 });
    expect(slack.sent).toEqual([]);
  });

  it('closes the day of a send that threw (it may have gone out) and posts the next day', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    slack.script('C1', new Error('socket hang up'));
    const results = [];
    for (now of minutes('2025-06-01T09:00:00Z', '2025-06-01T09:10:00Z')) results.push(await pass());
    expect(results[0]).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 1 });
    expect(results.slice(1).every((r) => r.posted + r.failed === 0)).toBe(true);
    expect((await store.stats()).tipsPosted).toBe(0);
    now = new Date('2025-06-02T09:00:00Z');
    expect((await pass()).posted).toBe(1);
  });

  it('retires a subscription whose channel is gone', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    slack.script('C1', { kind: 'retire', reason: 'channel_not_found' });
    now = new Date('2025-06-01T09:00:00Z');
    expect(await pass()).toEqual({ posted: 0, retired: 1, skipped: 0, failed: 0 });
    expect(await store.listActiveSubscriptions()).toEqual([]);
    expect((await store.stats()).subscriptions).toEqual({ active: 0, retired: 1 });
    now = new Date('2025-06-02T09:00:00Z');
    await pass();
    expect(slack.sent).toEqual([]);
  });

  it('skips the day on retry-later (not_in_channel) and tries again the next day', async () => {
    await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    slack.script('C1', { kind: 'retry-later', reason: 'not_in_channel' });
    const results = [];
    for (now of minutes('2025-06-01T09:00:00Z', '2025-06-01T09:05:00Z')) results.push(await pass());
    expect(results[0]).toEqual({ posted: 0, retired: 0, skipped: 1, failed: 0 });
    expect(results.slice(1).every((r) => r.skipped === 0 && r.posted === 0)).toBe(true);
    now = new Date('2025-06-02T09:00:00Z');
    expect((await pass()).posted).toBe(1);
  });

  it('leaves subscriptions of a platform without a sender alone', async () => {
    await subscribe(store, '19:x', '2025-05-01T00:00:00Z', { platform: 'teams' });
    now = new Date('2025-06-01T09:00:00Z');
    expect(await pass()).toEqual({ posted: 0, retired: 0, skipped: 0, failed: 0 });
    const teams = new FakeSender();
    await postDueTips({ store, tips: TIPS, now: () => now, senders: { teams } });
    expect(teams.to('19:x')).toHaveLength(1);
  });

  it('takes over a claim whose holder died before sending once the lease is over', async () => {
    const sub = await subscribe(store, 'C1', '2025-05-01T00:00:00Z');
    now = new Date('2025-06-01T09:00:00Z');
    await store.claimTip(sub.id, utcDay('2025-06-01'), now, 5 * 60_000); // a replica that died at once
    now = new Date('2025-06-01T09:04:00Z');
    expect((await pass()).posted).toBe(0);
    now = new Date('2025-06-01T09:05:00Z');
    expect((await pass()).posted).toBe(1);
  });

  it('posts exactly once a day across the DST changes of New York and Berlin', async () => {
    await subscribe(store, 'NY', '2025-03-07T00:00:00Z', { timeZone: 'America/New_York' });
    await subscribe(store, 'NY-0130', '2025-03-07T00:00:00Z', {
      timeZone: 'America/New_York',
      time: '01:30',
    });
    await subscribe(store, 'BER', '2025-03-07T00:00:00Z', { timeZone: 'Europe/Berlin' });
    // Each run starts before the day's times in both zones (00:00 in New York).
    for (now of minutes('2025-03-08T05:00:00Z', '2025-03-11T00:00:00Z', 10)) await pass();
    for (now of minutes('2025-10-25T04:00:00Z', '2025-11-04T00:00:00Z', 10)) await pass();
    const times = (ch: string) => slack.to(ch).map((s) => s.at.toISOString().slice(0, 16));
    expect(times('NY').filter((t) => t.startsWith('2025-03'))).toEqual([
      '2025-03-08T14:00', // 09:00 EST
      '2025-03-09T13:00', // 09:00 EDT
      '2025-03-10T13:00',
    ]);
    expect(times('NY').filter((t) => t.startsWith('2025-11-0'))).toEqual([
      '2025-11-01T13:00', // 09:00 EDT
      '2025-11-02T14:00', // 09:00 EST
      '2025-11-03T14:00',
    ]);
    // 01:30 happens twice on 2 November (EDT, then EST): one post.
    expect(times('NY-0130').filter((t) => t.startsWith('2025-11-02'))).toEqual([
      '2025-11-02T05:30',
    ]);
    expect(times('BER').filter((t) => t.startsWith('2025-10-2'))).toEqual([
      '2025-10-25T07:00', // 09:00 CEST
      '2025-10-26T08:00', // 09:00 CET
      '2025-10-27T08:00',
      '2025-10-28T08:00',
      '2025-10-29T08:00',
    ]);
  });

  it('posts at UTC for a zone stored before zones were checked, and says so once', async () => {
    await subscribe(store, 'MARS', '2025-05-01T00:00:00Z', { timeZone: 'Mars/Olympus' });
    await subscribe(store, 'LONG', '2025-05-01T00:00:00Z', { timeZone: 'x'.repeat(5000) });
    const logger = memoryLogger();
    const unknownZones = new Set<string>();
    const results = [];
    for (now of minutes('2025-06-01T08:00:00Z', '2025-06-02T09:00:00Z', 60)) {
      results.push(
        await postDueTips({
          store,
          tips: TIPS,
          now: () => now,
          senders: { slack },
          logger,
          unknownZones,
        }),
      );
    }
    expect(results.every((r) => r.failed === 0)).toBe(true);
    for (const channel of ['MARS', 'LONG']) {
      expect(slack.to(channel).map((s) => s.at.toISOString().slice(0, 16))).toEqual([
        '2025-06-01T09:00',
        '2025-06-02T09:00',
      ]);
    }
    const warned = logger.lines.filter((l) => l.level === 'warn' || l.level === 'error');
    expect(warned.map((l) => l.msg)).toEqual([
      'unknown time zone; this subscription’s tips follow UTC',
      'unknown time zone; this subscription’s tips follow UTC',
    ]);
    expect(JSON.stringify(warned).length).toBeLessThan(2_000);
  });

  it('posts for the local day of a zone east of UTC+12', async () => {
    await subscribe(store, 'KI', '2025-03-01T00:00:00Z', { timeZone: 'Pacific/Kiritimati' });
    await subscribe(store, 'TO', '2025-03-01T00:00:00Z', { timeZone: 'Pacific/Tongatapu' });
    // From 00:00 on 11 March in Tonga (01:00 in Kiritimati), 11:00 on 10 March in UTC.
    for (now of minutes('2025-03-10T11:00:00Z', '2025-03-11T00:00:00Z', 15)) await pass();
    expect(slack.to('KI').map((s) => s.at.toISOString().slice(0, 16))).toEqual([
      '2025-03-10T19:00', // 09:00 on 11 March in Kiritimati
    ]);
    expect(slack.to('TO').map((s) => s.at.toISOString().slice(0, 16))).toEqual([
      '2025-03-10T20:00',
    ]);
  });
});

runReplicaScenarios('memory', async () => {
  const store = new MemoryStore();
  return { a: store, b: store, close: () => store.close() };
});

runReplicaScenarios('two processes on one SQLite file', async () => {
  const file = tempSqlitePath();
  const a = new SqliteStore(file.path);
  const b = new SqliteStore(file.path);
  await a.init();
  await b.init();
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      file.remove();
    },
  };
});

runZoneChangeScenarios('memory', async () => {
  const store = new MemoryStore();
  return { store, close: () => store.close() };
});

runZoneChangeScenarios('SQLite', async () => {
  const file = tempSqlitePath();
  const store = new SqliteStore(file.path);
  await store.init();
  return {
    store,
    async close() {
      await store.close();
      file.remove();
    },
  };
});

describe('two concurrent passes on one SQLite file', () => {
  let file: ReturnType<typeof tempSqlitePath>;
  let a: SqliteStore;
  let b: SqliteStore;
  beforeEach(async () => {
    file = tempSqlitePath();
    a = new SqliteStore(file.path);
    b = new SqliteStore(file.path);
    await a.init();
    await b.init();
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    file.remove();
  });

  it('post each channel’s tip once', async () => {
    for (let i = 0; i < 10; i += 1) await subscribe(a, `C${i}`, '2025-05-01T00:00:00Z');
    const now = new Date('2025-06-01T09:00:00Z');
    const slackA = new FakeSender();
    const slackB = new FakeSender();
    const [ra, rb] = await Promise.all([
      postDueTips({ store: a, tips: TIPS, now: () => now, senders: { slack: slackA } }),
      postDueTips({ store: b, tips: TIPS, now: () => now, senders: { slack: slackB } }),
    ]);
    expect(ra.posted + rb.posted).toBe(10);
    const channels = [...slackA.sent, ...slackB.sent].map((s) => s.channelId).sort();
    expect(channels).toEqual(Array.from({ length: 10 }, (_, i) => `C${i}`).sort());
    expect((await b.stats()).tipsPosted).toBe(10);
  });
});
