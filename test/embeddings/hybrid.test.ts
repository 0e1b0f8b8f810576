import { describe, expect, it } from 'vitest';
import { hybridRank, MEANING_ONLY_MAX } from '../../src/search/hybrid.js';
import type { SearchResult } from '../../src/search/types.js';

const lexical = (...matches: [string, number][]): SearchResult => ({
  query: 'q',
  section: null,
  lang: 'en',
  matches: matches.map(([caseId, score]) => ({ caseId, score, matchedTerms: ['w'] })),
});
const sims = (entries: Record<string, number>) => new Map(Object.entries(entries));
const MIN = 0.5;

describe('hybrid ranking', () => {
  it('leaves an off-topic question without a match when no case is close in meaning', () => {
    const result = hybridRank(lexical(), sims({ a: 0.49, b: 0.3, c: 0.1 }), MIN);
    expect(result.matches).toEqual([]);
  });

  it('makes a case the words missed a match only from the similarity threshold on', () => {
    const result = hybridRank(lexical(), sims({ a: 0.5, b: 0.9, c: 0.2 }), MIN);
    expect(result.matches.map((m) => m.caseId)).toEqual(['b', 'a']);
    expect(result.matches[0]!.score).toBe(MEANING_ONLY_MAX);
    expect(result.matches[1]!.score).toBe(0.5);
    expect(result.matches[1]!.matchedTerms).toEqual([]);
  });

  it('never lowers a lexical match, and lifts the one meaning agrees with above its rival', () => {
    const result = hybridRank(lexical(['a', 0.62], ['b', 0.6]), sims({ a: 0.1, b: 0.6 }), MIN);
    expect(result.matches.map((m) => [m.caseId, m.score])).toEqual([
      ['b', 0.767],
      ['a', 0.62],
    ]);
  });

  it('ranks a case words and meaning point to above one as close only in meaning', () => {
    const result = hybridRank(lexical(['a', 0.55]), sims({ a: 0.8, b: 0.8 }), MIN);
    expect(result.matches.map((m) => m.caseId)).toEqual(['a', 'b']);
  });

  it('keeps the section and language of the lexical result and at most four matches', () => {
    const base = { ...lexical(), section: 'metrics' as const, lang: 'zh' as const };
    const result = hybridRank(base, sims({ a: 0.9, b: 0.8, c: 0.7, d: 0.66, e: 0.65 }), MIN);
    expect(result.section).toBe('metrics');
    expect(result.lang).toBe('zh');
    expect(result.matches.map((m) => m.caseId)).toEqual(['a', 'b', 'c', 'd']);
  });
});
