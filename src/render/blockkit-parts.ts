import type { Lang } from '../catalog/schema.js';
import { actionId, type CardAction, encodeAction } from './blockkit-actions.js';
import type {
  ActionsBlock,
  Button,
  ContextActionsBlock,
  ContextBlock,
  DividerBlock,
  FeedbackButtons,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  RichTextCell,
  SectionBlock,
  TableBlock,
} from './blockkit-types.js';
import { clip, plain } from './mrkdwn.js';

/** Slack's documented Block Kit limits (messages and views). */
export const LIMITS = {
  blocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  altText: 2000,
  imageTitle: 2000,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  /** Slack rejects messages past ~12,000 characters of text with `msg_blocks_too_long`. */
  totalText: 11_500,
  /** A table: rows (the header row included), cells per row, and its cells' text together. */
  tableRows: 100,
  tableCells: 20,
  tableText: 10_000,
} as const;

/**
 * Builds blocks with unique `block_id`s; every text is clipped to its limit here, so the
 * renderers can think about content, not counting.
 */
export class Blocks {
  readonly list: KnownBlock[] = [];
  private readonly used = new Set<string>();

  private id(base: string): string {
    const clean = base.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, LIMITS.blockId - 8);
    let id = clean;
    for (let n = 2; this.used.has(id); n++) id = `${clean}-${n}`;
    this.used.add(id);
    return id;
  }

  header(id: string, text: string): this {
    const block: HeaderBlock = {
      type: 'header',
      block_id: this.id(id),
      text: { type: 'plain_text', text: plain(text, LIMITS.header), emoji: true },
    };
    this.list.push(block);
    return this;
  }

  /** `text` is mrkdwn the caller already escaped. */
  section(id: string, text: string, extra: Partial<SectionBlock> = {}): this {
    const block: SectionBlock = {
      type: 'section',
      block_id: this.id(id),
      text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
      ...extra,
    };
    this.list.push(block);
    return this;
  }

  /** Fields (already escaped mrkdwn), ten per section at most; more become further sections. */
  fields(id: string, fields: readonly string[], text?: string): this {
    if (fields.length === 0) return text ? this.section(id, text) : this;
    for (let i = 0; i < fields.length; i += LIMITS.fields) {
      const block: SectionBlock = {
        type: 'section',
        block_id: this.id(id),
        fields: fields
          .slice(i, i + LIMITS.fields)
          .map((f) => ({ type: 'mrkdwn', text: clip(f, LIMITS.fieldText) })),
      };
      if (text && i === 0) block.text = { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) };
      this.list.push(block);
    }
    return this;
  }

  /** Context elements are mrkdwn the caller already escaped. */
  context(id: string, elements: readonly string[]): this {
    const items = elements.filter((e) => e.length > 0).slice(0, LIMITS.contextElements);
    if (items.length === 0) return this;
    const block: ContextBlock = {
      type: 'context',
      block_id: this.id(id),
      elements: items.map((e) => ({ type: 'mrkdwn', text: clip(e, LIMITS.sectionText) })),
    };
    this.list.push(block);
    return this;
  }

  divider(): this {
    const block: DividerBlock = { type: 'divider', block_id: this.id('divider') };
    this.list.push(block);
    return this;
  }

  image(id: string, url: string, alt: string, title: string): this {
    if (url.length > LIMITS.url) return this;
    const block: ImageBlock = {
      type: 'image',
      block_id: this.id(id),
      image_url: url,
      alt_text: plain(alt, LIMITS.altText),
      title: { type: 'plain_text', text: plain(title, LIMITS.imageTitle), emoji: true },
    };
    this.list.push(block);
    return this;
  }

  /**
   * A native table: the first row is the header. Rows and cells past Slack's limits are dropped,
   * and every cell's text is shortened so that the table's text stays within its limit.
   */
  table(id: string, rows: readonly (readonly RichTextCell[])[]): this {
    const kept = rows.slice(0, LIMITS.tableRows).map((r) => r.slice(0, LIMITS.tableCells));
    const cells = kept.reduce((n, r) => n + r.length, 0);
    const perCell = Math.floor(LIMITS.tableText / Math.max(1, cells));
    const block: TableBlock = {
      type: 'table',
      block_id: this.id(id),
      column_settings: (kept[0] ?? []).map(() => ({ is_wrapped: true })),
      rows: kept.map((r) => r.map((cell) => clipCell(cell, perCell))),
    };
    this.list.push(block);
    return this;
  }

  /** Slack's own 👍/👎 (messages only). */
  feedback(id: string, buttons: FeedbackButtons): this {
    const block: ContextActionsBlock = {
      type: 'context_actions',
      block_id: this.id(id),
      elements: [buttons],
    };
    this.list.push(block);
    return this;
  }

  actions(id: string, buttons: readonly Button[]): this {
    if (buttons.length === 0) return this;
    const block: ActionsBlock = {
      type: 'actions',
      block_id: this.id(id),
      elements: buttons.slice(0, LIMITS.actionsElements),
    };
    this.list.push(block);
    return this;
  }
}

