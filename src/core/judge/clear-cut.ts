import type { SearchMatch } from '../../search/types.js';
import type { Asking } from './asking.js';
import { contentUnits } from './grounding.js';

/**
 * When a match is clear-cut enough to speak unasked. A message that asks for a case or a part of
 * someone else's case ("有落地案例没", "what problems did they hit running inference?",
 * "交易系统迁移之后指标有什么变化") is asking the casebook already: any confident match does. One that asks how something is done
 * ("how do banks …", "有没有…案例") needs a clearer match; one that only asks (a question mark,
 * 吗) a strong one. Either way no other case may be close behind.
 */
export const PART_MIN_SCORE = 0.52;
export const APPROACH_MIN_SCORE = 0.58;
export const QUESTION_MIN_SCORE = 0.75;
/** A runner-up this close to the best match makes it not clear-cut. */
export const CLEAR_MARGIN = 0.08;

export type ClearCut = { readonly match: SearchMatch } | { readonly unclear: true } | null;

/**
 * Asking the casebook itself: for a case or an example ("有落地案例没", "any write-up?"), or
 * about a case by what it is ("in the trading system case", "电商那个案例"). Not "an edge case".
 */
const CASEBOOK_ASK =
  /\b(?:case stud(?:y|ies)|cases|examples?|write-?ups?|references?|reference architectures?|precedents?|prior art)\b|(?<!\bedge )\bcase\b(?! for\b)|案例|例子|参考(?:架构|资料)?(?:吗|么|没|$)|参考架构|有参考/;

/** The casebook named as where to look ("anything in the casebook on …", "案例库里有没有"). */
const CASEBOOK_NAMED =
  /\b(?:in|from|on) (?:the |our )?(?:casebook|case ?book|casebot)\b|\b(?:casebook|casebot) (?:have|has|got)\b|\b(?:do|does) (?:we|you) have (?:something|anything) (?:on|about|for)\b|\bwhich (?:case|cases|example) (?:talks? about|covers?|mentions?|is about|deals? with|has|uses|describes?)\b|案例库|哪个案例/;

/**
 * Asked of the people present or of one's own team ("what problems did you hit", "我们的指标"):
 * a part asked this way is not asked of a case.
 */
const ASKED_OF_US = /\b(?:you|your|yours|we|our|ours|us|i|my|me)\b|你|我们|咱们|我司/;

/**
 * The match to answer with, `unclear` when one fits but not clearly, null when none fits.
 * `partAsked`: the message asks for a part of a case (the challenges, the numbers…); `prose`:
 * the whole message, lower-cased.
 */
export function clearCut(
  matches: readonly SearchMatch[],
  asking: Asking,
  partAsked = false,
  prose = '',
): ClearCut {
  const [best, second] = matches;
  if (!best) return null;
  // An ask with nothing of its own ("能再发一下吗") asks for what its setting names.
  const asks = asking.asks.every((a) => contentUnits(a) <= 1) && prose ? [prose] : asking.asks;
  const ofTheCasebook = partAsked || asks.some((a) => CASEBOOK_ASK.test(a));
  const named = asks.some((a) => CASEBOOK_NAMED.test(a));
  const ofSomeoneElse = named || (ofTheCasebook && !asks.some((a) => ASKED_OF_US.test(a)));
  const min = ofSomeoneElse
    ? PART_MIN_SCORE
    : asking.kind === 'approach'
      ? APPROACH_MIN_SCORE
      : QUESTION_MIN_SCORE;
  if (best.score < min) return { unclear: true };
  if (second && best.score - second.score < CLEAR_MARGIN) return { unclear: true };
  return { match: best };
}
