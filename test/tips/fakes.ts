import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Tip } from '../../src/catalog/schema.js';
import type { Subscription } from '../../src/store/store.js';
import type { Logger } from '../../src/store/support.js';
import type { SendOutcome, TipSender } from '../../src/tips/sender.js';

export interface Sent {
  readonly channelId: string;
  readonly tipId: string;
  readonly lang: string;
  readonly at: Date;
}

/**
 * A sender that records what it posts. `script(channel, …)` queues what the next sends to that
 * channel do: an outcome, or an Error to throw. It yields to the event loop before answering, as
 * a real HTTP call would, so concurrent passes interleave.
 */
export class FakeSender implements TipSender {
  readonly sent: Sent[] = [];
  private readonly queued = new Map<string, (SendOutcome | Error)[]>();
  private readonly hooks: ((sub: Subscription) => Promise<void> | void)[] = [];

  constructor(private readonly clock: () => Date = () => new Date(0)) {}

  script(channelId: string, ...next: (SendOutcome | Error)[]): this {
    this.queued.set(channelId, [...(this.queued.get(channelId) ?? []), ...next]);
    return this;
  }

  /** Runs `hook` inside every send, before it answers: the time a real post takes. */
  whileSending(hook: (sub: Subscription) => Promise<void> | void): this {
    this.hooks.push(hook);
    return this;
  }

  async send(sub: Subscription, tip: Tip): Promise<SendOutcome> {
    await nextTurn();
    for (const hook of this.hooks) await hook(sub);
    const next = this.queued.get(sub.channelId)?.shift();
    if (next instanceof Error) throw next;
    if (next && next.kind !== 'sent') return next;
    this.sent.push({ channelId: sub.channelId, tipId: tip.id, lang: sub.lang, at: this.clock() });
    return { kind: 'sent' };
  }

  to(channelId: string): Sent[] {
    return this.sent.filter((s) => s.channelId === channelId);
  }
}

export interface LogLine {
  readonly level: string;
  readonly obj: object;
  readonly msg?: string;
}

export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const TIPS: readonly Tip[] = Array.from({ length: 5 }, (_, i) => ({
  id: `tip-${i}`,
  caseId: 'ecommerce',
  text: { en: `Tip ${i}`, zh: `提示${i}` },
}));

/** Moments from `from` to `to` (inclusive), `stepMinutes` apart. */
export function* minutes(from: string, to: string, stepMinutes = 1): Generator<Date> {
  const end = new Date(to).getTime();
  for (let t = new Date(from).getTime(); t <= end; t += stepMinutes * 60_000) yield new Date(t);
}
