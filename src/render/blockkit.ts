import type { Case, Lang } from '../catalog/schema.js';
import type {
  Answer,
  HelpAnswer,
  ListAnswer,
  NoMatchAnswer,
  NoticeAnswer,
  TipAnswer,
} from '../core/model.js';
import { type CardOptions, renderCaseBlocks, renderCompareBlocks } from './blockkit-case.js';
import { Blocks, button, LIMITS, slackWord } from './blockkit-parts.js';
import type { KnownBlock } from './blockkit-types.js';
import { label, stars } from './labels.js';
import { clip, escapeMrkdwn, mention, safe } from './mrkdwn.js';

export type BlockKitOptions = CardOptions;

/** A Slack message: `text` is the notification / screen-reader fallback and is always filled. */
export interface BlockKitMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const TONE_EMOJI: Record<NoticeAnswer['tone'], string> = {
  success: '✅',
  info: 'ℹ️',
  warning: '⚠️',
  error: '❌',
};

function caseRow(b: Blocks, c: Case, lang: Lang, suffix: string): void {
  b.section(
    `case-${c.id}`,
    `*${safe(c.title[lang], 200)}*  ${stars(c.rating)}\n${safe(c.summary[lang], 800)}`,
    {
      accessory: button(
        label('open', lang),
        { kind: 'show', caseId: c.id, section: null, lang },
        `${suffix}-${c.id}`,
      ),
    },
  );
}

/** Room for case rows once the header, intro and actions are in (two blocks per row at most). */
const MAX_ROWS = 20;

function renderList(a: ListAnswer, o: CardOptions, b: Blocks): void {
  const { lang } = a;
  b.header('title', `📚 ${label('casebook', lang)}`);
  b.context('intro', [label('listIntro', lang)]);
  if (o.sharedBy) b.context('shared-by', [label('sharedBy', lang, { user: mention(o.sharedBy) })]);
  b.divider();
  for (const c of a.cases.slice(0, MAX_ROWS)) caseRow(b, c, lang, 'list');
  if (o.shareable) {
    b.divider();
    b.actions('navigate', [
      button(
        `📣 ${label('share', lang)}`,
        { kind: 'share', text: 'list', lang },
        'list',
        'primary',
      ),
    ]);
  }
}

function renderHelp(a: HelpAnswer, o: CardOptions, b: Blocks): void {
  const { lang } = a;
  b.header('title', `👋 ${label('helpTitle', lang)}`);
  if (a.intro) b.section('intro', safe(a.intro, 1000));
  const lines = a.commands.map(
    (c) => `\`/case ${safe(c.usage, 200)}\`  —  ${safe(c.description, 600)}`,
  );
  // Several sections if the list is long (3,000 characters each).
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) b.section('commands', chunk.join('\n'));
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join('\n').length > LIMITS.sectionText) flush();
    chunk.push(line);
  }
  flush();
  b.context('where', [slackWord('helpWhere', lang)]);
  if (o.shareable) {
    b.actions('navigate', [
      button(
        `📣 ${label('share', lang)}`,
        { kind: 'share', text: 'help', lang },
        'help',
        'primary',
      ),
    ]);
  }
}

function renderTip(a: TipAnswer, b: Blocks): void {
  const { lang } = a;
  b.header('title', `💡 ${label('tipTitle', lang)}`);
  b.section('tip', safe(a.tip.text[lang], 2000));
  if (a.case) {
    const c = a.case;
    b.context('tip-case', [
      `${label('case', lang)}: *${safe(c.title[lang], 200)}*  ${stars(c.rating)}`,
    ]);
    b.actions('navigate', [
      button(
        `📘 ${label('readCase', lang)}`,
        { kind: 'show', caseId: c.id, section: null, lang },
        'read',
        'primary',
      ),
    ]);
  }
}

function renderNoMatch(a: NoMatchAnswer, b: Blocks): void {
  const { lang } = a;
  b.header('title', `🔎 ${label('noMatchTitle', lang)}`);
  b.section('no-match', label('noMatch', lang, { query: safe(a.query, 200) }));
  b.divider();
  for (const c of a.cases.slice(0, MAX_ROWS)) caseRow(b, c, lang, 'browse');
  b.context('help', [slackWord('tryHelp', lang)]);
}

function renderNotice(a: NoticeAnswer, b: Blocks): void {
  b.section('notice', `${TONE_EMOJI[a.tone]} ${safe(a.text, 2900)}`);
}

/** The notification text: one line that says what the card says. */
export function fallbackText(answer: Answer): string {
  const { lang } = answer;
  switch (answer.kind) {
    case 'case':
      return `${escapeMrkdwn(answer.case.title[lang])}: ${safe(answer.case.summary[lang], 600)}`;
    case 'list':
      return `${label('casebook', lang)}: ${answer.cases.map((c) => safe(c.title[lang], 100)).join(', ')}`;
    case 'help':
      return label('helpTitle', lang);
    case 'compare':
      return escapeMrkdwn(
        label('compareTitle', lang, {
          a: answer.cases[0].title[lang],
          b: answer.cases[1].title[lang],
        }),
      );
    case 'tip':
      return `💡 ${safe(answer.tip.text[lang], 600)}`;
    case 'no-match':
      return label('noMatch', lang, { query: safe(answer.query, 200) });
    case 'notice':
      return `${TONE_EMOJI[answer.tone]} ${safe(answer.text, 2900)}`;
  }
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
  const b = new Blocks();
  switch (answer.kind) {
    case 'case':
      renderCaseBlocks(answer, options, b);
      break;
    case 'compare':
      renderCompareBlocks(answer, options, b);
      break;
    case 'list':
      renderList(answer, options, b);
      break;
    case 'help':
      renderHelp(answer, options, b);
      break;
    case 'tip':
      renderTip(answer, b);
      break;
    case 'no-match':
      renderNoMatch(answer, b);
      break;
    case 'notice':
      renderNotice(answer, b);
      break;
  }
  let blocks = b.list.slice(0, LIMITS.blocks);
  // Too much text for one message: drop sections from the end (the actions stay).
  while (blocksTextLength(blocks) > LIMITS.totalText && blocks.length > 2) {
    const i = blocks.map((x) => x.type).lastIndexOf('section');
    if (i <= 0) break;
    blocks = blocks.filter((_, n) => n !== i);
  }
  return { text: clip(fallbackText(answer), 3000), blocks };
}

export { renderHomeView } from './blockkit-home.js';
