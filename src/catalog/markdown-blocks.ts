/**
 * The few Markdown block kinds a casebook document is written in, read line by line with their
 * line numbers (1-based) so every complaint can say where. Not a Markdown parser: enough for
 * documents shaped like the seed (headings, pipe tables, lists, bold labels, fenced code).
 */
export type Block =
  | {
      readonly kind: 'heading';
      readonly line: number;
      readonly level: number;
      readonly text: string;
    }
  | { readonly kind: 'table'; readonly line: number; readonly rows: readonly TableRow[] }
  | { readonly kind: 'fence'; readonly line: number; readonly info: string; readonly body: string }
  | { readonly kind: 'list'; readonly line: number; readonly items: readonly Item[] }
  | { readonly kind: 'label'; readonly line: number; readonly label: string; readonly rest: string }
  | { readonly kind: 'paragraph'; readonly line: number; readonly text: string };

export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** A `|---|---|` row. */
  readonly separator: boolean;
}

export interface Item {
  readonly line: number;
  readonly text: string;
}

/** Bold markers and surrounding space off a cell or label: `**集装箱化**` → `集装箱化`. */
export const plain = (text: string) => text.replace(/\*\*/g, '').trim();

const SEPARATOR_CELL = /^:?-{3,}:?$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
/** `**业务背景**：`, `**Challenges**:`, `**适用场景**：案例参考` */
const LABEL = /^\*\*([^*]+?)\*\*\s*[:：]\s*(.*)$/;

function tableRow(text: string, line: number): TableRow {
  const inner = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = inner.split('|').map((c) => plain(c));
  return { line, cells, separator: cells.every((c) => SEPARATOR_CELL.test(c)) };
}

/** Splits a document into blocks. Horizontal rules and blank lines only separate blocks. */
export function readBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? '';
    const line = i + 1;
    const trimmed = text.trim();
    i++;
    if (trimmed === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(trimmed)) continue;
    const heading = /^(#{1,6})(?:\s+(.*?))?\s*#*\s*$/.exec(trimmed);
    if (heading) {
      blocks.push({
        kind: 'heading',
        line,
        level: heading[1]?.length ?? 1,
        text: heading[2] ?? '',
      });
      continue;
    }
    const fence = /^(```+|~~~+)\s*(\S*)/.exec(trimmed);
    if (fence) {
      const close = fence[1] ?? '```';
      const body: string[] = [];
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(close))
        body.push(lines[i++] ?? '');
      i++; // the closing fence (or the end of the document)
      blocks.push({ kind: 'fence', line, info: fence[2] ?? '', body: body.join('\n') });
      continue;
    }
    if (trimmed.startsWith('|')) {
      const rows = [tableRow(trimmed, line)];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        rows.push(tableRow(lines[i] ?? '', i + 1));
        i++;
      }
      blocks.push({ kind: 'table', line, rows });
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item) {
      const items = [{ line, text: plain(item[1] ?? '') }];
      for (let next = LIST_ITEM.exec(lines[i] ?? ''); next; next = LIST_ITEM.exec(lines[i] ?? '')) {
        items.push({ line: i + 1, text: plain(next[1] ?? '') });
        i++;
      }
      blocks.push({ kind: 'list', line, items });
      continue;
    }
    const label = LABEL.exec(trimmed);
    if (label) {
      blocks.push({
        kind: 'label',
        line,
        label: plain(label[1] ?? ''),
        rest: plain(label[2] ?? ''),
      });
      continue;
    }
    const paragraph = [trimmed];
    while (i < lines.length && isParagraphLine(lines[i] ?? ''))
      paragraph.push((lines[i++] ?? '').trim());
    blocks.push({ kind: 'paragraph', line, text: paragraph.join(' ') });
  }
  return blocks;
}

function isParagraphLine(text: string): boolean {
  const t = text.trim();
  return (
    t !== '' && !/^(#|```|~~~|\||-{3,}$|\*{3,}$)/.test(t) && !LIST_ITEM.test(text) && !LABEL.test(t)
  );
}
