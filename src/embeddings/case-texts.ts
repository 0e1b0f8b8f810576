import { createHash } from 'node:crypto';
import type { Case, Lang, Text } from '../catalog/schema.js';

/** The most characters of one case text sent to be embedded (models take a few thousand tokens). */
export const MAX_TEXT_CHARS = 4000;
/** Changes whenever `caseTexts` writes texts differently, so stored vectors are recomputed. */
const RECIPE = 'case-text/1';

/** One text to embed: a case in one language. */
export interface CaseText {
  readonly caseId: string;
  readonly lang: Lang;
  readonly text: string;
}

function languagesOf(c: Case): readonly Lang[] {
  return c.lang ? [c.lang] : ['en', 'zh'];
}

/**
 * What a case is about, in one language, most telling first (a long case is cut at the end): title,
 * summary, headline, keywords, challenges, solutions, background, metric names.
 */
function caseText(c: Case, lang: Lang): string {
  const t = (text: Text | undefined) => text?.[lang] ?? '';
  const parts = [
    t(c.title),
    t(c.summary),
    t(c.headline),
    c.keywords[lang].join(', '),
    ...c.challenges.map(t),
    ...c.solutions.flatMap((s) => [t(s.technologies), t(s.measures), t(s.effect)]),
    ...c.background.map(t),
    c.metrics.map((m) => t(m.name)).join(', '),
  ];
  const text = parts.filter((p) => p.trim() !== '').join('\n');
  if (text.length <= MAX_TEXT_CHARS) return text;
  // Never half a surrogate pair: the JSON sent must be valid UTF-8 text.
  const cut = /[\ud800-\udbff]/.test(text[MAX_TEXT_CHARS - 1] ?? '')
    ? MAX_TEXT_CHARS - 1
    : MAX_TEXT_CHARS;
  return text.slice(0, cut);
}

/**
 * One text per case and language it is written in: a bilingual case gets an English and a Chinese
 * text (a question is compared with both), a one-language case one.
 */
export function caseTexts(cases: readonly Case[]): CaseText[] {
  return cases.flatMap((c) =>
    languagesOf(c).map((lang) => ({ caseId: c.id, lang, text: caseText(c, lang) })),
  );
}

/** The casebook version the vectors belong to: a hash of exactly what is embedded. */
export function casebookHash(texts: readonly CaseText[]): string {
  const hash = createHash('sha256').update(RECIPE);
  for (const t of texts) hash.update(`\0${t.caseId}\0${t.lang}\0${t.text}`);
  return hash.digest('hex').slice(0, 32);
}
