import { describe, expect, it } from 'vitest';
import { RateGate } from '../src/rate-gate.js';

/** A gate on a virtual clock: sleeping moves the clock; the waits are recorded. */
function virtualGate(options: { minIntervalMs?: number } = {}) {
  let clock = 1_000;
  const slept: number[] = [];
  const gate = new RateGate({
    ...options,
    now: () => clock,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted');
      slept.push(ms);
      clock += ms;
    },
  });
  return { gate, slept, advance: (ms: number) => (clock += ms) };
}

describe('RateGate', () => {
  it('lets sends through at once while open', async () => {
    const { gate, slept } = virtualGate();
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    expect(slept).toEqual([]);
  });

  it('a pause holds every caller, not only the one that was told', async () => {
    const { gate, slept } = virtualGate();
    gate.pause(5_000);
    expect(gate.waitMs()).toBe(5_000);
    expect(await gate.ready()).toBe(true);
    expect(await gate.enter()).toBe(true);
    expect(slept).toEqual([5_000]);
    expect(gate.waitMs()).toBe(0);
  });

  it('a shorter pause never shortens a longer one', async () => {
    const { gate } = virtualGate();
    gate.pause(10_000);
    gate.pause(1_000);
    expect(gate.waitMs()).toBe(10_000);
  });

  it('keeps sends apart by the minimum interval', async () => {
    const { gate, slept } = virtualGate({ minIntervalMs: 25 });
    for (let i = 0; i < 3; i += 1) expect(await gate.enter()).toBe(true);
    expect(slept).toEqual([25, 25]);
  });

  it('backs off 1 s, 2 s, 4 s … after unexplained failures, from 1 s again after a success', () => {
    const { gate } = virtualGate();
    expect([gate.backoff(), gate.backoff(), gate.backoff()]).toEqual([1_000, 2_000, 4_000]);
    gate.ok();
    expect(gate.backoff()).toBe(1_000);
    for (let i = 0; i < 10; i += 1) gate.backoff();
    expect(gate.backoff()).toBe(30_000);
  });

  it('answers false, without waiting, once the caller’s signal is aborted', async () => {
    const { gate, slept } = virtualGate();
    gate.pause(60_000);
    const stop = new AbortController();
    stop.abort();
    expect(await gate.enter(stop.signal)).toBe(false);
    expect(await gate.ready(stop.signal)).toBe(false);
    expect(slept).toEqual([]);
  });
});
