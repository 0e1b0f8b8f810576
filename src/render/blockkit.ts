import type { Lang } from '../catalog/schema.js';
import type { Answer, HandoffOffer } from '../core/model.js';
import { actionId, type CardAction } from './blockkit-actions.js';
import { Blocks, button, feedbackSide, LIMITS, slackWord } from './blockkit-parts.js';
import type { Button, KnownBlock, RichTextCell } from './blockkit-types.js';
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
import { label } from './labels.js';
import { clip, escapeMrkdwn, link, mention, safe } from './mrkdwn.js';
import { joinCells } from './text.js';

export interface BlockKitOptions {
  readonly diagrams: DiagramOptions;
  /** Show the diagram as an image block (default true); the editor link stays either way. */
  readonly image?: boolean;
  /** Add a "Share in channel" button (ephemeral answers). */
  readonly shareable?: boolean;
  /** The Slack user id of whoever shared the card into the channel. */
  readonly sharedBy?: string;
  /** A short plain-text note that replaces the 👍/👎 row (e.g. the thanks after a vote). */
  readonly note?: string;
  /** An "Ask a person" button beside the note (the thanks after a 👎). */
  readonly noteHandoff?: HandoffOffer;
  /** A hand-off posted in the experts channel: the link back to where it was asked. */
  readonly handoffLink?: string;
  /** A tip posted by the daily schedule ("Tip of the day") rather than asked for. */
  readonly daily?: boolean;
  /** CASES_URL: case cards link to their case file. */
  readonly casesUrl?: string;
  /**
   * The card unfurls a pasted link (an attachment under someone's message): no 👍/👎 (there was
   * no question), and tables as two columns, which every unfurl shows.
   */
  readonly unfurl?: boolean;
}
export type CardOptions = BlockKitOptions;

/** A Slack message: `text` is the notification / screen-reader fallback and is always filled. */
export interface BlockKitMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * A person or a channel as Slack mentions it: `<@U…>` (a user), `<!subteam^S…>` (a user group),
 * `<#C…>` (a channel). Only for ids from the casebook, the config or Slack itself; never typed text.
 */
function slackMention(id: string): string | null {
  if (/^[UW][A-Z0-9]{2,}$/.test(id)) return `<@${id}>`;
  if (/^S[A-Z0-9]{2,}$/.test(id)) return `<!subteam^${id}>`;
  if (/^[CG][A-Z0-9]{2,}$/.test(id)) return `<#${id}>`;
  return null;
}

/** Mentions, times (in the reader's zone) and links: the spans Slack shows natively. */
function special(s: Span): string | null {
  const id = s.mention?.slack;
  if (id) return slackMention(id);
  if (s.time) {
    const epoch = Math.floor(s.time.getTime() / 1000);
    return `<!date^${epoch}^{date_short_pretty} {time}|${escapeMrkdwn(s.text)}>`;
  }
  return null;
}

