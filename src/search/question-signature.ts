import { buildConceptIndex, type ConceptIndex } from './concepts.js';
import { normalize } from './normalize.js';
import { GENERIC_WORDS } from './stop-words.js';
import { atomize, stopMask, termKey } from './tokenize.js';

let concepts: ConceptIndex | null = null;
let generic: ReadonlySet<string> | null = null;

/**
 * What a question is about, as the search reads it: the concepts it mentions (by id, so
 * "traffic spike" and "surge" are one, and an English and a Chinese form of a concept too), and
 * its other words stemmed, without stop words, the field's generic words ("kubernetes",
 * "system") and, beside a concept, words of other concepts' forms. Two questions with the same signature are the same question in other words.
 * Order, case, punctuation and inflection do not matter. Empty only for an empty question.
 */
export function questionSignature(text: string): string {
  concepts ??= buildConceptIndex();
  generic ??= new Set(GENERIC_WORDS.map(termKey));
  const norm = normalize(text);
  const atoms = atomize(norm);
  const stops = stopMask(atoms);
  const covered = new Set<number>();
  const parts = new Set<string>();
  for (const m of concepts.find(atoms)) {
    for (let k = m.from; k < m.to; k++) covered.add(k);
    for (const c of m.concepts) parts.add(`#${concepts.ids[c]}`);
  }
  let run = '';
  const flush = () => {
    if (run && !generic?.has(run)) parts.add(run);
    run = '';
  };
  for (const [i, a] of atoms.entries()) {
    if (covered.has(i) || stops[i]) {
      flush();
      continue;
    }
    if (a.cjk) {
      // Adjacent ideographs stay one word: 网格 is not 网 and 格.
      if (i > 0 && atoms[i - 1]!.cjk && atoms[i - 1]!.end === a.start && run) run += a.text;
      else {
        flush();
        run = a.text;
      }
      continue;
    }
    flush();
    // A word of some concept's forms left beside a concept ("traffic" of "traffic spikes" when
    // only "spikes" was read as one) adds nothing the concept does not say.
    if (generic?.has(a.text) || (covered.size > 0 && concepts?.hasWord(a.text))) continue;
    parts.add(a.text);
  }
  flush();
  const signature = [...parts].sort().join(' ');
  return signature || norm;
}
