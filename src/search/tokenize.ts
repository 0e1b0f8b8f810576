import { isCjk } from './lang.js';
import { normalize } from './normalize.js';
import { stem } from './stem.js';
import { EN_STOP_WORDS, ZH_STOP_WORDS } from './stop-words.js';

/**
 * The smallest unit the search matches on: one Latin/digit word (stemmed) or one CJK ideograph.
 * Phrases are runs of atoms; `keyOf` turns a run into the string the index is keyed by.
 */
export interface Atom {
  /** Stemmed word, or the ideograph itself. */
  readonly text: string;
  /** The word as typed (normalised, not stemmed). */
  readonly raw: string;
  readonly cjk: boolean;
  /** [start, end) in the normalised text. */
  readonly start: number;
  readonly end: number;
}

const ATOM = /\p{Script=Han}|[^\s\p{Script=Han}]+/gu;

/** Splits an already-normalised text into atoms. */
export function atomize(normalized: string): Atom[] {
  const atoms: Atom[] = [];
  for (const m of normalized.matchAll(ATOM)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const cjk = isCjk(raw);
    atoms.push({ text: cjk ? raw : stem(raw), raw, cjk, start, end: start + raw.length });
  }
  return atoms;
}

/** How many atoms a text (or an index key) has: `atomize(text).length`, without stemming. */
export function atomCount(text: string): number {
  return text.match(ATOM)?.length ?? 0;
}

/** The index key of a run of atoms: Latin words joined by a space, CJK glued to anything. */
export function keyOf(atoms: readonly Atom[], from = 0, to = atoms.length): string {
  let key = '';
  for (let i = from; i < to; i++) key = extendKey(key, atoms, from, i);
  return key;
}

/** `keyOf(atoms, from, at)` extended by atom `at`: `keyOf(atoms, from, at + 1)`. */
export function extendKey(key: string, atoms: readonly Atom[], from: number, at: number): string {
  const a = atoms[at]!;
  return at > from && !a.cjk && !atoms[at - 1]!.cjk ? `${key} ${a.text}` : key + a.text;
}

/**
 * Every key `keyOf` can build on the way to one of `keys`: each key cut where an atom may end
 * (before a space, next to any non-ASCII character such as an ideograph), and the key itself.
 */
export function keyPrefixes(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const key of keys) {
    prefixes.add(key);
    for (let p = 1; p < key.length; p++) {
      if (key[p] === ' ' || key.charCodeAt(p) > 127 || key.charCodeAt(p - 1) > 127) {
        prefixes.add(key.slice(0, p));
      }
    }
  }
  return prefixes;
}

/** The index key of a free text (a keyword, a synonym): normalise, atomise, join. */
export function termKey(text: string): string {
  return keyOf(atomize(normalize(text, 200)));
}

/** Chinese stop words by their first character, longest first. */
const ZH_STOPS_BY_FIRST = new Map<string, string[]>();
for (const word of [...ZH_STOP_WORDS].sort((a, b) => b.length - a.length)) {
  const list = ZH_STOPS_BY_FIRST.get(word[0]!) ?? [];
  list.push(word);
  ZH_STOPS_BY_FIRST.set(word[0]!, list);
}

/**
 * Marks the atoms that are stop words: English stop words, and Chinese function words found as
 * substrings of each ideograph run (longest first, so 怎么办 wins over 怎么).
 */
export function stopMask(atoms: readonly Atom[]): boolean[] {
  const mask = atoms.map((a) => !a.cjk && (EN_STOP_WORDS.has(a.raw) || a.raw.length < 2));
  let i = 0;
  while (i < atoms.length) {
    if (!atoms[i]!.cjk) {
      i++;
      continue;
    }
    let matched = 0;
    for (const word of ZH_STOPS_BY_FIRST.get(atoms[i]!.text[0]!) ?? []) {
      if (i + word.length <= atoms.length && keyOf(atoms, i, i + word.length) === word) {
        matched = word.length;
        break;
      }
    }
    for (let k = 0; k < matched; k++) mask[i + k] = true;
    i += Math.max(matched, 1);
  }
  return mask;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Chinese words by `Intl.Segmenter` (word-like segments of 2+ ideographs). */
export function segmentZh(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike && s.segment.length >= 2 && isCjk(s.segment[0]!)) out.push(s.segment);
  }
  return out;
}

/** Bigrams of every run of ideographs: 流量洪峰 → 流量, 量洪, 洪峰. */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * The searchable tokens of a text, for inspection and tests: stemmed English words and Chinese
 * words (segmenter words plus ideograph bigrams), stop words removed, duplicates dropped.
 */
export function tokenize(text: string): string[] {
  const norm = normalize(text);
  const atoms = atomize(norm);
  const stops = stopMask(atoms);
  const out = new Set<string>();
  atoms.forEach((a, i) => {
    if (!a.cjk && !stops[i]) out.add(a.text);
  });
  const zhStops = new Set(ZH_STOP_WORDS);
  for (const w of segmentZh(norm)) if (!zhStops.has(w)) out.add(w);
  for (const b of cjkBigrams(norm)) if (!zhStops.has(b)) out.add(b);
  return [...out];
}
