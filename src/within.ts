/** How bounded work ended, within its time. */
export type Bounded<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'timeout' };

/**
 * Runs `work` and settles after at most `ms`: a store that accepts connections but never answers
 * must not hold an answer or a probe, nor a slow look-up hold a slash command past Slack's ack. One promise, settled once, the timer cleared as soon as the
 * work settles (no `Promise.race` leaving a loser pending). The work itself goes on; its late
 * result or failure is dropped.
 */
export function within<T>(work: () => Promise<T>, ms: number): Promise<Bounded<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Bounded<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), ms);
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      return settle({ kind: 'failed', error });
    }
    running.then(
      (value) => settle({ kind: 'done', value }),
      (error: unknown) => settle({ kind: 'failed', error }),
    );
  });
}
