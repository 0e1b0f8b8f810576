import type { Section } from '../catalog/model.js';
import type { SearchMatch } from '../search/types.js';
import { type Asking, askingOf } from './judge/asking.js';
import { namedCases } from './judge/case-names.js';
import { CLEAR_MARGIN, clearCut } from './judge/clear-cut.js';
import {
  asksToSee,
  quantityAsked,
  terseMoreAsk,
  terseSectionAsk,
  turnsTo,
} from './judge/follow-up.js';
import {
  contentUnits,
  groundedIn,
  mentionsOutside,
  namesTopicCaseLacks,
} from './judge/grounding.js';
import { readMessage } from './judge/message-text.js';
import { aboutOwnTeam, isStandup, outOfScope } from './judge/scope.js';
import { sectionAsked } from './judge/section-asked.js';
import {
  caseOwnThings,
  followUp,
  type JudgeDeps,
  PLACEMENT,
  type ThreadContext,
} from './judge/thread-reply.js';
import { silent, speak, type Verdict } from './judge/verdict.js';

/**
 * Whether casebot would answer a channel message nobody addressed to it (an `auto` channel's
 * top-level message, or a reply in a thread casebot answered). Pure: text in, verdict out; the
 * core adds what needs the store (mode, cap, one reply per thread).
 *
 * Silence is the default: a missed question costs little, a reply to chatter costs the bot its
 * seat in the channel.
 */

export type { JudgeDeps, ThreadContext } from './judge/thread-reply.js';
export type { JudgeReason, SilenceDetail, Verdict } from './judge/verdict.js';

/** The most of a message that is searched (the search reads no more either). */
const MAX_QUERY_CHARS = 500;
/** The search's confident line: the score of a case the message names but the search missed. */
const CONFIDENT = 0.5;
/**
 * How a message asks the casebook ("which case talks about …", "do we have anything on …"):
 * where to look, not what for; left out of what is searched.
 */
const FRAMING =
  /\b(?:which (?:case|cases|example|one) (?:talks? about|covers?|mentions?|is about|deals? with|describes?)|(?:do|does) (?:we|you|anyone) have (?:something|anything) (?:on|about|for))\b/g;
/** A how-question with this little content (in words) is a topic asked about: "秒杀怎么扛". */
const TERSE_TOPIC_UNITS = 3;

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
  let scope = outOfScope(
    asking,
    prose,
    message.mentionsSomeone,
    message.identifiers,
    askedAs,
    context !== undefined,
  );
  // In a thread, what sounds like our status or logistics but names only the case's own things
  // asks how the case did it ("was the data analysis done in the cloud?"); "where" asks where
  // they sit in its architecture ("where do the models live?").
  const caseThings = context && caseOwnThings(deps.catalog, context.caseId, asking.asks);
  if ((scope === 'logistics' || scope === 'own-work') && caseThings) {
    scope = null;
    if (asking.asks.some((a) => PLACEMENT.test(a))) section ??= 'architecture';
  }
  if (scope) return silent('out-of-scope', scope);
  if (mentionsOutside(asking.asks.join('\n'))) return silent('out-of-scope', 'outside');
  if (context && aboutOwnTeam(asking)) return silent('out-of-scope', 'own-work');

  const asked = prose.length <= MAX_QUERY_CHARS ? prose : `${asking.asks.join(' ')} ${prose}`;
  const query = asked.replace(FRAMING, ' ');
  const matches = caseMatches(deps, query);
  if (!context) {
    return topLevel(prose, deps, asking, matches, section);
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

/**
 * A top-level message: a clear-cut match. Or a message that names one case and asks for a part
 * of it ("what were the key challenges in the e-commerce migration?"), when the search does not
 * point elsewhere.
 */
function topLevel(
  text: string,
  deps: JudgeDeps,
  asking: Asking,
  matches: readonly SearchMatch[],
  section: Section | null,
): Verdict {
  const cut = clearCut(matches, asking, section !== null, text);
  if (cut && 'match' in cut) {
    // The case fits the message's field, but not the platform work it asks about (logs, builds…).
    if (namesTopicCaseLacks(deps.catalog, cut.match.caseId, asking.asks.join('\n'))) {
      return silent('unclear');
    }
    return speak(text, cut.match, section, 'match');
  }
  // A short how-question that says nothing the case does not ("秒杀怎么扛"): its topic is the case.
  const [best, second] = matches;
  const alone = !second || best!.score - second.score >= CLEAR_MARGIN;
  const asks = asking.asks.join('\n');
  if (
    cut &&
    asking.kind === 'approach' &&
    alone &&
    groundedIn(deps.catalog, best!.caseId, asks) >= 1
  ) {
    if (contentUnits(asks) > 0 && contentUnits(asks) <= TERSE_TOPIC_UNITS) {
      return speak(text, best!, section, 'match');
    }
  }
  const named = section ? namedCases(deps.catalog, text) : [];
  const [only] = named;
  if (only && named.length === 1 && (!matches[0] || matches[0].caseId === only)) {
    const match = matches[0] ?? { caseId: only, score: CONFIDENT, matchedTerms: [] };
    return speak(text, match, section, 'match');
  }
  return silent(cut ? 'unclear' : 'no-match');
}

/** Messages that take the judgement down each of its paths, in both languages. */
const WARM_UP = [
  'how do online shops survive a flash sale? any case study with numbers',
  '边缘节点怎么统一管理？有没有案例',
  'deploy done, all green',
];
const WARM_UP_REPLIES = ['and the architecture diagram?', '用的什么技术'];

/**
 * Builds what the judgement makes on first use (the casebook's name table and vocabularies, the
 * concept and synonym tables) and lets the engine compile its patterns, so the first message of
 * a busy channel is not the one that pays for it. Judges a few messages and throws the verdicts
 * away; costs a few milliseconds, once per casebook.
 */
export function warmJudge(deps: JudgeDeps): void {
  for (const text of WARM_UP) judgeMessage(text, deps);
  const [first] = deps.catalog.cases;
  if (!first) return;
  for (const text of WARM_UP_REPLIES) judgeMessage(text, deps, { caseId: first.id });
}
