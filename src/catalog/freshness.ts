import type { Case } from './schema.js';

/** A review older than this many days is stale (STALE_AFTER_DAYS). */
export const DEFAULT_STALE_AFTER_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from a `YYYY-MM-DD` review date (midnight UTC) to `now`; 0 for a date in the future
 * (a review written ahead of the clock is not negative age).
 */
export function daysSince(reviewed: string, now: Date): number {
  const at = Date.parse(`${reviewed}T00:00:00Z`);
  return Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
}

/** A case's review, as cards and the gap report tell it. */
export interface Freshness {
  /** Days since `reviewed`; absent when the case was never reviewed. */
  readonly reviewedDaysAgo?: number;
  /** Never reviewed, or reviewed more than `staleAfterDays` ago. */
  readonly stale: boolean;
}

export function freshnessOf(c: Case, now: Date, staleAfterDays: number): Freshness {
  if (!c.reviewed) return { stale: true };
  const days = daysSince(c.reviewed, now);
  return { reviewedDaysAgo: days, stale: days > staleAfterDays };
}
