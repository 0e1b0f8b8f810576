import {
  type CaseSection,
  caseTitle,
  headerText,
  norm,
  principleNamed,
  SCENE_LABELS,
  SECTION_NAMES,
  SECTION_WORDS,
  type TableKind,
} from './import-labels.js';
import type { Block } from './markdown-blocks.js';
import type { Lang } from './model.js';
import type { CaseFile, PrincipleDef } from './schema.js';

/*
 * One case chapter of a casebook document: its scene (background, challenges), solution table,
 * mermaid diagram and metrics table, read into a case file.
 */

/** A `##` chapter: its title without the number, the `{#id}` it may carry, its blocks. */
export interface Chapter {
  readonly line: number;
  readonly title: string;
  readonly id?: string;
  readonly blocks: readonly Block[];
}

export type Fail = (line: number, message: string) => void;

export interface Draft {
  readonly chapter: Chapter;
  readonly title: string;
  readonly summary: string[];
  readonly background: string[];
  readonly challenges: string[];
  readonly solutions: CaseFile['solutions'][number][];
  readonly metrics: NonNullable<CaseFile['metrics']>[number][];
  diagram?: string;
  rating?: number;
}

export type ReadTable = (
  kind: TableKind,
  table: Extract<Block, { kind: 'table' }>,
) => { line: number; cells: string[] }[];

export function readCase(
  chapter: Chapter,
  lang: Lang,
  principles: readonly PrincipleDef[],
  readTable: ReadTable,
  fail: Fail,
): Draft {
  const draft: Draft = {
    chapter,
    title: caseTitle(chapter.title),
    summary: [],
    background: [],
    challenges: [],
    solutions: [],
    metrics: [],
  };
  let section: CaseSection | undefined;
  let sectionLine = chapter.line;
  let found = false; // the section's table or diagram
  let list: string[] | undefined;
  const seen = new Set<CaseSection>();
  const labels =
    lang === 'zh' ? '**业务背景**： or **技术挑战**：' : '**Background**: or **Challenges**:';
  const close = () => {
    if (found || section === undefined || section === 'scene') return;
    fail(
      sectionLine,
      section === 'architecture'
        ? 'expected a ```mermaid block in the architecture section'
        : `expected the ${section} table ${headerText(section, lang)}`,
    );
  };

  for (const block of chapter.blocks) {
    if (block.kind === 'heading') {
      close();
      section = block.level === 3 ? sectionOf(block.text) : section;
      sectionLine = block.line;
      found = false;
      list = undefined;
      if (section) seen.add(section);
      else fail(block.line, `expected a case section: ${SECTION_NAMES}, not "${block.text}"`);
      continue;
    }
    if (block.kind === 'paragraph' && (section === undefined || section === 'scene')) {
      draft.summary.push(block.text);
    } else if (section === 'scene' && block.kind === 'label') {
      const n = norm(block.label);
      list = (SCENE_LABELS.background as readonly string[]).includes(n)
        ? draft.background
        : (SCENE_LABELS.challenges as readonly string[]).includes(n)
          ? draft.challenges
          : undefined;
      if (!list) fail(block.line, `expected ${labels}, not "${block.label}"`);
      else if (block.rest) list.push(block.rest);
    } else if (section === 'scene' && block.kind === 'list') {
      if (list) list.push(...block.items.map((it) => it.text));
      else fail(block.line, `expected ${labels} before this list`);
    } else if (section === 'solutions' && block.kind === 'table' && !found) {
      found = true;
      for (const row of readTable('solutions', block)) {
        const [name = '', technologies = '', measures = '', effect = ''] = row.cells;
        const principle = principleNamed(name, principles);
        if (principle) {
          draft.solutions.push({ principle: principle.id, technologies, measures, effect });
          continue;
        }
        const known = principles.map((p) => `${p.id} (${p.name[lang]})`).join(', ');
        fail(
          row.line,
          `unknown principle "${name}" (the casebook's: ${known}; declare others in casebook.yaml)`,
        );
      }
    } else if (section === 'metrics' && block.kind === 'table' && !found) {
      found = true;
      for (const row of readTable('metrics', block)) {
        const [name = '', before = '', after = '', improvement = ''] = row.cells;
        draft.metrics.push({ name, before, after, improvement });
      }
    } else if (
      section === 'architecture' &&
      block.kind === 'fence' &&
      block.info === 'mermaid' &&
      !found
    ) {
      found = true;
      draft.diagram = block.body.replace(/^\n+/, '').trimEnd();
    } else if (block.kind !== 'paragraph') {
      fail(
        block.line,
        section ? `unexpected ${block.kind} in the ${section} section` : 'expected a ### section',
      );
    }
  }
  close();
  if (draft.challenges.length === 0) {
    fail(
      chapter.line,
      `case "${draft.title}": expected a **${lang === 'zh' ? '技术挑战' : 'Challenges'}**: list (at least one challenge) in its scene section`,
    );
  }
  if (!seen.has('solutions')) {
    fail(
      chapter.line,
      `case "${draft.title}": expected a ### ${lang === 'zh' ? '解决方案' : 'Solutions'} section with the table ${headerText('solutions', lang)}`,
    );
  }
  return draft;
}

export function sectionOf(name: string): CaseSection | undefined {
  const n = norm(name.replace(/^\d+(\.\d+)*\.?\s*/, ''));
  return (Object.keys(SECTION_WORDS) as CaseSection[]).find((s) =>
    SECTION_WORDS[s].some((w) => n.includes(w)),
  );
}

/** A sentence from a list: 甲，乙，丙。 / A; B; C. */
function sentence(parts: readonly string[], lang: Lang): string {
  return lang === 'zh' ? `${parts.join('，')}。` : `${parts.join('; ')}.`;
}

export function toCaseFile(d: Draft, id: string, order: number, lang: Lang): CaseFile {
  const summary =
    d.summary.length > 0
      ? d.summary.join(' ')
      : sentence(d.background.length > 0 ? d.background : d.challenges, lang);
  return {
    lang,
    id,
    order,
    title: d.title,
    summary,
    ...(d.rating !== undefined ? { rating: d.rating } : {}),
    ...(d.background.length > 0 ? { background: d.background } : {}),
    challenges: d.challenges,
    solutions: d.solutions,
    ...(d.diagram !== undefined ? { diagram: d.diagram } : {}),
    ...(d.metrics.length > 0 ? { metrics: d.metrics } : {}),
  };
}
