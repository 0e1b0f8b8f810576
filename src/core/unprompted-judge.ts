import type { Catalog, Section } from '../catalog/model.js';
import type { SearchIndex } from '../search/types.js';

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
  /** A statement, a paste (logs, YAML, a stack trace, a link), a stand-up, a rhetorical question. */
  | 'not-a-question'
  /** A question the casebook does not answer: one's own outage, logistics, people, tooling polls, outside the field. */
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
      /** 0–1, the search's confidence in the case. */
      readonly score: number;
      /** The words of the message that made the case fit (for the "why it fits" line). */
      readonly evidence: readonly string[];
      /** `context`: a follow-up answered from the thread's case; `switch`: it asked about another case. */
      readonly basis: 'match' | 'context' | 'switch';
    }
  | { readonly speak: false; readonly reason: JudgeReason };

export interface JudgeDeps {
  readonly catalog: Catalog;
  readonly index: SearchIndex;
}

/**
 * The one place that decides whether an unaddressed message gets an answer. With `context`, the
 * message is a reply in a thread about that case: a question about a part of it ("and the
 * metrics?", "架构图呢") is answered from it, a question clearly about another case switches.
 */
export function judgeMessage(text: string, deps: JudgeDeps, context?: ThreadContext): Verdict {
  // Placeholder until the judgement lands: only an explicit question with a single, confident match.
  const trimmed = text.trim();
  if (!/[?？]\s*$/u.test(trimmed)) return { speak: false, reason: 'not-a-question' };
  const result = deps.index.search(trimmed);
  const [best, second] = result.matches;
  if (!best) {
    if (context && result.section) {
      return {
        speak: true,
        caseId: context.caseId,
        section: result.section,
        score: 1,
        evidence: [],
        basis: 'context',
      };
    }
    return { speak: false, reason: 'no-match' };
  }
  if (second || best.score < 0.8) return { speak: false, reason: 'unclear' };
  if (!deps.catalog.byId.has(best.caseId)) return { speak: false, reason: 'no-match' };
  return {
    speak: true,
    caseId: best.caseId,
    section: result.section,
    score: best.score,
    evidence: best.matchedTerms,
    basis: context ? (context.caseId === best.caseId ? 'context' : 'switch') : 'match',
  };
}
