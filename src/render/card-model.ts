import type { Lang, Section } from '../catalog/schema.js';

/**
 * The one card model every renderer translates. What a card says, in which order, with which
 * labels and buttons is decided here (src/render/cards*.ts); Block Kit, Adaptive Card and terminal
 * text only change the markup. Text is plain (renderers escape it for their format).
 */

/**
 * A run of text; `strong` is the highlighted part (bold), `code` a command to type, `href` a link
 * (always a URL casebot made, never one a user typed). A `mention` is a person (the text is their
 * name): each platform mentions the id it has for them, and writes the name where it has none. A
 * `time` is shown in the reader's own time zone where the platform can (the text is the fallback).
 */
export interface Span {
  readonly text: string;
  readonly strong?: boolean;
  readonly code?: boolean;
  /** A person, by the platform's own user id: Slack shows a mention, others show `text`. */
  readonly user?: string;
  /** A link: the text opens `href`. */
  readonly href?: string;
  readonly mention?: { readonly slack?: string; readonly teams?: string };
  readonly time?: Date;
}
export type Rich = readonly Span[];

export const rich = (...parts: (string | Span)[]): Rich =>
  parts
    .filter((p) => (typeof p === 'string' ? p : p.text) !== '')
    .map((p) => (typeof p === 'string' ? { text: p } : p));
export const strong = (text: string): Span => ({ text, strong: true });
export const code = (text: string): Span => ({ text, code: true });
export const linkTo = (text: string, href: string): Span => ({ text, href });
export const person = (p: { name: string; slack?: string; teams?: string }): Span => ({
  text: p.name,
  mention: { ...(p.slack && { slack: p.slack }), ...(p.teams && { teams: p.teams }) },
});
/** A moment, in the reader's zone where the platform can; UTC in the fallback text. */
export const moment = (at: Date): Span => ({
  text: `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  time: at,
});
export const plainOf = (r: Rich): string => r.map((s) => s.text).join('');

/** What a button does when clicked. */
export type ButtonAction =
  | { readonly kind: 'show'; readonly caseId: string; readonly section: Section | null }
  /** Ask casebot something, as if the user typed it (`list`, `tip`, an example question). */
  | { readonly kind: 'ask'; readonly text: string }
  /** *Not helpful* on an unprompted answer: removes it for everyone, counts as 👎. */
  | { readonly kind: 'dismiss'; readonly caseId: string; readonly query: string }
  /** "Ask a person": hand the question (and the closest case) to people. */
  | { readonly kind: 'handoff'; readonly question: string; readonly caseId: string | null }
  /** "Mark answered" on a hand-off. */
  | { readonly kind: 'handoff-answered'; readonly handoffId: string };

export interface CardButton {
  readonly label: string;
  readonly action: ButtonAction;
  readonly primary?: boolean;
}

export interface TableCell {
  readonly text: Rich;
}

export type CardBlock =
  /** The card's title: the case name, or what the card is. */
  | { readonly kind: 'title'; readonly text: string }
  /** The answer to the question, highlighted, right under the title. */
  | { readonly kind: 'lead'; readonly text: Rich }
  | { readonly kind: 'text'; readonly text: Rich }
  /** Secondary, smaller text: sources, hints, legends. */
  | { readonly kind: 'context'; readonly text: Rich }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly Rich[] }
  /**
   * A table with a header row. `mono` columns are commands (monospace). A table of `figures` (the
   * metrics) is a native table on both platforms (Slack allows one per message); Slack shows any
   * other table as two columns: the first column beside the others joined.
   */
  | {
      readonly kind: 'table';
      readonly id: string;
      readonly figures?: boolean;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly Rich[])[];
      readonly mono?: readonly number[];
      /** Relative column widths (Teams). */
      readonly widths?: readonly number[];
      /** Where a table is two columns (Slack, text): what goes between the second and later cells. */
      readonly join?: readonly string[];
    }
  /** The diagram: the image links to the editor; `link` is the editor URL. */
  | {
      readonly kind: 'image';
      readonly url: string | null;
      readonly alt: string;
      readonly link: string;
      readonly linkLabel: string;
    }
  /** Rows that each open something: a title, one line under it, a button. */
  | {
      readonly kind: 'choices';
      readonly id: string;
      readonly items: readonly { title: string; detail?: string; button: CardButton }[];
    }
  /** One row of at most three buttons (Teams' 460 px column shows three uncut). */
  | { readonly kind: 'actions'; readonly id: string; readonly buttons: readonly CardButton[] }
  /** 👍/👎 under their question, on their own row. */
  | {
      readonly kind: 'feedback';
      readonly question: string;
      readonly caseId: string;
      readonly section: Section | null;
      readonly query: string;
      readonly yes: string;
      readonly no: string;
      /** A third button on the row: "Ask a person" (when the match was not clear-cut). */
      readonly handoff?: CardButton;
    };

export interface Card {
  readonly lang: Lang;
  readonly blocks: readonly CardBlock[];
  /** One line for notifications and screen readers. */
  readonly summary: string;
  /** What a "Share in channel" button re-posts (Slack's ephemeral answers): a case or a command. */
  readonly share?:
    | { readonly caseId: string; readonly section: Section | null }
    | { readonly text: string };
}

/** At most this many buttons in one `actions` row. */
export const MAX_ROW_BUTTONS = 3;
