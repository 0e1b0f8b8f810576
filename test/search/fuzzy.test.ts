import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { buildConceptIndex } from '../../src/search/concepts.js';
import { MIN_SIMILARITY, similarity, TypoCorrector } from '../../src/search/fuzzy.js';
import { buildTermIndex } from '../../src/search/term-index.js';

let words: ReadonlyMap<string, string>;
let typos: TypoCorrector;

beforeAll(async () => {
  const { cases } = await loadCatalog('cases');
  words = buildTermIndex(cases, buildConceptIndex()).words;
  typos = new TypoCorrector(words);
});

/** One edit of each kind, made at the same place in the word. */
function oneEditAway(word: string): string[] {
  const [a, b] = [word[2]!, word[3]!];
  return [
    word.slice(0, 2) + word.slice(3), // a letter dropped
    `${word.slice(0, 3)}x${word.slice(3)}`, // a letter added
    word.slice(0, 2) + (a === 'q' ? 'z' : 'q') + word.slice(3), // a letter replaced
    word.slice(0, 2) + b + a + word.slice(4), // two letters swapped
  ].filter((typo) => typo !== word && !words.has(typo));
}

describe('typo correction over the casebook words', () => {
  it.each([
    ['kubernets', 'kubernetes'],
    ['kuberentes', 'kubernetes'],
    ['kubernetess', 'kubernetes'],
    ['inferance', 'inference'],
    ['finanace', 'finance'],
  ])('reads %s as %s', (typo, meant) => {
    expect(typos.correct(typo)?.key).toBe(words.get(meant));
  });

  it('corrects every casebook word of six letters or more misspelt by one edit', () => {
    const missed: string[] = [];
    let tried = 0;
    for (const word of words.keys()) {
      if (word.length < 6) continue;
      for (const typo of oneEditAway(word)) {
        tried++;
        const fix = typos.correct(typo);
        if (!fix || fix.similarity < MIN_SIMILARITY) missed.push(`${typo} (${word})`);
      }
    }
    expect(tried).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  });

  it.each(['basically', 'marketing', 'refrigerator', 'xyzzyq', 'weather'])(
    'leaves %s alone: no casebook word is that close',
    (word) => {
      const closest = Math.max(...[...words.keys()].map((w) => similarity(word, w)));
      expect(closest).toBeLessThan(MIN_SIMILARITY);
      expect(typos.correct(word)).toBeNull();
    },
  );
});
