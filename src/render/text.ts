import type { Answer } from '../core/model.js';
import type { Card, CardBlock, Rich } from './card-model.js';
import { answerCard } from './cards.js';
import type { DiagramOptions } from './diagram.js';

export interface TextOptions {
  /** ANSI colour (a TTY); plain text when piped. */
  readonly color: boolean;
  readonly diagrams: DiagramOptions;
  /** CASES_URL: case cards link to their case file. */
  readonly casesUrl?: string;
}

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Style = { bold: ansi(1, 22), dim: ansi(2, 22), accent: ansi(36, 39) };
const id = (s: string) => s;
const PLAIN: Style = { bold: id, dim: id, accent: id };

/** Control characters from data never reach the terminal (no escape-sequence injection). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

function line(st: Style, r: Rich): string {
  return r
    .map((s) => {
      const t = clean(s.text);
      if (s.href) return `${st.accent(t)} ${st.dim(`(${clean(s.href)})`)}`;
      return s.strong ? st.bold(t) : s.code ? st.accent(t) : t;
    })
    .join('');
}

/** Cells 2… of a table row joined the way narrow renderers show them. */
export function joinCells<T>(
  cells: readonly T[],
  join: readonly string[] | undefined,
): (T | string)[] {
  const out: (T | string)[] = [];
  cells.forEach((c, i) => {
    if (i > 0) out.push(join?.[Math.min(i - 1, join.length - 1)] ?? ' · ');
    out.push(c);
  });
  return out;
}

function blockLines(st: Style, b: CardBlock, buttons: boolean, colon: string): string[] {
  switch (b.kind) {
    case 'title':
      return [st.bold(st.accent(clean(b.text)))];
    case 'lead':
      return [line(st, b.text)];
    case 'text':
      return [line(st, b.text)];
    case 'context':
      return [st.dim(line(st, b.text))];
    case 'heading':
      return ['', st.bold(clean(b.text))];
    case 'bullets':
      return b.items.map((i) => `  • ${line(st, i)}`);
    case 'table': {
      const head = st.dim(
        `  ${b.columns[0]}${colon}${joinCells(b.columns.slice(1), b.join).join('')}`,
      );
      return [
        head,
        ...b.rows.map((row) => {
          const [first, ...rest] = row;
          const tail = joinCells(rest, b.join)
            .map((c) => (typeof c === 'string' ? c : line(st, c)))
            .join('');
          return `  • ${line(st, first ?? [])}${colon}${tail}`;
        }),
      ];
    }
    case 'image':
      return [
        ...(b.url ? [`  ${st.dim('PNG:')} ${b.url}`] : []),
        `  ${st.dim(`${clean(b.linkLabel)}:`)} ${b.link}`,
      ];
    case 'choices':
      return b.items.flatMap((i) => [
        `  • ${st.bold(clean(i.title))}`,
        ...(i.detail ? [`    ${st.dim(clean(i.detail))}`] : []),
      ]);
    case 'actions':
      return buttons ? [st.dim(b.buttons.map((x) => `[${clean(x.label)}]`).join(' '))] : [];
    case 'feedback':
      return [];
  }
}

/** The card model as terminal text; `buttons` lists the button labels (the console). */
export function cardText(card: Card, o: { color: boolean; buttons?: boolean }): string {
  const st = o.color ? COLOR : PLAIN;
  const colon = card.lang === 'zh' ? '：' : ': ';
  return card.blocks.flatMap((b) => blockLines(st, b, o.buttons ?? false, colon)).join('\n');
}

/** An Answer as terminal text: colour on a TTY, clean when piped. Same blocks as the cards. */
export function renderText(answer: Answer, options: TextOptions): string {
  const context = {
    diagrams: options.diagrams,
    surface: 'text' as const,
    ...(options.casesUrl && { casesUrl: options.casesUrl }),
  };
  return cardText(answerCard(answer, context), {
    color: options.color,
    buttons: true,
  });
}
