import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/store/store.js';
import { postDueTips } from '../../../src/tips/post-due.js';
import { type Activity, fixture, type Harness, SERVICE_URL, startTeams } from './harness.js';

/**
 * A Teams 429 on a tip is decided as on Slack (issue #24): the connector took nothing, so the
 * tip is tried again THE SAME DAY — waited out when Teams asks for a short pause, released to a
 * later pass when it asks for a long one — and never skipped to the next day. 412 is Microsoft's
 * other "try again later" and goes the same way. Waits run on a virtual clock.
 */
const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

let clock = 0;
const sleeps: number[] = [];
let teams: Harness;
let sub: Subscription;
beforeAll(async () => {
  teams = await startTeams({
    waits: {
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
  });
  nock(SERVICE_URL).persist().post(/.*/).reply(200, { id: 'a-1' });
  await teams.post({ ...fixture('channel-mention'), text: '<at>casebot</at> subscribe 09:00 UTC' });
  nock.cleanAll();
  sub = (await teams.store.getSubscription('teams', CHANNEL))!;
});
afterAll(() => teams.close());
afterEach(() => {
  nock.cleanAll();
  sleeps.length = 0;
});

/** The connector answers the first posts with `first`, then 200; returns what it received. */
function connector(...first: { status: number; headers?: Record<string, string> }[]) {
  const received: Activity[] = [];
  nock(SERVICE_URL)
    .persist()
    .post(/\/activities$/)
    .reply((_uri, body) => {
      received.push(body as Activity);
      const next = first.shift();
      if (next) return [next.status, { error: { code: 'Throttled' } }, next.headers ?? {}];
      return [200, { id: `a-${received.length}` }];
    });
  return received;
}

const longWaits = () => sleeps.filter((ms) => ms >= 1_000);

describe('a Teams 429 on a daily tip', () => {
  it('is waited out (Retry-After) and the tip posted, once', async () => {
    const received = connector({ status: 429, headers: { 'retry-after': '3' } });
    await expect(teams.adapter.tipSender.send(sub, teams.core.catalog.tips[0]!)).resolves.toEqual({
      kind: 'sent',
    });
    expect(received).toHaveLength(2);
    expect(longWaits()).toEqual([3_000]);
  });

  it('a 412 too, with back-off since it carries no Retry-After', async () => {
    const received = connector({ status: 412 });
    await expect(teams.adapter.tipSender.send(sub, teams.core.catalog.tips[0]!)).resolves.toEqual({
      kind: 'sent',
    });
    expect(received).toHaveLength(2);
    expect(longWaits()).toEqual([1_000]);
  });

  it('longer than casebot waits: not sent, and a later pass the same day posts it', async () => {
    const received = connector({ status: 429, headers: { 'retry-after': '600' } });
    const pass = (at: string) =>
      postDueTips({
        store: teams.store,
        tips: teams.core.catalog.tips,
        now: () => new Date(at),
        senders: { teams: teams.adapter.tipSender },
      });
    const first = await pass('2025-06-03T09:00:00Z');
    expect(first).toMatchObject({ posted: 0, skipped: 0, failed: 1 });
    expect(received).toHaveLength(1);
    const later = await pass('2025-06-03T09:15:00Z');
    expect(later).toMatchObject({ posted: 1, skipped: 0 });
    expect(received).toHaveLength(2);
    expect(await pass('2025-06-03T09:30:00Z')).toMatchObject({ posted: 0, failed: 0 });
    expect(received).toHaveLength(2);
  });
});
