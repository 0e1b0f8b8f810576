import type { Lang } from '../catalog/schema.js';
import type { Answer, HandoffOffer } from '../core/model.js';
import {
  answeredAction,
  askAction,
  dismissAction,
  feedbackAction,
  handoffAction,
  showAction,
} from './adaptive-actions.js';
import { escapeMarkdown, plain, textBlock } from './adaptive-text.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type MentionEntity,
  type TableRow,
} from './adaptive-types.js';
import {
  type Card,
  type CardBlock,
  type CardButton,
  plainOf,
  type Rich,
  type Span,
} from './card-model.js';
import { answerCard } from './cards.js';
import { askPersonButton } from './cards-handoff.js';
import type { DiagramOptions } from './diagram.js';
import { cardText } from './text.js';

export type { AdaptiveCard } from './adaptive-types.js';
export { ADAPTIVE_CARD_CONTENT_TYPE, MAX_CARD_BYTES } from './adaptive-types.js';

export interface AdaptiveCardOptions {
  readonly diagrams: DiagramOptions;
  /** A tip posted by the daily schedule ("Tip of the day") rather than asked for. */
  readonly daily?: boolean;
  /** CASES_URL: case cards link to their case file. */
  readonly casesUrl?: string;
  /** A short plain-text note that replaces the 👍/👎 row (e.g. the thanks after a vote). */
  readonly note?: string;
  /** An "Ask a person" button under the note (the thanks after a 👎). */
  readonly noteHandoff?: HandoffOffer;
  /** The card unfurls a pasted link: no 👍/👎 (there was no question). */
  readonly unfurl?: boolean;
  /** A hand-off posted in the experts channel: the link back to where it was asked. */
  readonly handoffLink?: string;
}

/** The people a card mentions, by the `<at>…</at>` text that names them. */
type Mentions = Map<string, MentionEntity>;

const MAX_FALLBACK_CHARS = 3000;

/** A link target Teams' markdown cannot misread (no spaces or parentheses left unencoded). */
const href = (url: string) => url.replace(/[\s()<>]/g, encodeURIComponent);

