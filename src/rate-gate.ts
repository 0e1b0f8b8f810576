import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`; rejects when `signal` aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

export interface RateGateOptions {
  /** Least time between the starts of two sends (a requests-per-second cap); 0: none. */
  readonly minIntervalMs?: number;
  /** First and longest pause of the back-off after failures the platform did not explain. */
  readonly backoffMs?: { readonly first: number; readonly max: number };
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

const DEFAULT_BACKOFF = { first: 1_000, max: 30_000 };

/**
 * The one door every send to one workspace (a Slack token, a Teams bot) goes through. When the
 * platform says "wait" (a 429 and its Retry-After) the door closes for everyone, not only for the
 * call that was told: all sends to that workspace pause. It also keeps a minimum spacing between
 * sends, and backs off exponentially after failures that came without a Retry-After.
 */
export class RateGate {
  private pausedUntil = 0;
  private nextStart = 0;
  private failures = 0;
  private readonly minIntervalMs: number;
  private readonly backoffMs: { readonly first: number; readonly max: number };
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: RateGateOptions = {}) {
    this.minIntervalMs = options.minIntervalMs ?? 0;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** How long sends must still wait (0: they may go now). */
  waitMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /** Waits while the door is closed, without taking a turn; false when `signal` aborted first. */
  ready(signal?: AbortSignal): Promise<boolean> {
    return this.wait(signal, false);
  }

  /** Waits for this send's turn; false when `signal` aborted first (then nothing may be sent). */
  enter(signal?: AbortSignal): Promise<boolean> {
    return this.wait(signal, true);
  }

  /** The platform asked for `ms` of quiet: every send through this gate waits that long. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** A failure without a Retry-After: pause 1 s, 2 s, 4 s … up to the maximum; returns the pause. */
  backoff(): number {
    const ms = Math.min(this.backoffMs.max, this.backoffMs.first * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    this.pause(ms);
    return ms;
  }

  /** A send went through: the back-off starts again from its first step. */
  ok(): void {
    this.failures = 0;
  }

  private async wait(signal: AbortSignal | undefined, takeTurn: boolean): Promise<boolean> {
    // `t` is the time as far as this caller knows: the clock, or the end of the sleep it just
    // slept (an injected sleep may return at once; the wait still counts as done).
    let t = this.now();
    for (;;) {
      if (signal?.aborted) return false;
      const at = takeTurn ? Math.max(this.pausedUntil, this.nextStart) : this.pausedUntil;
      if (at <= t) {
        if (takeTurn) this.nextStart = t + this.minIntervalMs;
        return true;
      }
      try {
        await this.sleep(at - t, signal);
      } catch {
        return false;
      }
      t = Math.max(this.now(), at);
    }
  }
}
