import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/store/store.js';
import { type Harness, startHarness, until } from './harness.js';

/**
 * A 429 holds back every send to the workspace for its Retry-After, not only the call that got
 * it: Slack's limit is the workspace's, and a second send going out meanwhile would only earn
 * another 429. Waits are a virtual clock here, released by the test.
 */
let h: Harness;
let clock = 0;
const sleeping: { ms: number; wake: () => void }[] = [];
beforeAll(async () => {
  h = await startHarness({
    waits: {
      now: () => clock,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          const until = clock + ms;
          sleeping.push({
            ms,
            wake: () => {
              clock = Math.max(clock, until);
              resolve();
            },
          });
        }),
    },
  });
});
afterAll(async () => {
  await h.close();
});

const sub = (channelId: string): Subscription => ({
  id: `sub-${channelId}`,
  platform: 'slack',
  workspaceId: 'T0001',
  channelId,
  reference: null,
  time: '09:00',
  timeZone: 'UTC',
  lang: 'en',
  createdBy: 'U1',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  active: true,
});

const posts = () => h.calls['chat.postMessage'] ?? [];

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i += 1) await nextTurn();
}

describe('Slack rate limits hold the whole workspace', () => {
  it('a send that starts while another waits out a 429 waits too, without calling Slack', async () => {
    h.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '5' },
      body: { ok: false, error: 'ratelimited' },
    });
    const tip = h.core.catalog.tips[0]!;
    const first = h.adapter.tipSender.send(sub('C0A'), tip);
    await until(() => sleeping.length === 1, 5_000, 'the wait for the Retry-After');
    expect(posts()).toHaveLength(1); // the one that got the 429
    expect(sleeping.map((s) => s.ms)).toEqual([5_000]);

    const second = h.adapter.tipSender.send(sub('C0B'), tip);
    // The pass asks before claiming a day: not yet.
    let ready = false;
    void h.adapter.tipSender.ready!(sub('C0C')).then((r) => {
      ready = r;
    });
    await settle();
    expect(posts()).toHaveLength(1); // C0B has not gone to Slack: it waits at the gate
    expect(ready).toBe(false);

    // The Retry-After is over: everyone's turn (C0B, C0C's readiness: 5 s each, concurrently).
    while (sleeping.length > 0) sleeping.shift()!.wake();
    expect(await first).toEqual({ kind: 'sent' });
    expect(await second).toEqual({ kind: 'sent' });
    expect(ready).toBe(true);
    expect(posts().map((p) => p.channel)).toEqual(['C0A', 'C0A', 'C0B']);
  });
});