/** A cell whose text runs are shortened to `max` characters in all (never empty). */
function clipCell(cell: RichTextCell, max: number): RichTextCell {
  let left = max;
  return {
    type: 'rich_text',
    elements: cell.elements.map((section) => ({
      ...section,
      elements: section.elements.map((e) => {
        if (e.type !== 'text') return e;
        const text = left <= 0 ? '' : e.text.length <= left ? e.text : clip(e.text, left);
        left -= text.length;
        return { ...e, text: text || '…' };
      }),
    })),
  };
}

/** A button that carries a CardAction; `suffix` keeps the action id unique in its message. */
export function button(
  text: string,
  action: CardAction,
  suffix: string,
  style?: 'primary' | 'danger',
): Button {
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: plain(text, LIMITS.buttonText), emoji: true },
    action_id: actionId(action.kind, suffix),
    value: encodeAction(action),
  };
  if (style) b.style = style;
  return b;
}

/** One side of Slack's feedback buttons: its label, what it records, what screen readers say. */
export function feedbackSide(
  text: string,
  action: CardAction,
  accessibilityLabel: string,
): FeedbackButtons['positive_button'] {
  return {
    text: { type: 'plain_text', text: plain(text, LIMITS.buttonText), emoji: true },
    value: encodeAction(action),
    accessibility_label: plain(accessibilityLabel, LIMITS.buttonText),
  };
}

/** Words only the Slack renderer needs, in both languages. */
const SLACK_WORDS = {
  helpWhere: {
    en: 'Use `/case …` anywhere, mention @casebot in a channel or thread, or just write to me in a direct message.',
    zh: '在任何地方输入 `/case …`，在频道或话题中 @casebot，或直接给我发私信。',
  },
  homeHowTo: { en: 'How to use', zh: '使用方法' },
  autoHint: {
    en: '`/case auto on` in a channel: casebot answers questions there without a mention, in their thread, only when sure.',
    zh: '在频道中输入 `/case 自动回答 开启`：casebot 无需 @ 即在话题中回答那里的问题，只在有把握时。',
  },
  votedHelpful: {
    en: 'Yes, this answer was helpful',
    zh: '是的，这个回答有帮助',
  },
  votedNotHelpful: {
    en: 'No, this answer was not helpful',
    zh: '不，这个回答没有帮助',
  },
  subscribeHint: {
    en: '`/case subscribe 09:00 Europe/Berlin` posts a daily tip to a channel.',
    zh: '`/case 订阅 09:00 Asia/Shanghai` 每天向频道发送一条技巧。',
  },
} as const;

export function slackWord(key: keyof typeof SLACK_WORDS, lang: Lang): string {
  return SLACK_WORDS[key][lang];
}