/** Slack mrkdwn: bold for the highlighted part, `code` for commands; the rest escaped. */
function mrkdwn(r: Rich, max = 2900): string {
  return clip(
    r
      .map((s) => {
        if (s.user) return mention(s.user);
        const native = special(s);
        if (native) return native;
        const text = escapeMrkdwn(s.text.replace(/[*`]/g, (c) => (c === '*' ? '∗' : 'ˋ')));
        if (!text.trim()) return text;
        const lead = text.match(/^\s*/)![0];
        const trail = text.match(/\s*$/)![0];
        const core = text.trim();
        if (s.href) return `${lead}${link(s.href, s.text.trim())}${trail}`;
        if (s.code) return `${lead}\`${core}\`${trail}`;
        return s.strong ? `${lead}*${core}*${trail}` : text;
      })
      .join(''),
    max,
  );
}

/** A table cell as rich text: bold and code kept, links as links (rich text needs no escaping). */
function richCell(r: Rich, bold = false): RichTextCell {
  const runs = r
    .filter((s) => s.text !== '')
    .map((s) =>
      s.href
        ? { type: 'link' as const, url: s.href, text: s.text }
        : {
            type: 'text' as const,
            text: s.text,
            ...((bold || s.strong || s.code) && {
              style: { ...((bold || s.strong) && { bold: true }), ...(s.code && { code: true }) },
            }),
          },
    );
  return {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: runs.length > 0 ? runs : [{ type: 'text', text: '—' }],
      },
    ],
  };
}

/** A figures table as lines of text, for the notification text (which a table never reaches). */
function tableLines(block: Extract<CardBlock, { kind: 'table' }>, lang: Lang): string[] {
  const colon = lang === 'zh' ? '：' : ': ';
  return block.rows.map((row) => {
    const [first, ...rest] = row;
    const tail = joinCells(rest.map(plainOf), block.join).join('');
    return `${plainOf(first ?? [])}${colon}${tail}`;
  });
}

function toAction(b: CardButton, lang: Lang): CardAction {
  const a = b.action;
  switch (a.kind) {
    case 'show':
      return { kind: 'show', caseId: a.caseId, section: a.section, lang };
    case 'ask':
      return { kind: 'ask', text: a.text, lang };
    case 'dismiss':
      return { kind: 'dismiss', caseId: a.caseId, query: a.query, lang };
    case 'handoff':
      return { kind: 'handoff', question: a.question, caseId: a.caseId, lang };
    case 'handoff-answered':
      return { kind: 'answered', handoffId: a.handoffId, lang };
  }
}

function slackButton(b: CardButton, lang: Lang, suffix: string): Button {
  return button(b.label, toAction(b, lang), suffix, b.primary ? 'primary' : undefined);
}

function shareButton(card: Card): Button | null {
  const s = card.share;
  if (!s) return null;
  const action: CardAction =
    'caseId' in s
      ? { kind: 'share', caseId: s.caseId, section: s.section, lang: card.lang }
      : { kind: 'share', text: s.text, lang: card.lang };
  return button(`📣 ${label('share', card.lang)}`, action, 'share');
}

function add(b: Blocks, block: CardBlock, card: Card, o: BlockKitOptions, n: number): void {
  const { lang } = card;
  switch (block.kind) {
    case 'title':
      b.header('title', block.text);
      if (o.sharedBy)
        b.context('shared-by', [label('sharedBy', lang, { user: mention(o.sharedBy) })]);
      return;
    case 'lead':
      b.section('lead', mrkdwn(block.text));
      return;
    case 'text':
      b.section('text', mrkdwn(block.text));
      return;
    case 'context':
      b.context('context', [mrkdwn(block.text)]);
      return;
    case 'heading':
      b.header('heading', block.text);
      return;
    case 'bullets':
      b.section('bullets', block.items.map((i) => `•  ${mrkdwn(i, 800)}`).join('\n'));
      return;
    case 'table': {
      if (block.figures && !o.unfurl) {
        const head = block.columns.map((c) => richCell([{ text: c }], true));
        b.table(block.id, [head, ...block.rows.map((row) => row.map((cell) => richCell(cell)))]);
        return;
      }
      // Two columns: the first cell, then the others joined; the header row in bold.
      const head = [block.columns[0] ?? '', joinCells(block.columns.slice(1), block.join).join('')];
      const fields = [
        ...head.map((h) => `*${safe(h, 300)}*`),
        ...block.rows.flatMap((row) => {
          const [first, ...rest] = row;
          const tail = joinCells(rest, block.join)
            .map((c) => (typeof c === 'string' ? escapeMrkdwn(c) : mrkdwn(c, 600)))
            .join('');
          return [mrkdwn(first ?? [], 600), tail];
        }),
      ];
      b.fields(block.id, fields);
      return;
    }
    case 'image':
      if (o.image !== false && block.url) b.image('diagram', block.url, block.alt, block.alt);
      if (block.link.length <= 2800)
        b.context('diagram-edit', [`✏️ ${link(block.link, block.linkLabel)}`]);
      return;
    case 'choices':
      block.items.forEach((item, i) => {
        b.section(
          `${block.id}-${i}`,
          `*${safe(item.title, 200)}*${item.detail ? `\n${safe(item.detail, 600)}` : ''}`,
          { accessory: slackButton(item.button, lang, `${block.id}-${i}`) },
        );
      });
      return;
    case 'actions': {
      const buttons = block.buttons.map((x, i) => slackButton(x, lang, `${block.id}-${n}-${i}`));
      b.actions(block.id, buttons);
      return;
    }
    case 'feedback': {
      if (o.unfurl) return;
      if (o.note !== undefined) {
        b.context('feedback-note', [safe(o.note, 500)]);
        if (o.noteHandoff) {
          b.actions('handoff', [slackButton(askPersonButton(lang, o.noteHandoff), lang, 'note')]);
        }
        return;
      }
      const vote = (helpful: boolean): CardAction => ({
        kind: 'feedback',
        caseId: block.caseId,
        section: block.section,
        helpful,
        query: block.query,
        lang,
      });
      // Slack's own feedback buttons; each side's value is the vote it records.
      b.context('feedback-ask', [escapeMrkdwn(block.question)]);
      b.feedback('feedback', {
        type: 'feedback_buttons',
        action_id: actionId('feedback', 'vote'),
        positive_button: feedbackSide(block.yes, vote(true), slackWord('votedHelpful', lang)),
        negative_button: feedbackSide(block.no, vote(false), slackWord('votedNotHelpful', lang)),
      });
      // "Ask a person" cannot sit among Slack's own thumbs: its own row, right under them.
      if (block.handoff)
        b.actions('feedback-handoff', [slackButton(block.handoff, lang, 'feedback')]);
      return;
    }
  }
}

/** The card model as Block Kit. */
export function cardToBlocks(card: Card, o: BlockKitOptions): KnownBlock[] {
  const b = new Blocks();
  card.blocks.forEach((block, n) => {
    add(b, block, card, o, n);
  });
  const share = o.shareable ? shareButton(card) : null;
  if (share) {
    // Beside the last row of buttons before the feedback, or a row of its own.
    const rows = b.list.filter((x) => x.type === 'actions' && x.block_id !== 'feedback');
    const last = rows[rows.length - 1];
    if (last && last.type === 'actions') last.elements.push({ ...share, style: 'primary' });
    else b.actions('share', [{ ...share, style: 'primary' }]);
  }
  return b.list;
}

/**
 * The notification text: one line that says what the card says, then the figures of its table
 * (screen readers and clients that cannot draw a table still get every figure).
 */
function messageText(card: Card): string {
  const figures = card.blocks.flatMap((b) =>
    b.kind === 'table' && b.figures ? tableLines(b, card.lang) : [],
  );
  return safe([card.summary, ...figures].join('\n'), 3000);
}

/** The notification text of an answer, as its Slack message carries it. */
export function fallbackText(answer: Answer, diagrams?: DiagramOptions): string {
  return messageText(
    answerCard(answer, {
      diagrams: diagrams ?? { renderer: 'none', baseUrl: '' },
      surface: 'slack',
    }),
  );
}

/** Every character of text in the blocks (what Slack counts against `msg_blocks_too_long`). */
export function blocksTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'alt_text' || key === 'image_url' || key === 'value')
        total += value.length;
    } else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(blocks);
  return total;
}

