import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { DigestConfig } from '../../src/config.js';
import type { DigestAnswer } from '../../src/core/model.js';
import { postDigest } from '../../src/digest/post-digest.js';
import { buildReport } from '../../src/digest/report.js';
import type { DigestSender } from '../../src/digest/sender.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { withholdQuestions } from '../../src/store/withhold-questions.js';
import type { SendOutcome } from '../../src/tips/sender.js';
import { cardOf, SERVICE_URL, startTeams } from '../adapters/teams/harness.js';

const catalog = await loadCatalog(path.resolve(import.meta.dirname, '../fixtures/casebook-own'));
// Monday 2025-06-02 09:00 UTC.
const MOMENT = new Date('2025-06-02T09:00:00Z');
const at = (minutes: number) => new Date(MOMENT.getTime() + minutes * 60_000);
const digest: DigestConfig = {
  channels: { slack: 'C0DIGEST' },
  schedule: { weekday: 1, time: '09:00', timeZone: 'UTC' },
};

class FakeSender implements DigestSender {
  readonly sent: { channel: string; report: DigestAnswer }[] = [];
  constructor(
    private readonly outcome: () => Promise<SendOutcome> = async () => ({ kind: 'sent' }),
  ) {}
  async send(channel: string, report: DigestAnswer) {
    const result = await this.outcome();
    if (result.kind === 'sent') this.sent.push({ channel, report });
    return result;
  }
}

const pass = (store: Store, sender: DigestSender, now: Date) =>
  postDigest({
    store,
    catalog,
    digest,
    staleAfterDays: 180,
    lang: 'en',
    now: () => now,
    senders: { slack: sender },
  });

describe('postDigest', () => {
  it('posts within a day of the moment, once, however many passes run', async () => {
    const store = new MemoryStore();
    const senders = [new FakeSender(), new FakeSender(), new FakeSender()];
    const runs = await Promise.all(senders.map((s) => pass(store, s, at(5))));
    expect(runs.map((r) => r.posted).reduce((a, b) => a + b)).toBe(1);
    expect(runs.map((r) => r.already).reduce((a, b) => a + b)).toBe(2);
    expect(senders.flatMap((s) => s.sent).map((s) => s.channel)).toEqual(['C0DIGEST']);
    const later = await pass(store, senders[0]!, at(23 * 60));
    expect(later).toMatchObject({ day: '2025-06-02', posted: 0, already: 1 });
  });

  it('does nothing before the moment or a day after it', async () => {
    const store = new MemoryStore();
    const sender = new FakeSender();
    expect(await pass(store, sender, at(-1))).toMatchObject({ day: '2025-05-26', notDue: 1 });
    expect(await pass(store, sender, at(24 * 60))).toMatchObject({ notDue: 1 });
    expect(sender.sent).toEqual([]);
  });

  it('a send that may have gone out closes the week; one Slack refused is tried again', async () => {
    const store = new MemoryStore();
    const unknown = await pass(
      store,
      new FakeSender(async () => {
        throw new Error('socket hang up');
      }),
      at(1),
    );
    expect(unknown.failed).toBe(1);
    const after = new FakeSender();
    expect(await pass(store, after, at(2))).toMatchObject({ already: 1 });
    expect(after.sent).toEqual([]);

    const other = new MemoryStore();
    await pass(
      other,
      new FakeSender(async () => ({ kind: 'not-sent', reason: 'ratelimited' })),
      at(1),
    );
    const retry = new FakeSender();
    expect(await pass(other, retry, at(2))).toMatchObject({ posted: 1 });
  });

  it('counts what it posted, by platform, for /metrics', async () => {
    const counted: string[] = [];
    await postDigest({
      store: new MemoryStore(),
      catalog,
      digest,
      staleAfterDays: 180,
      lang: 'en',
      now: () => at(1),
      senders: { slack: new FakeSender() },
      metrics: { digest: (platform, result) => counted.push(`${platform} ${result}`) },
    });
    expect(counted).toEqual(['slack posted']);
  });

  it('leaves a week out when the bot is not in the channel', async () => {
    const store = new MemoryStore();
    const out = await pass(
      store,
      new FakeSender(async () => ({ kind: 'retry-later', reason: 'not_in_channel' })),
      at(1),
    );
    expect(out.skipped).toBe(1);
    expect(await pass(store, new FakeSender(), at(2))).toMatchObject({ already: 1 });
  });
});

