import type { Section } from '../../catalog/model.js';
import type { SearchMatch } from '../../search/types.js';
import { evidenceWords } from './evidence.js';
import type { OutOfScope } from './scope.js';

/** What the judgement says about a message (see `judgeMessage`), and how it is made. */

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

const MAX_EVIDENCE = 5;

export const silent = (reason: JudgeReason, detail?: SilenceDetail): Verdict =>
  detail ? { speak: false, reason, detail } : { speak: false, reason };

/** `text`: the message, whose own words say why the case fits. */
export function speak(
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
