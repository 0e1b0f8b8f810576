import type { Catalog, Section } from '../../catalog/model.js';
import type { SearchIndex, SearchMatch } from '../../search/types.js';
import type { Asking } from './asking.js';
import { clearCut } from './clear-cut.js';
import { asksForMore, refersBack, switchedTo } from './follow-up.js';
import { contentUnits, elliptical, groundedIn } from './grounding.js';
import { sectionLocated } from './section-located.js';
import { silent, speak, type Verdict } from './verdict.js';

/**
 * A reply in a thread casebot answered: whether it asks about the thread's case, which part of
 * it, or about another case (see `followUp`).
 */

/** The thread's case, for a reply in a thread casebot answered. */
export interface ThreadContext {
  readonly caseId: string;
}

export interface JudgeDeps {
  readonly catalog: Catalog;
  readonly index: SearchIndex;
}

/** A follow-up switches to another case only on a match this confident… */
const SWITCH_MIN_SCORE = 0.6;
/** …with the thread's case at least this far behind. */
const SWITCH_MARGIN = 0.15;
/** A reply that shares this much of its content with the thread's case is about it. */
const GROUNDED = 0.5;

/**
 * A reply in the thread of `context.caseId`. `named`: the matches for the case a turn ("what
 * about the bank one?") names, empty when the reply does not turn. The thread's case answers a
 * reply that leans on it (says little of its own, or points back: "they", "这个"), that the
 * search ties to it, or whose words the case itself uses; a reply about something else entirely
 * ("Kafka 分区数一般设多少？") is not a follow-up, however it asks.
 */
export function followUp(
  text: string,
  deps: JudgeDeps,
  context: ThreadContext,
  matches: readonly SearchMatch[],
  named: readonly SearchMatch[],
  section: Section | null,
  asking: Asking,
): Verdict {
  const asks = asking.asks.join('\n');
  // Without a turn in words, a reply switches only on a match that would be answered unasked.
  const cut = clearCut(matches, asking);
  // A reply that names nothing but a part or a measure ("ok and costs?") asks it of this case.
  const partOnly = section !== null && elliptical(asks);
  const clear = cut && 'match' in cut && !partOnly ? [cut.match, ...matches.slice(1)] : [];
  const other =
    switchedTo(context.caseId, named, asks, true, SWITCH_MIN_SCORE, SWITCH_MARGIN) ??
    switchedTo(context.caseId, clear, asks, false, SWITCH_MIN_SCORE, SWITCH_MARGIN);
  if (other) return speak(text, other, section, 'switch');
  const own = matches.find((m) => m.caseId === context.caseId);
  const best = matches[0];
  const tied = own !== undefined && best !== undefined && best.score - own.score < SWITCH_MARGIN;
  const grounded = groundedIn(deps.catalog, context.caseId, asks) >= GROUNDED;
  const about =
    tied ||
    asksForMore(asks) ||
    elliptical(asks) ||
    refersBack(asks) ||
    PAST_ASK.test(asks) ||
    grounded;
  if (!about) return silent(matches.length > 0 ? 'unclear' : 'no-match');
  const fromThread = {
    caseId: context.caseId,
    score: own?.score ?? 1,
    matchedTerms: own?.matchedTerms ?? [],
  };
  if (section) return speak(text, fromThread, section, 'context');
  // Names no part, but what it asks about sits in one ("where does the queue sit?").
  const prefer = asking.kind === 'approach' ? 'solutions' : undefined;
  const located = sectionLocated(deps.catalog, context.caseId, asks, prefer);
  if (located) return speak(text, fromThread, located, 'context');
  if (asksForMore(asks)) return speak(text, fromThread, null, 'context');
  if (cut && 'match' in cut && cut.match.caseId === context.caseId) {
    return speak(text, fromThread, null, 'context');
  }
  // Asks about the case in words it partly uses ("and security?", "数据库是分库分表了吗"): the
  // whole case, which says what it says about that.
  if (contentUnits(asks) > 0 && groundedIn(deps.catalog, context.caseId, asks) > 0) {
    return speak(text, fromThread, null, 'context');
  }
  return silent(matches.length > 0 ? 'unclear' : 'no-match');
}

/** Asked in the past tense of nobody present ("what did X look like?"): the case is what was done. */
const PAST_ASK =
  /^(?:what|how|which|where|why|when) (?:did|was|were|had)\b|^(?:did|was|were|had) (?!(?:you|we|i|u)\b)|(?:了|过)(?:吗|么|没)$|了(?:多少|几|什么|啥|哪)|是怎么[^，,]{1,14}的|(?:用|做|搞|选|改|上)(?:的|了)(?:什么|啥|哪)/m;

/** "where do the models live?", "模型存储放哪了": where something of the case sits. */
export const PLACEMENT =
  /\bwhere(?:'s| is| are| was| were| do| does| did| would| will)\b|放(?:在)?哪|在哪|哪一层|哪个位置/;

/** Someone present or their team: "we", "our", "I", "you", "我们"… */
const PRESENT = /\b(?:we|we're|we've|our|ours|us|i|i'm|my|me|you|your)\b|我|你|咱们/;

export function caseOwnThings(catalog: Catalog, caseId: string, asks: readonly string[]): boolean {
  const text = asks.join('\n');
  return (
    !PRESENT.test(text) && contentUnits(text) > 0 && groundedIn(catalog, caseId, text) >= GROUNDED
  );
}
