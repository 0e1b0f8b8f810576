import { setImmediate as nextTurn } from 'node:timers/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Subscription } from '../../src/store/store.js';
import { postDueTips } from '../../src/tips/post-due.js';
import { localDay } from '../../src/tips/schedule.js';
import type { TipSender } from '../../src/tips/sender.js';
import { SettledDays } from '../../src/tips/settled-days.js';
import { newSub } from '../store/store-contract.js';
import { memoryLogger, TIPS } from './fakes.js';

/**
 * Tips at many channels (issue #23): a pass sends with bounded concurrency per platform, each
 * channel's day still claimed exactly once, and one platform waiting out a rate limit does not
 * hold up the other.
 */
const NOW = new Date('2025-06-01T09:30:00Z');

/** A sender that takes a few turns per send and records how many were in flight at most. */
function countingSender(concurrency: number, ready?: TipSender['ready']) {
  const posted: string[] = [];
  let inFlight = 0;
  let most = 0;
  const sender: TipSender = {
    concurrency,
    ...(ready && { ready }),
    async send(sub: Subscription) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 3; i += 1) await nextTurn();
      inFlight -= 1;
      posted.push(sub.channelId);
      return { kind: 'sent' };
    },
  };
  return { sender, posted, most: () => most };
}

describe('a pass over many channels', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = new MemoryStore();
    for (let i = 0; i < 50; i += 1) {
      await store.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
      await store.subscribe(
        newSub(`T${i}`, { platform: 'teams', reference: { any: 1 } }),
        new Date('2025-05-01T00:00:00Z'),
      );
    }
  });

  it('has up to the platform’s concurrency in flight, and claims each channel’s day once', async () => {
    const slack = countingSender(8);
    const teams = countingSender(3);
    const claims = vi.spyOn(store, 'claimTip');
    const summary = await postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: slack.sender, teams: teams.sender },
      logger: memoryLogger(),
    });
    expect(summary).toMatchObject({ posted: 100, failed: 0 });
    expect(slack.most()).toBe(8);
    expect(teams.most()).toBe(3);
    expect(claims).toHaveBeenCalledTimes(100);
    expect(new Set(slack.posted).size).toBe(50);
    expect(new Set(teams.posted).size).toBe(50);
  });

  it('claims nothing for a workspace while its platform asks to wait, and the other platform goes on', async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    // Slack is paused (a 429's Retry-After) until `open()`.
    const slack = countingSender(8, async () => {
      await opened;
      return true;
    });
    const teams = countingSender(3);
    const claims = vi.spyOn(store, 'claimTip');
    const pass = postDueTips({
      store,
      tips: TIPS,
      now: () => NOW,
      senders: { slack: slack.sender, teams: teams.sender },
      logger: memoryLogger(),
    });
    for (let i = 0; i < 400 && teams.posted.length < 50; i += 1) await nextTurn();
    expect(teams.posted).toHaveLength(50);
    expect(slack.posted).toHaveLength(0);
    expect(claims.mock.calls.every(([id]) => id.length > 0)).toBe(true);
    expect(claims).toHaveBeenCalledTimes(50); // Teams' only: no Slack day is held while paused
    open();
    expect((await pass).posted).toBe(100);
  });
});

describe('the days a process knows are closed', () => {
  it('are not claimed again on later passes; a day another pass holds is asked again after its lease', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 5; i += 1) {
      await store.subscribe(newSub(`C${i}`), new Date('2025-05-01T00:00:00Z'));
    }
    const settled = new SettledDays();
    let now = NOW;
    const slack = countingSender(2);
    // Another replica holds C0's day (a fresh claim, not yet sending).
    const subs = await store.listActiveSubscriptions();
    const c0 = subs.find((s) => s.channelId === 'C0')!;
    const held = await store.claimTip(c0.id, localDay('2025-06-01', c0.timeZone), NOW, 5 * 60_000);
    expect(held).not.toBeNull();
    const claims = vi.spyOn(store, 'claimTip');
    const pass = () =>
      postDueTips({ store, tips: TIPS, now: () => now, senders: { slack: slack.sender }, settled });

    expect((await pass()).posted).toBe(4);
    expect(claims).toHaveBeenCalledTimes(5);
    now = new Date(NOW.getTime() + 60_000);
    await pass();
    expect(claims).toHaveBeenCalledTimes(5); // nothing asked: all five known

    await store.releaseTip(held!); // the other replica gave C0's day back
    now = new Date(NOW.getTime() + 5 * 60_000 + 1);
    expect((await pass()).posted).toBe(1); // asked again once the lease was over: posted
    expect(claims).toHaveBeenCalledTimes(6);
    expect(slack.posted.sort()).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
  });
});
