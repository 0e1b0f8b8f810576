import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import { SECTIONS, type Section } from '../../src/catalog/schema.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/types.js';

// Scoring shared by the frozen blind evaluation sets (eval-blind*.test.ts): each set is a YAML
// list of questions with the case and section a person would expect, scored against the real
// casebook in cases/ with the real search index.

export const CASE_IDS = ['ecommerce', 'finance', 'edge', 'ai-inference'] as const;
export const KINDS = [
  'paraphrase',
  'colloquial',
  'fact',
  'typo',
  'mixed',
  'section',
  'near-miss',
  'off-topic',
] as const;
export const LANGS = ['en', 'zh', 'mixed'] as const;
export type QLang = (typeof LANGS)[number];
export type Bucket = 'all' | QLang;
export const BUCKETS = ['all', ...LANGS] as const;

export interface BlindQuestion {
  q: string;
  expect: string | null;
  section: Section | null;
  kind: string;
  lang: QLang;
}

export interface Tally {
  ok: number;
  n: number;
}

export interface Scores {
  inScope: Record<Bucket, Tally>;
  outOfScope: Record<Bucket, Tally>;
  section: Record<Bucket, Tally>;
  byCase: Record<string, Tally>;
  failures: string[];
}

/** Floors in percent per bucket; a bucket left out has no floor (it has no questions). */
export interface Floors {
  inScope: Partial<Record<Bucket, number>>;
  outOfScope: Partial<Record<Bucket, number>>;
  section: Partial<Record<Bucket, number>>;
}

export interface BlindSet {
  raw: Buffer;
  questions: BlindQuestion[];
  knownIds: Set<string>;
  scores: Scores;
}

/** ok / n, or null when there were no questions (reported as "n/a", never as 100 %). */
export function ratio(t: Tally): number | null {
  return t.n === 0 ? null : t.ok / t.n;
}

export function show(t: Tally): string {
  const r = ratio(t);
  return r === null ? 'n/a' : `${(r * 100).toFixed(1)}% (${t.ok}/${t.n})`;
}

const tallies = (): Record<Bucket, Tally> => ({
  all: { ok: 0, n: 0 },
  en: { ok: 0, n: 0 },
  zh: { ok: 0, n: 0 },
  mixed: { ok: 0, n: 0 },
});

function count(t: Record<Bucket, Tally>, lang: QLang, ok: boolean): void {
  for (const b of ['all', lang] as const) {
    t[b].n++;
    if (ok) t[b].ok++;
  }
}

export function evaluate(index: SearchIndex, questions: readonly BlindQuestion[]): Scores {
  const s: Scores = {
    inScope: tallies(),
    outOfScope: tallies(),
    section: tallies(),
    byCase: Object.fromEntries(CASE_IDS.map((id) => [id, { ok: 0, n: 0 }])),
    failures: [],
  };
  for (const q of questions) {
    const r = index.search(q.q);
    const top = r.matches[0]?.caseId ?? null;
    const got = `${r.matches.map((m) => `${m.caseId}:${m.score.toFixed(2)}`).join(' ') || '(none)'} section=${r.section}`;
    if (q.expect === null) {
      const ok = top === null;
      count(s.outOfScope, q.lang, ok);
      if (!ok) s.failures.push(`[${q.lang} ${q.kind}] want none: ${JSON.stringify(q.q)} → ${got}`);
    } else {
      const ok = top === q.expect;
      count(s.inScope, q.lang, ok);
      const c = s.byCase[q.expect] as Tally;
      c.n++;
      if (ok) c.ok++;
      if (!ok)
        s.failures.push(`[${q.lang} ${q.kind}] want ${q.expect}: ${JSON.stringify(q.q)} → ${got}`);
    }
    if (q.section !== null) {
      const ok = r.section === q.section;
      count(s.section, q.lang, ok);
      if (!ok)
        s.failures.push(
          `[${q.lang} ${q.kind}] want section ${q.section}: ${JSON.stringify(q.q)} → ${got}`,
        );
    }
  }
  return s;
}

