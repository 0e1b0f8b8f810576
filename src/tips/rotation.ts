import type { Tip } from '../catalog/schema.js';

/** A 32-bit hash of a string (FNV-1a), to seed the shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, good-enough deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order a subscription walks tips in during one cycle: the same every time it is asked. */
export function cycleOrder(tips: readonly Tip[], subscriptionId: string, cycle: number): Tip[] {
  const order = [...tips].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const next = random(hash(`${subscriptionId}#${cycle}`));
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as Tip, order[i] as Tip];
  }
  return order;
}

/**
 * Splits a subscription's history into cycles: a cycle ends once every current tip was posted in
 * it. Ids of tips no longer in the casebook are ignored; a tip added later joins the current
 * cycle. Returns how many cycles are complete and which tips the current one has shown.
 */
function currentCycle(
  tips: readonly Tip[],
  postedIds: readonly string[],
): { cycle: number; seen: Set<string> } {
  const known = new Set(tips.map((t) => t.id));
  let cycle = 0;
  let seen = new Set<string>();
  for (const id of postedIds) {
    if (!known.has(id)) continue;
    seen.add(id);
    if (seen.size === known.size) {
      cycle += 1;
      seen = new Set();
    }
  }
  return { cycle, seen };
}

/**
 * The next tip for a subscription, given the tip ids already posted to it (oldest first).
 * Each subscription walks all tips in a shuffled order of its own (seeded by its id, so every
 * replica picks the same) before any tip repeats, and never gets the same tip two days running,
 * not even where one cycle ends and the next begins. Null when there are no tips.
 */
export function pickTip(
  tips: readonly Tip[],
  subscriptionId: string,
  postedIds: readonly string[],
): Tip | null {
  if (tips.length === 0) return null;
  const { cycle, seen } = currentCycle(tips, postedIds);
  const last = postedIds.at(-1);
  const order = cycleOrder(tips, subscriptionId, cycle);
  return (
    order.find((t) => !seen.has(t.id) && t.id !== last) ??
    order.find((t) => t.id !== last) ??
    order[0] ??
    null
  );
}
