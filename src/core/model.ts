import type { Freshness } from '../catalog/freshness.js';
import type { Case, Lang, Owner, PrincipleDef, Section, Tip } from '../catalog/schema.js';
import type { ChannelMode } from '../store/store.js';

export type Platform = 'slack' | 'teams' | 'console' | 'cli';

/** Where a request came from, as far as the core needs to know. */
export interface Conversation {
  /** Slack channel id, Teams conversation id, `console`. */
  readonly id: string;
  /** Slack team id or Teams tenant id. */
  readonly workspaceId?: string;
  readonly kind: 'channel' | 'group' | 'personal';
  /**
   * What the platform needs to post into this conversation later (a Teams ConversationReference);
   * opaque to the core, stored with a subscription.
   */
  readonly reference?: unknown;
  /**
   * The thread the request came from or its answer starts (Slack `thread_ts`, or the `ts` of a
   * top-level message; the root message id of a Teams reply chain); absent where there are none.
   */
  readonly threadId?: string;
}

/** A button a user clicked on a card we sent. */
export type BotAction =
  | { readonly kind: 'show'; readonly caseId: string; readonly section: Section | null }
  /** A button that asks something, as if the user had typed `text` (`list`, `tip`, a question). */
  | { readonly kind: 'ask'; readonly text: string }
  | {
      readonly kind: 'feedback';
      readonly caseId: string;
      readonly helpful: boolean;
      readonly query: string;
    }
  /** *Not helpful* on an unprompted answer: counted as 👎, its question kept as a miss. */
  | { readonly kind: 'dismiss'; readonly caseId: string; readonly query: string }
  /** "Ask a person": hand this question (and the case casebot thought closest) to people. */
  | { readonly kind: 'handoff'; readonly question: string; readonly caseId: string | null }
  /** "Mark answered" on a hand-off. */
  | { readonly kind: 'handoff-answered'; readonly handoffId: string };

/** A platform-neutral question or click. */
export interface BotRequest {
  /** Request id: appears in logs and in any apology the user sees. */
  readonly id: string;
  readonly platform: Platform;
  /** What the user typed, with the bot's own mention already removed. */
  readonly text: string;
  /** The language the user asked for (a button, a subscription); otherwise it follows the text. */
  readonly lang?: Lang;
  readonly user?: { readonly id: string; readonly name?: string; readonly timeZone?: string };
  readonly conversation?: Conversation;
  readonly action?: BotAction;
}

/** A case that almost matched, offered as "did you mean". */
export interface CaseRef {
  readonly caseId: string;
  readonly title: string;
  readonly score: number;
}

interface AnswerBase {
  /** The language of the reply. */
  readonly lang: Lang;
}

export interface CaseAnswer extends AnswerBase {
  readonly kind: 'case';
  readonly case: Case;
  /** The part of the case the question was about; null for the whole card. */
  readonly section: Section | null;
  /** The question that led here (empty when the user opened the case by id or button). */
  readonly query: string;
  /** 0–1; 1 when the case was named outright. */
  readonly score: number;
  /** Up to 3 other candidates when the match was not clear-cut. */
  readonly alternatives: readonly CaseRef[];
  /** How recently the case was reviewed (cards say it with its owners); absent: not told. */
  readonly freshness?: Freshness;
}

export interface ListAnswer extends AnswerBase {
  readonly kind: 'list';
  readonly cases: readonly Case[];
  /** The casebook's principles (the seed's when absent). */
  readonly principles?: readonly PrincipleDef[];
}

export interface HelpCommand {
  /** What to type, e.g. `compare A B`. */
  readonly usage: string;
  readonly description: string;
}

export interface HelpAnswer extends AnswerBase {
  readonly kind: 'help';
  /** A sentence before the command list (e.g. after an empty question). */
  readonly intro?: string;
  readonly commands: readonly HelpCommand[];
}

export interface CompareAnswer extends AnswerBase {
  readonly kind: 'compare';
  readonly cases: readonly [Case, Case];
}

export interface TipAnswer extends AnswerBase {
  readonly kind: 'tip';
  readonly tip: Tip;
  readonly case?: Case;
}

/** Nothing in the casebook fits the question. */
export interface NoMatchAnswer extends AnswerBase {
  readonly kind: 'no-match';
  readonly query: string;
  /** The whole casebook, to browse instead. */
  readonly cases: readonly Case[];
}

/** A question a user may hand to a person, offered as an "Ask a person" button. */
export interface HandoffOffer {
  readonly question: string;
  readonly caseId: string | null;
}

/**
 * A short message: a confirmation ("subscribed"), a polite refusal ("that time is not valid"),
 * an apology. Plain text, already in `lang`; renderers escape it for their format.
 */