/** A Teams time, in the reader's zone: `{{DATE(…, SHORT)}} {{TIME(…)}}`. */
function teamsTime(at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/**
 * A mention Teams shows as one (the entity is kept for the card); a name without a Teams id is
 * written out. `<at>` typed by a user never becomes one (it is broken up in `markdown`).
 */
function teamsMention(s: Span, mentions: Mentions): string | null {
  const id = s.mention?.teams;
  if (!id) return null;
  const name = s.text.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim() || id;
  const text = `<at>${name}</at>`;
  if (!mentions.has(text)) mentions.set(text, { type: 'mention', text, mentioned: { id, name } });
  return text;
}

/**
 * Teams card markdown: bold for the highlighted part and for commands (no inline code there),
 * `[text](url)` for links.
 */
function markdownIn(r: Rich, mentions: Mentions): string {
  return r
    .map((s) => {
      const at = teamsMention(s, mentions);
      if (at) return at;
      if (s.time) return teamsTime(s.time);
      const text = escapeMarkdown(s.text);
      if (!text.trim()) return text;
      if (s.href) return `[${text}](${href(s.href)})`;
      return s.strong || s.code ? `**${text}**` : text;
    })
    .join('');
}

function button(b: CardButton, lang: Lang): CardAction {
  const a = b.action;
  switch (a.kind) {
    case 'show':
      return showAction(b.label, a.caseId, a.section, lang);
    case 'ask':
      return askAction(b.label, a.text, lang);
    case 'dismiss':
      return dismissAction(b.label, a.caseId, a.query, lang);
    case 'handoff':
      return handoffAction(b.label, a.question, a.caseId, lang);
    case 'handoff-answered':
      return answeredAction(b.label, a.handoffId, lang);
  }
}

function element(
  block: CardBlock,
  lang: Lang,
  mentions: Mentions,
  o: { note?: string; noteHandoff?: HandoffOffer; unfurl?: boolean },
): CardElement[] {
  const markdown = (r: Rich) => markdownIn(r, mentions);
  switch (block.kind) {
    case 'title':
      return [textBlock(escapeMarkdown(block.text), { size: 'large', weight: 'bolder' })];
    case 'lead':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          spacing: 'small',
          items: [textBlock(markdown(block.text))],
        },
      ];
    case 'text':
      return [textBlock(markdown(block.text), { spacing: 'small' })];
    case 'context':
      return [textBlock(markdown(block.text), { isSubtle: true, size: 'small', spacing: 'small' })];
    case 'heading':
      return [
        textBlock(escapeMarkdown(block.text), {
          size: 'large',
          weight: 'bolder',
          spacing: 'medium',
        }),
      ];
    case 'bullets':
      return [
        textBlock(block.items.map((i) => `- ${markdown(i)}`).join('\n'), { spacing: 'small' }),
      ];
    case 'table': {
      const cell = (r: Rich, col: number, header: boolean) => ({
        type: 'TableCell' as const,
        items: [
          textBlock(
            header || block.mono?.includes(col) ? escapeMarkdown(plainOf(r)) : markdown(r),
            {
              ...(header && { weight: 'bolder' as const }),
              ...(block.mono?.includes(col) && !header && { fontType: 'monospace' as const }),
              ...(header && { isSubtle: true }),
            },
          ),
        ],
      });
      const rows: TableRow[] = [
        {
          type: 'TableRow',
          cells: block.columns.map((c, i) => cell([{ text: c }], i, true)),
        },
        ...block.rows.map<TableRow>((row) => ({
          type: 'TableRow',
          cells: row.map((r, i) => cell(r, i, false)),
        })),
      ];
      return [
        {
          type: 'Table',
          spacing: 'medium',
          columns: block.columns.map((_, i) => ({ width: block.widths?.[i] ?? 1 })),
          rows,
          firstRowAsHeader: true,
          showGridLines: false,
        },
      ];
    }
    case 'image':
      // The image itself opens the editor: no second "open the diagram" button.
      return block.url
        ? [
            {
              type: 'Image',
              url: block.url,
              altText: block.alt,
              spacing: 'medium',
              selectAction: { type: 'Action.OpenUrl', title: block.linkLabel, url: block.link },
            },
          ]
        : [textBlock(`[${escapeMarkdown(block.linkLabel)}](${block.link})`, { spacing: 'medium' })];
    case 'choices':
      return block.items.map((item) => ({
        type: 'ColumnSet',
        separator: true,
        spacing: 'small',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            verticalContentAlignment: 'center',
            items: [
              textBlock(escapeMarkdown(item.title), { weight: 'bolder' }),
              ...(item.detail
                ? [
                    textBlock(escapeMarkdown(item.detail), {
                      isSubtle: true,
                      size: 'small',
                      spacing: 'none',
                    }),
                  ]
                : []),
            ],
          },
          {
            type: 'Column',
            width: 'auto',
            verticalContentAlignment: 'center',
            items: [{ type: 'ActionSet', actions: [button(item.button, lang)] }],
          },
        ],
      }));
    case 'actions':
      return [
        {
          type: 'ActionSet',
          spacing: 'medium',
          actions: block.buttons.map((b) => button(b, lang)),
        },
      ];
    case 'feedback': {
      if (o.unfurl) return [];
      if (o.note !== undefined) {
        const offer = o.noteHandoff;
        return [
          textBlock(escapeMarkdown(o.note), {
            isSubtle: true,
            size: 'small',
            spacing: 'medium',
            separator: true,
          }),
          ...(offer
            ? [
                {
                  type: 'ActionSet' as const,
                  spacing: 'small' as const,
                  actions: [button(askPersonButton(lang, offer), lang)],
                },
              ]
            : []),
        ];
      }
      const vote = {
        caseId: block.caseId,
        query: block.query,
        section: block.section,
      };
      return [
        textBlock(escapeMarkdown(block.question), {
          isSubtle: true,
          size: 'small',
          spacing: 'medium',
          separator: true,
        }),
        {
          type: 'ActionSet',
          spacing: 'small',
          actions: [
            feedbackAction(block.yes, { ...vote, helpful: true }, lang),
            feedbackAction(block.no, { ...vote, helpful: false }, lang),
            ...(block.handoff ? [button(block.handoff, lang)] : []),
          ],
        },
      ];
    }
  }
}

/**
 * The card model as an Adaptive Card 1.5: every button inside the body, one row each; `note`
 * replaces the 👍/👎 row, and an unfurl has none.
 */
export function cardToAdaptive(
  card: Card,
  o: { note?: string; noteHandoff?: HandoffOffer; unfurl?: boolean } = {},
): AdaptiveCard {
  const mentions: Mentions = new Map();
  const body = card.blocks.flatMap((b) => element(b, card.lang, mentions, o));
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    // Two-letter codes: Microsoft's parser rejects region tags such as zh-CN.
    lang: card.lang,
    fallbackText: plain(cardText(card, { color: false }), MAX_FALLBACK_CHARS),
    body,
    ...(mentions.size > 0 && { msteams: { entities: [...mentions.values()] } }),
  };
}

/** An Answer as an Adaptive Card 1.5 for Teams. Pure: no I/O. */
export function renderAdaptiveCard(answer: Answer, options: AdaptiveCardOptions): AdaptiveCard {
  return cardToAdaptive(
    answerCard(answer, {
      diagrams: options.diagrams,
      surface: 'teams',
      ...(options.daily && { daily: true }),
      ...(options.casesUrl && { casesUrl: options.casesUrl }),
      ...(options.handoffLink && { handoffLink: options.handoffLink }),
    }),
    options,
  );
}
