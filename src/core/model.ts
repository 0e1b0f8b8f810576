import type { Case, Lang, PrincipleDef, Section, Tip } from '../catalog/schema.js';
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
  | { readonly kind: 'dismiss'; readonly caseId: string; readonly query: string };

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

export type Answer =
  | UnpromptedAnswer
  | AutoModeAnswer
  | CaseAnswer
  | ListAnswer
  | HelpAnswer
  | CompareAnswer
  | TipAnswer
  | NoMatchAnswer
  | NoticeAnswer;

export type AnswerKind = Answer['kind'];
