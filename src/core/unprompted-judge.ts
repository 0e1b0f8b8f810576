import type { Catalog, Section } from '../catalog/model.js';
import type { SearchIndex, SearchMatch } from '../search/types.js';
import { type Asking, askingOf } from './judge/asking.js';
import { namedCases } from './judge/case-names.js';
import { clearCut } from './judge/clear-cut.js';
import { evidenceWords } from './judge/evidence.js';
import {
  asksForMore,
  asksToSee,
  quantityAsked,
  refersBack,
  switchedTo,
  terseMoreAsk,
  terseSectionAsk,
  turnsTo,
} from './judge/follow-up.js';
import { contentUnits, elliptical, groundedIn, mentionsOutside } from './judge/grounding.js';
import { readMessage } from './judge/message-text.js';
import { aboutOwnTeam, isStandup, type OutOfScope, outOfScope } from './judge/scope.js';
import { sectionAsked } from './judge/section-asked.js';
import { sectionLocated } from './judge/section-located.js';

/**
 * Whether casebot would answer a channel message nobody addressed to it (an `auto` channel's
 * top-level message, or a reply in a thread casebot answered). Pure: text in, verdict out; the
 * core adds what needs the store (mode, cap, one reply per thread).
 *
 * Silence is the default: a missed question costs little, a reply to chatter costs the bot its
 * seat in the channel.
 */

/** Why a message that the text alone decides gets no reply. */
export type JudgeReason =
  /**
   * A statement, a paste (logs, YAML, a stack trace, a link, emoji), a stand-up, a rhetorical
   * question; a message too long to be a question (more than 4,000 characters, or 1,200 of prose).
   */
  | 'not-a-question'
  /**
   * A question the casebook does not answer: one's own outage, logistics, people, tooling polls,
   * how to configure a tool, one's own team's numbers and plans, outside the field; a question to
   * a person (`<@U…>`).
   */
  | 'out-of-scope'
  /** Asks something in the field, but no case fits. */
  | 'no-match'
  /** A case fits, but not clearly enough to speak unasked. */
  | 'unclear';

/** The thread's case, for a reply in a thread casebot answered. */
export interface ThreadContext {
  readonly caseId: string;
}

export type Verdict =
  | {
      readonly speak: true;
      readonly caseId: string;
      /** The part of the case asked for; null for the case's overview. */
      readonly section: Section | null;
      /** 0–1, the search's confidence in the case (1 for a thread's case the reply leans on, unsearched). */
      readonly score: number;
      /** The words of the message that made the case fit (for the "why it fits" line). */
      readonly evidence: readonly string[];
      /** `context`: a follow-up answered from the thread's case; `switch`: it asked about another case. */
      readonly basis: 'match' | 'context' | 'switch';
    }
  | {
      readonly speak: false;
      readonly reason: JudgeReason;
      /** What kind of silence, for logs and evaluation: `paste`, `standup`, `rhetorical`, `troubleshooting`… */
      readonly detail?: SilenceDetail;
    };

/** The finer reason behind a `JudgeReason` (see `Verdict`). */
export type SilenceDetail =
  | 'empty'
  | 'too-long'
  | 'paste'
  | 'standup'
  | 'statement'
  | 'rhetorical'
  | OutOfScope;

export interface JudgeDeps {
  readonly catalog: Catalog;
  readonly index: SearchIndex;
}

/** The most of a message that is searched (the search reads no more either). */
const MAX_QUERY_CHARS = 500;
/** The search's confident line: the score of a case the message names but the search missed. */
const CONFIDENT = 0.5;
/** A follow-up switches to another case only on a match this confident… */
const SWITCH_MIN_SCORE = 0.6;
/** …with the thread's case at least this far behind. */
const SWITCH_MARGIN = 0.15;
const MAX_EVIDENCE = 5;

const silent = (reason: JudgeReason, detail?: SilenceDetail): Verdict =>
  detail ? { speak: false, reason, detail } : { speak: false, reason };

/**
 * The one place that decides whether an unaddressed message gets an answer. With `context`, the
 * message is a reply in a thread about that case: a question about a part of it ("and the
 * metrics?", "架构图呢") is answered from it, a question clearly about another case switches.
 *
 * Cheap first: markup, pastes, whether and how it asks, and what it asks about are read from the
 * text before anything is searched; a message longer than anyone asks a question in is not read.
 */