describe('the report', () => {
  const week = { since: at(-7 * 24 * 60), until: MOMENT, timeZone: 'UTC', lang: 'en' as const };

  it('counts without words when questions are not kept', async () => {
    const store = withholdQuestions(new MemoryStore());
    await store.recordMiss({ query: 'kafka chaos', lang: 'en', at: at(-60) });
    await store.recordMiss({ query: 'kafka chaos', lang: 'en', at: at(-30) });
    await store.recordFeedback({
      platform: 'slack',
      caseId: 'tracing',
      helpful: false,
      query: 'trace sampling',
      userId: 'U1',
      at: at(-20),
    });
    const report = await buildReport({ catalog, store, staleAfterDays: 180, ...week });
    expect(report.missCount).toBe(2);
    expect(report.misses).toEqual([{ question: null, count: 2, wordings: 0 }]);
    expect(report.unhelpful).toEqual([
      {
        caseId: 'tracing',
        title: 'Distributed tracing for the checkout services',
        count: 1,
        questions: [],
      },
    ]);
  });

  it('leaves out what happened before the week, and lists every case due for review', async () => {
    const store = new MemoryStore();
    await store.recordMiss({ query: 'last month', lang: 'en', at: at(-30 * 24 * 60) });
    const report = await buildReport({ catalog, store, staleAfterDays: 180, ...week });
    expect(report.missCount).toBe(0);
    expect(report.stale.map((s) => [s.caseId, s.reviewedDaysAgo])).toEqual([
      ['build-cache', undefined],
      ['secrets-rotation', 245],
    ]);
  });
});

describe('the Teams digest sender', () => {
  it('posts the report as a new post in the channel through the connector', async () => {
    const teams = await startTeams({ config: { devServiceUrl: 'http://localhost:3978' } });
    const created: Record<string, unknown>[] = [];
    nock(SERVICE_URL)
      .post('/v3/conversations')
      .reply((_uri, body) => {
        created.push(body as Record<string, unknown>);
        return [200, { id: '19:digest@thread.tacv2;messageid=1', activityId: '1' }];
      });
    try {
      const report = await buildReport({
        catalog,
        store: new MemoryStore(),
        since: at(-7 * 24 * 60),
        until: MOMENT,
        timeZone: 'UTC',
        lang: 'zh',
        staleAfterDays: 180,
      });
      const outcome = await teams.adapter.digestSender.send('19:digest@thread.tacv2', report);
      expect(outcome).toEqual({ kind: 'sent' });
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        isGroup: true,
        channelData: { channel: { id: '19:digest@thread.tacv2' } },
      });
      const card = cardOf(created[0]!.activity as Record<string, unknown>);
      expect(JSON.stringify(card)).toContain('每周缺口报告');
    } finally {
      nock.cleanAll();
      await teams.close();
    }
  });
});

describe('the in-process digest scheduler', () => {
  it('runs the same pass, reading the casebook served at the time', async () => {
    const { createDigestScheduler } = await import('../../src/digest/scheduler.js');
    const store = new MemoryStore();
    const sender = new FakeSender();
    const scheduler = createDigestScheduler({
      store,
      catalog: () => catalog,
      digest,
      staleAfterDays: 180,
      lang: 'en',
      senders: { slack: sender },
      now: () => at(3),
    });
    const [first, shared] = [scheduler.runOnce(), scheduler.runOnce()];
    expect(first).toBe(shared);
    expect(await first).toMatchObject({ posted: 1 });
    expect(await scheduler.runOnce()).toMatchObject({ posted: 0, already: 1 });
    expect(sender.sent).toHaveLength(1);
    await scheduler.stop();
  });
});
