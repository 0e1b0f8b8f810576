import type { SearchMatch } from '../../search/types.js';
import type { Asking } from './asking.js';

/**
 * When a match is clear-cut enough to speak unasked. A message that asks how something is done
 * ("how do banks …", "有没有…案例") needs a confident match; one that only asks (a question mark,
 * 吗) needs a strong one. Either way no other case may be close behind.
 */
export const APPROACH_MIN_SCORE = 0.58;
export const QUESTION_MIN_SCORE = 0.75;
/** A runner-up this close to the best match makes it not clear-cut. */
export const CLEAR_MARGIN = 0.08;

export type ClearCut = { readonly match: SearchMatch } | { readonly unclear: true } | null;

/** The match to answer with, `unclear` when one fits but not clearly, null when none fits. */
export function clearCut(matches: readonly SearchMatch[], asking: Asking): ClearCut {
  const [best, second] = matches;
  if (!best) return null;
  const min = asking.kind === 'approach' ? APPROACH_MIN_SCORE : QUESTION_MIN_SCORE;
  if (best.score < min) return { unclear: true };
  if (second && best.score - second.score < CLEAR_MARGIN) return { unclear: true };
  return { match: best };
}
