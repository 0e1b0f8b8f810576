import Fuse from 'fuse.js';

/** Words shorter than this are only ever matched exactly (fuzzy noise would hit everything). */
export const MIN_FUZZY_LENGTH = 4;
/** 1 − edits / length of the longer word; 0.75 lets "kubernets", "ecomerce", "flsh" through. */
export const MIN_SIMILARITY = 0.75;
const CACHE_LIMIT = 5000;

export interface Correction {
  /** The index key (stem) of the word the typo most likely meant. */
  readonly key: string;
  /** How close the typo is, 0–1. */
  readonly similarity: number;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

export function similarity(a: string, b: string): number {
  return 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);
}

const LETTERS = 26;
const A = 97;

/** How often each letter a–z occurs in a word of lower-case letters. */
function letterCounts(word: string): Int16Array {
  const counts = new Int16Array(LETTERS);
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) - A]!++;
  return counts;
}

/**
 * A lower bound of `editDistance`: letters one word has more of than the other (an edit changes
 * that count by at most one on each side; a transposition not at all).
 */
function bagDistance(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let fewer = 0;
  for (let c = 0; c < LETTERS; c++) {
    const d = a[c]! - b[c]!;
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer);
}

/**
 * Typo correction over the casebook's own words. fuse.js (bitap, `ignoreLocation`) proposes
 * candidates anywhere in a word; each is then re-scored by edit distance over the whole word, so
 * "open" does not "match" openyurt nor "time" downtime. Results are cached per word.
 */
export class TypoCorrector {
  readonly #fuse: Fuse<string>;
  readonly #words: ReadonlyMap<string, string>;
  readonly #cache = new Map<string, Correction | null>();
  /** The fuzzy candidates by length, with their letter counts. */
  readonly #byLength: { readonly word: string; readonly counts: Int16Array }[][] = [];

  constructor(words: ReadonlyMap<string, string>) {
    this.#words = words;
    const list = [...words.keys()].filter((w) => w.length >= MIN_FUZZY_LENGTH - 1);
    for (const word of list) {
      this.#byLength[word.length] ??= [];
      this.#byLength[word.length]!.push({ word, counts: letterCounts(word) });
    }
    this.#fuse = new Fuse(list, {
      includeScore: true,
      ignoreLocation: true,
      isCaseSensitive: true,
      threshold: 0.4,
    });
  }

  correct(word: string): Correction | null {
    if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word)) return null;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached;
    const best = this.#mayHaveMatch(word) ? this.#search(word) : null;
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(word, best);
    return best;
  }

  /**
   * False when no candidate can reach `MIN_SIMILARITY`, so fuse.js's scan (the costly part) could
   * only find nothing. Bounds first, the exact distance only for the few words that pass them.
   */
  #mayHaveMatch(word: string): boolean {
    const counts = letterCounts(word);
    for (let length = 1; length < this.#byLength.length; length++) {
      const longer = Math.max(word.length, length, 1);
      if (1 - Math.abs(length - word.length) / longer < MIN_SIMILARITY) continue;
      for (const candidate of this.#byLength[length] ?? []) {
        if (1 - bagDistance(counts, candidate.counts) / longer < MIN_SIMILARITY) continue;
        if (similarity(word, candidate.word) >= MIN_SIMILARITY) return true;
      }
    }
    return false;
  }

  #search(word: string): Correction | null {
    let best: Correction | null = null;
    let bestLengthGap = Number.POSITIVE_INFINITY;
    for (const { item } of this.#fuse.search(word, { limit: 24 })) {
      const sim = similarity(word, item);
      const gap = Math.abs(item.length - word.length);
      if (sim < MIN_SIMILARITY) continue;
      if (!best || sim > best.similarity || (sim === best.similarity && gap < bestLengthGap)) {
        best = { key: this.#words.get(item)!, similarity: sim };
        bestLengthGap = gap;
      }
    }
    return best;
  }
}
