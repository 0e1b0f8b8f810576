import { normalize } from '../../search/index.js';
import { atomize, keyOf } from '../../search/tokenize.js';

/**
 * The message's own words behind a match's terms, for the "why it fits" line: the search reports
 * normalised, stemmed terms ("flash sal", "edg comput"); this finds where the message said them
 * ("flash sale", "edge computing"). Terms the message did not say (synonyms, concepts) are left
 * out; a phrase inside a longer one already given is not repeated.
 */
const MAX_TERM_ATOMS = 8;

export function evidenceWords(text: string, terms: readonly string[], max: number): string[] {
  const norm = normalize(text);
  const atoms = atomize(norm);
  const wanted = new Set(terms);
  const spans: (readonly [number, number])[] = [];
  for (let i = 0; i < atoms.length; i++) {
    for (let j = Math.min(atoms.length, i + MAX_TERM_ATOMS); j > i; j--) {
      if (wanted.has(keyOf(atoms, i, j))) {
        spans.push([atoms[i]!.start, atoms[j - 1]!.end]);
        break;
      }
    }
  }
  spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
  const chosen: (readonly [number, number])[] = [];
  for (const s of spans) {
    if (chosen.some((c) => c[0] <= s[0] && s[1] <= c[1])) continue;
    chosen.push(s);
    if (chosen.length === max) break;
  }
  return [...new Set(chosen.sort((a, b) => a[0] - b[0]).map(([s, e]) => norm.slice(s, e)))];
}
