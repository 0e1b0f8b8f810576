import type { ConceptIndex, ConceptMention } from './concepts.js';
import type { TermHit } from './hits.js';
import type { Postings } from './term-index.js';

/** A case shares a phrase's sense when its link to the concept is at least this share of the strongest. */
export const SENSE_SHARE = 0.5;

/**
 * A phrase that names a concept gives its words that concept's sense: "stock" in "stock trading"
 * is not the shop's stock, "online" in "online banking" not the online store. A word hit inside a
 * longer concept mention only counts for the cases mostly about that concept; the phrase itself
 * (as a term or as a concept) still counts for all.
 */
export function inPhraseSense(
  hits: TermHit[],
  mentions: readonly ConceptMention[],
  postings: ReadonlyMap<string, Postings>,
  concepts: ConceptIndex,
  docCount: number,
): TermHit[] {
  const phrases = mentions.filter((m) => m.to - m.from > 1);
  if (phrases.length === 0) return hits;
  const senses = new Map<ConceptMention, Uint8Array | null>();
  const out: TermHit[] = [];
  for (const hit of hits) {
    const phrase = phrases.find(
      (m) => m.from <= hit.from && hit.to <= m.to && hit.to - hit.from < m.to - m.from,
    );
    let cases = phrase ? senses.get(phrase) : null;
    if (phrase && cases === undefined) {
      cases = casesAbout(phrase.concepts, postings, concepts, docCount);
      senses.set(phrase, cases);
    }
    if (!cases) {
      out.push(hit);
      continue;
    }
    const { docs, weights } = hit.postings;
    let n = 0;
    for (let i = 0; i < docs.length; i++) n += cases[docs[i]!]!;
    if (n === docs.length) out.push(hit);
    else if (n > 0) {
      const kept = { docs: new Int32Array(n), weights: new Float32Array(n) };
      for (let i = 0, k = 0; i < docs.length; i++) {
        if (!cases[docs[i]!]) continue;
        kept.docs[k] = docs[i]!;
        kept.weights[k++] = weights[i]!;
      }
      out.push({ ...hit, postings: kept });
    }
  }
  return out;
}

/**
 * The cases mostly about one of these concepts (a link of at least `SENSE_SHARE` of the
 * concept's strongest), as a 0/1 mask by doc; all 0 for a concept outside the field; null when
 * no case tells (the concept is in nearly every case, so its postings were dropped).
 */
function casesAbout(
  ids: readonly number[],
  postings: ReadonlyMap<string, Postings>,
  concepts: ConceptIndex,
  docCount: number,
): Uint8Array | null {
  const cases = new Uint8Array(docCount);
  let known = false;
  for (const c of ids) {
    const p = postings.get(concepts.keys[c]!);
    if (!p) {
      known ||= concepts.outside[c]!;
      continue;
    }
    known = true;
    let max = 0;
    for (const w of p.weights) max = Math.max(max, w);
    for (let i = 0; i < p.docs.length; i++) {
      if (p.weights[i]! >= SENSE_SHARE * max) cases[p.docs[i]!] = 1;
    }
  }
  return known ? cases : null;
}