/** The same message without image blocks (when Slack could not download the diagram). */
export function withoutImages(message: BlockKitMessage): BlockKitMessage {
  return { text: message.text, blocks: message.blocks.filter((b) => b.type !== 'image') };
}

/** Answer → Block Kit message, inside Slack's limits, in the answer's language. */
export function renderBlockKit(answer: Answer, options: BlockKitOptions): BlockKitMessage {
  const card = answerCard(answer, {
    diagrams: options.diagrams,
    surface: 'slack',
    ...(options.daily && { daily: true }),
    ...(options.casesUrl && { casesUrl: options.casesUrl }),
    ...(options.handoffLink && { handoffLink: options.handoffLink }),
  });
  return renderCardBlockKit(card, options);
}

/** A card (not only an answer's: a hand-off's note, the weekly report) as a Block Kit message. */
export function renderCardBlockKit(card: Card, options: BlockKitOptions): BlockKitMessage {
  let blocks = cardToBlocks(card, options).slice(0, LIMITS.blocks);
  // Too much text for one message: drop sections from the end (the actions stay).
  while (blocksTextLength(blocks) > LIMITS.totalText && blocks.length > 2) {
    const i = blocks.map((x) => x.type).lastIndexOf('section');
    if (i <= 0) break;
    blocks = blocks.filter((_, n) => n !== i);
  }
  return { text: messageText(card), blocks };
}

export { renderHomeView } from './blockkit-home.js';