export interface NoticeAnswer extends AnswerBase {
  readonly kind: 'notice';
  readonly tone: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
  /** The store was down or did not keep a write: the user was asked to try again. */
  readonly storeError?: boolean;
  /** An "Ask a person" button under the text (the thanks after a 👎). */
  readonly handoff?: HandoffOffer;
}

/**
 * A small answer to a channel message nobody addressed to casebot (an `auto` channel, a follow-up
 * in a thread casebot answered): the case, why it fits, the part asked for.
 */
export interface UnpromptedAnswer extends AnswerBase {
  readonly kind: 'unprompted';
  readonly case: Case;
  /** The part of the case asked for; null for its overview. */
  readonly section: Section | null;
  /** The message it answers (cut to `MAX_QUERY_CHARS`). */
  readonly query: string;
  /** The words of the message that made the case fit. */
  readonly evidence: readonly string[];
  /** `context`: a follow-up answered from its thread's case; `switch`: it asked about another. */
  readonly basis: 'match' | 'context' | 'switch';
}

/** A channel's mode (`auto on|off`, `auto`): a change is an announcement for everyone there. */
export interface AutoModeAnswer extends AnswerBase {
  readonly kind: 'auto-mode';
  readonly mode: ChannelMode;
  /** This request changed the mode: everyone in the channel should see the answer. */
  readonly changed: boolean;
  /** Who set the mode last (the platform's user id and name); null while never set. */
  readonly by: { readonly id: string; readonly name?: string } | null;
  readonly at: Date | null;
  /** `AUTO_ANSWER_MAX_PER_HOUR`. */
  readonly maxPerHour: number;
}

/**
 * Someone named by a platform id where one is known: a case owner, the asker, whoever marked a
 * hand-off answered. Renderers mention the id of their platform, else write the name.
 */
export type Person = Owner;

/** Where a hand-off is posted. */
export type HandoffRoute =
  /** In the conversation it was asked in (the thread of the card, or the command's channel). */
  | { readonly kind: 'here' }
  /** Into this experts channel, with a note where it was asked. */
  | { readonly kind: 'experts'; readonly channel: string }
  /** Only to the asker: a private conversation with nobody to bring in and nowhere to post. */
  | { readonly kind: 'private' };

/** A question handed to people ("Ask a person"), or what a later press found. */
export interface HandoffAnswer extends AnswerBase {
  readonly kind: 'handoff';
  /** Made now; made before (by `asker`, at `at`); or marked answered. */
  readonly status: 'asked' | 'already-asked' | 'answered';
  readonly id: string;
  /** As asked; '' when questions are not kept. */
  readonly question: string;
  /** The case casebot thought closest. */
  readonly case?: { readonly id: string; readonly title: string };
  readonly asker: Person;
  readonly at: Date;
  readonly answered?: { readonly by: Person; readonly at: Date };
  /** Who is asked: the case's owners, else the casebook's; empty when nobody is named. */
  readonly owners: readonly Owner[];
  readonly route: HandoffRoute;
}

/** The weekly gap report: what people asked and did not get, for the casebook's keepers. */
export interface DigestAnswer extends AnswerBase {
  readonly kind: 'digest';
  /** The week covered, and the zone its dates are shown in (DIGEST_TZ). */
  readonly since: Date;
  readonly until: Date;
  readonly timeZone: string;
  /** Every question that found nothing in the week. */
  readonly missCount: number;
  /**
   * The questions that found nothing, one per question however it was worded, most asked first;
   * `question` is null for those kept without their words (STATS_KEEP_QUESTIONS=off).
   */
  readonly misses: readonly {
    readonly question: string | null;
    readonly count: number;
    /** How many different wordings were asked. */
    readonly wordings: number;
  }[];
  /** 👎 per case, most first, with the questions they answered (when kept). */
  readonly unhelpful: readonly {
    readonly caseId: string;
    readonly title: string;
    readonly count: number;
    readonly questions: readonly string[];
  }[];
  /** Hand-offs made in the week, per case (null: none was close). */
  readonly handoffs: readonly {
    readonly caseId: string | null;
    readonly title: string | null;
    readonly asked: number;
    readonly open: number;
  }[];
  /** Hand-offs nobody marked answered yet, whenever made, oldest first. */
  readonly open: readonly {
    readonly question: string;
    readonly title: string | null;
    readonly at: Date;
  }[];
  /** Cases never reviewed, or reviewed more than `staleAfterDays` ago. */
  readonly stale: readonly {
    readonly caseId: string;
    readonly title: string;
    readonly reviewedDaysAgo?: number;
    readonly owners: readonly string[];
  }[];
  readonly staleAfterDays: number;
}

export type Answer =
  | UnpromptedAnswer
  | AutoModeAnswer
  | CaseAnswer
  | ListAnswer
  | HelpAnswer
  | CompareAnswer
  | TipAnswer
  | NoMatchAnswer
  | NoticeAnswer
  | HandoffAnswer
  | DigestAnswer;

export type AnswerKind = Answer['kind'];