export function judgeMessage(text: string, deps: JudgeDeps, context?: ThreadContext): Verdict {
  const message = readMessage(text);
  if (message.tooLong) return silent('not-a-question', 'too-long');
  if (message.prose === '') return silent('not-a-question', message.pasted ? 'paste' : 'empty');
  const prose = message.prose.toLowerCase();

  let asking = askingOf(message.prose);
  const askedAs = asking.kind;
  const terse = context ? terseSectionAsk(message.prose) : null;
  if (asking.kind === 'none' && terse) {
    asking = { kind: 'approach', rhetorical: false, asks: [prose] };
  } else if (asking.kind === 'none' && context && (asksToSee(prose) || terseMoreAsk(prose))) {
    asking = { kind: 'question', rhetorical: false, asks: [prose] };
  }
  if (message.pasted) {
    return asking.kind === 'none'
      ? silent('not-a-question', 'paste')
      : silent('out-of-scope', 'troubleshooting');
  }
  if (isStandup(message.prose)) return silent('not-a-question', 'standup');
  if (asking.kind === 'none') return silent('not-a-question', 'statement');
  if (asking.rhetorical) return silent('not-a-question', 'rhetorical');
  // In a thread the whole reply is about the case, so a part named outside the asking clause counts.
  let section =
    sectionAsked(asking.asks) ??
    (context ? (sectionAsked([prose]) ?? quantityAsked(prose)) : null) ??
    terse;
  // Asking for a part of a case is asking what the casebook is for.
  if (section) asking = { ...asking, kind: 'approach' };
  let scope = outOfScope(asking, prose, message.mentionsSomeone, message.identifiers, askedAs);
  // In a thread, "where" about the case's own things asks where they sit in its architecture.
  if (scope === 'logistics' && context && placedIn(deps.catalog, context.caseId, asking.asks)) {
    scope = null;
    section ??= 'architecture';
  }
  if (scope) return silent('out-of-scope', scope);
  if (mentionsOutside(asking.asks.join('\n'))) return silent('out-of-scope', 'outside');
  if (context && aboutOwnTeam(asking)) return silent('out-of-scope', 'own-work');

  const query = prose.length <= MAX_QUERY_CHARS ? prose : `${asking.asks.join(' ')} ${prose}`;
  const matches = caseMatches(deps, query);
  if (!context) {
    return topLevel(prose, asking, matches, section, () => namedCases(deps.catalog, prose));
  }
  const turn = turnsTo(prose, asking.asks.join('\n'));
  const named = turn === null ? [] : namedOrFound(deps, turn);
  return followUp(prose, deps, context, matches, named, section, asking);
}

/** The case a turn names ("what about the finance one?"), else what the search finds for it. */
function namedOrFound(deps: JudgeDeps, turn: string): readonly SearchMatch[] {
  const found = caseMatches(deps, turn);
  const named = namedCases(deps.catalog, turn);
  if (named.length !== 1) return found;
  const match = found.find((m) => m.caseId === named[0]);
  return [match ?? { caseId: named[0]!, score: CONFIDENT, matchedTerms: [] }];
}

function caseMatches(deps: JudgeDeps, query: string): readonly SearchMatch[] {
  return deps.index.search(query).matches.filter((m) => deps.catalog.byId.has(m.caseId));
}

/** `text`: the message, whose own words say why the case fits. */
function speak(
  text: string,
  match: SearchMatch,
  section: Section | null,
  basis: 'match' | 'context' | 'switch',
): Verdict {
  return {
    speak: true,
    caseId: match.caseId,
    section,
    score: match.score,
    evidence: evidenceWords(text, match.matchedTerms, MAX_EVIDENCE),
    basis,
  };
}

/**
 * A top-level message: a clear-cut match. Or a message that names one case and asks for a part
 * of it ("what were the key challenges in the e-commerce migration?"), when the search does not
 * point elsewhere; `namedCasesOf` finds the cases named, only when needed.
 */
function topLevel(
  text: string,
  asking: Asking,
  matches: readonly SearchMatch[],
  section: Section | null,
  namedCasesOf: () => readonly string[],
): Verdict {
  const cut = clearCut(matches, asking, section !== null);
  if (cut && 'match' in cut) return speak(text, cut.match, section, 'match');
  const named = section ? namedCasesOf() : [];
  const [only] = named;
  if (only && named.length === 1 && (!matches[0] || matches[0].caseId === only)) {
    const match = matches[0] ?? { caseId: only, score: CONFIDENT, matchedTerms: [] };
    return speak(text, match, section, 'match');
  }
  return silent(cut ? 'unclear' : 'no-match');
}

/** A reply that shares this much of its content with the thread's case is about it. */
const GROUNDED = 0.5;

/**
 * A reply in the thread of `context.caseId`. `named`: the matches for the case a turn ("what
 * about the bank one?") names, empty when the reply does not turn. The thread's case answers a
 * reply that leans on it (says little of its own, or points back: "they", "这个"), that the
 * search ties to it, or whose words the case itself uses; a reply about something else entirely
 * ("Kafka 分区数一般设多少？") is not a follow-up, however it asks.
 */
function followUp(
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
  const about = tied || asksForMore(asks) || elliptical(asks) || refersBack(asks) || grounded;
  if (!about) return silent(matches.length > 0 ? 'unclear' : 'no-match');
  const fromThread = {
    caseId: context.caseId,
    score: own?.score ?? 1,
    matchedTerms: own?.matchedTerms ?? [],
  };
  if (section) return speak(text, fromThread, section, 'context');
  // Names no part, but what it asks about sits in one ("where does the queue sit?").
  const located = sectionLocated(deps.catalog, context.caseId, asks);
  if (located) return speak(text, fromThread, located, 'context');
  if (asksForMore(asks)) return speak(text, fromThread, null, 'context');
  if (cut && 'match' in cut && cut.match.caseId === context.caseId) {
    return speak(text, fromThread, null, 'context');
  }
  // Asks about a topic of the case in the case's own words ("and security?"): the whole case.
  if (grounded && contentUnits(asks) > 0) return speak(text, fromThread, null, 'context');
  return silent(matches.length > 0 ? 'unclear' : 'no-match');
}

/** "where do the models live?", "模型存储放哪了": where something of the case sits. */
const PLACEMENT =
  /\bwhere(?:'s| is| are| was| were| do| does| did| would| will)\b|放(?:在)?哪|在哪|哪一层|哪个位置/;

function placedIn(catalog: Catalog, caseId: string, asks: readonly string[]): boolean {
  return asks.some(
    (a) => PLACEMENT.test(a) && contentUnits(a) > 0 && groundedIn(catalog, caseId, a) >= GROUNDED,
  );
}