export function table(file: string, s: Scores): string {
  const row = (name: string, t: Record<Bucket, Tally>) =>
    `  ${name.padEnd(22)}${BUCKETS.map((b) => show(t[b]).padEnd(20)).join('')}`;
  return [
    `${file} (frozen blind set)`,
    `  ${''.padEnd(22)}${BUCKETS.map((h) => h.padEnd(20)).join('')}`,
    row('right case first', s.inScope),
    row('no match off-topic', s.outOfScope),
    row('right section', s.section),
    `  by case: ${CASE_IDS.map((id) => `${id} ${show(s.byCase[id] as Tally)}`).join(' · ')}`,
    ...s.failures.map((f) => `  FAIL ${f}`),
  ].join('\n');
}

/** Reads a blind set, scores it against the casebook in cases/ and prints the table. */
export async function loadBlindSet(file: string): Promise<BlindSet> {
  const raw = await readFile(file);
  const questions = (parse(raw.toString('utf8')) as { questions: BlindQuestion[] }).questions;
  const catalog = await loadCatalog('cases');
  const scores = evaluate(buildIndex(catalog.cases), questions);
  console.log(table(file, scores));
  return { raw, questions, knownIds: new Set(catalog.cases.map((c) => c.id)), scores };
}

export function expectFrozen(file: string, raw: Buffer, frozenSha256: string): void {
  const sha = createHash('sha256').update(raw).digest('hex');
  expect(
    sha,
    `${file} is frozen: its SHA-256 is ${sha}, not ${frozenSha256}. Do not edit the blind set ` +
      '(nor update this hash to match an edit); write a new blind set in a new file instead.',
  ).toBe(frozenSha256);
}

/** Every question uses known ids, sections, kinds and languages, consistently; no duplicates. */
export function expectWellFormed(questions: readonly BlindQuestion[], knownIds: Set<string>): void {
  for (const q of questions) {
    const where = JSON.stringify(q.q);
    expect(typeof q.q, where).toBe('string');
    if (q.expect !== null) {
      expect(CASE_IDS as readonly string[], where).toContain(q.expect);
      expect(knownIds.has(q.expect), `${where}: ${q.expect} is not in cases/`).toBe(true);
    }
    if (q.section !== null) expect(SECTIONS as readonly string[], where).toContain(q.section);
    expect(KINDS as readonly string[], where).toContain(q.kind);
    expect(LANGS as readonly string[], where).toContain(q.lang);
    const outKind = q.kind === 'near-miss' || q.kind === 'off-topic';
    expect(outKind, `${where}: out-of-scope kinds go with expect: null`).toBe(q.expect === null);
    if (q.kind === 'section') expect(q.section, where).not.toBeNull();
    if (q.expect === null) expect(q.section, where).toBeNull();
  }
  expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
}

/** The score of every bucket that has a floor is at or above it (one decimal, in percent). */
export function expectAtLeast(
  scores: Record<Bucket, Tally>,
  floors: Partial<Record<Bucket, number>>,
  what: string,
): void {
  for (const b of BUCKETS) {
    const floor = floors[b];
    if (floor === undefined) continue;
    const t = scores[b];
    const r = ratio(t);
    expect(r, `${what}, ${b}: no questions`).not.toBeNull();
    expect(
      Math.round((r as number) * 1000) / 10,
      `${what}, ${b}: ${show(t)}, floor ${floor}%`,
    ).toBeGreaterThanOrEqual(floor);
  }
}

/** The three floor tests every blind set has; `set()` is read when the tests run. */
export function describeFloors(set: () => BlindSet, floors: Floors): void {
  describe('scores stay at or above the floors measured when the set was frozen', () => {
    it('ranks the right case first in scope (each language)', () => {
      expectAtLeast(set().scores.inScope, floors.inScope, 'in scope');
    });

    it('returns no match out of scope (each language)', () => {
      expectAtLeast(set().scores.outOfScope, floors.outOfScope, 'out of scope');
    });

    it('finds the section asked for (each language)', () => {
      expectAtLeast(set().scores.section, floors.section, 'section');
    });
  });
}
