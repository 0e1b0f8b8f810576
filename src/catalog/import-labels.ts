import type { Lang } from './model.js';
import type { PrincipleDef } from './schema.js';

/*
 * The words a casebook document uses for its parts, in both languages: the seed's own Chinese
 * headings and labels, and their English counterparts for a document written in English.
 */

/** Lower-case, no bold, no emoji or punctuation at the ends: what headings and cells compare by. */
export const norm = (text: string) =>
  text
    .replace(/\*\*/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .toLowerCase();

/** Chapters that are not cases, by what their title contains. */
export const CHAPTER_KINDS = {
  contents: ['目录', 'contents'],
  summary: ['总结', 'summary'],
} as const;

export type CaseSection = 'scene' | 'solutions' | 'architecture' | 'metrics';

/** A case chapter's `###` sections, by what their name contains. */
export const SECTION_WORDS: Record<CaseSection, readonly string[]> = {
  scene: ['场景', '背景', 'scenario', 'scene', 'background', 'context'],
  solutions: ['方案', 'solution'],
  architecture: ['架构', 'architecture', 'diagram'],
  metrics: ['指标', 'metrics', 'results'],
};

export const SECTION_NAMES =
  '场景描述, 解决方案, 架构设计, 关键指标 (Scenario, Solutions, Architecture, Metrics)';

export const SCENE_LABELS = {
  background: ['业务背景', '背景', 'background', 'business background', 'context'],
  challenges: ['技术挑战', '挑战', 'challenges', 'technical challenges'],
} as const;

/** Expected table headers: each column's accepted names, the first of each language shown. */
export const TABLES = {
  solutions: [
    ['核心理念', '理念', 'principle', 'core principle'],
    ['技术实现', '技术', 'technologies', 'technology'],
    ['具体措施', '措施', 'measures'],
    ['效果', 'effect', 'effects', 'outcome'],
  ],
  metrics: [
    ['指标', 'metric'],
    ['优化前', 'before'],
    ['优化后', 'after'],
    ['提升', 'improvement', 'change'],
  ],
  summary: [
    ['案例类型', '案例', 'case'],
    ['核心挑战', '挑战', 'challenges', 'core challenges'],
    ['核心理念应用', '核心理念', 'principles'],
    ['关键成果', '成果', 'results', 'key results'],
    ['推荐度', 'rating'],
  ],
} as const;

export type TableKind = keyof typeof TABLES;

export function headerMatches(kind: TableKind, cells: readonly string[]): boolean {
  const columns = TABLES[kind];
  return (
    cells.length === columns.length &&
    columns.every((names, i) => (names as readonly string[]).includes(norm(cells[i] ?? '')))
  );
}

/** The header as a person would write it, e.g. `| 指标 | 优化前 | 优化后 | 提升 |`. */
export function headerText(kind: TableKind, lang: Lang): string {
  const pick = (names: readonly string[]) =>
    lang === 'zh' ? names[0] : (names.find((n) => /^[a-z]/.test(n)) ?? names[0]);
  return `| ${TABLES[kind].map((names) => pick(names)).join(' | ')} |`;
}

/**
 * The seed document's own words for the seed's principles where they differ from the names the
 * casebook gives them (the document says 集装箱化, the casebook 容器化).
 */
const SEED_PRINCIPLE_WORDS = new Map<string, readonly string[]>([
  ['containerisation', ['集装箱化', 'containerization']],
  ['declarative', ['声明式配置', 'declarative configuration']],
]);

/** Finds the principle a solution row names: by id, by either name, or by the seed's words. */
export function principleNamed(
  cell: string,
  principles: readonly PrincipleDef[],
): PrincipleDef | undefined {
  const n = norm(cell);
  return principles.find(
    (p) =>
      [p.id, p.name.zh, p.name.en].some((name) => norm(name) === n) ||
      (SEED_PRINCIPLE_WORDS.get(p.id) ?? []).includes(n),
  );
}

/** Chapter titles may end in 案例 / "case": the case's title is without it. */
export const caseTitle = (heading: string) =>
  heading.replace(/\s*(案例|\bcase)$/i, '').trim() || heading;

/** Stars in a rating cell: ⭐⭐⭐⭐ or ★★★★☆ → 4. */
export const stars = (cell: string) => [...cell].filter((c) => c === '⭐' || c === '★').length;
