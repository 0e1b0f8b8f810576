import type { Postings } from './term-index.js';

/** One run of question atoms [from, to) that names an indexed term. */
export interface TermHit {
  readonly from: number;
  readonly to: number;
  readonly term: string;
  readonly postings: Postings;
  /** Match quality: 1 exact, less for typos and synonyms. */
  readonly factor: number;
}

/** A part of the question another case explains this well is not held against a case. */
export const EXPLAINED = 0.5;

/** The evidence (see `confidence`) of every case some hit touched, in parallel arrays. */
export interface CaseEvidence {
  readonly docs: readonly number[];
  readonly evidence: readonly number[];
  /** The question's units that count against the case: all, minus what other cases explain. */
  readonly units: readonly number[];
}

/**
 * For every case the hits touch: the best hit strength on each question atom, times that atom's
 * unit weight, summed. Uses one scratch buffer, so a query allocates almost nothing per case.
 */
export class EvidenceCounter {
  #scratch = new Float32Array(0);
  #touched = new Uint8Array(0);

  count(hits: readonly TermHit[], units: readonly number[], docCount: number): CaseEvidence {
    const n = units.length;
    if (this.#scratch.length < n * docCount) this.#scratch = new Float32Array(n * docCount);
    if (this.#touched.length < docCount) this.#touched = new Uint8Array(docCount);
    const best = this.#scratch;
    const touched = this.#touched;
    const docs: number[] = [];
    const explained = new Float32Array(n);
    for (const hit of hits) {
      const { docs: hitDocs, weights } = hit.postings;
      for (let p = 0; p < hitDocs.length; p++) {
        const doc = hitDocs[p]!;
        const strength = weights[p]! * hit.factor;
        if (!touched[doc]) {
          touched[doc] = 1;
          docs.push(doc);
        }
        const base = doc * n;
        for (let k = hit.from; k < hit.to; k++) {
          if (best[base + k]! < strength) best[base + k] = strength;
          if (explained[k]! < strength) explained[k] = strength;
        }
      }
    }
    const evidences: number[] = [];
    const against: number[] = [];
    for (const doc of docs) {
      const base = doc * n;
      let evidence = 0;
      let total = 0;
      for (let k = 0; k < n; k++) {
        const b = best[base + k]!;
        evidence += b * units[k]!;
        if (b > 0 || explained[k]! < EXPLAINED) total += units[k]!;
        best[base + k] = 0;
      }
      touched[doc] = 0;
      evidences.push(evidence);
      against.push(total);
    }
    return { docs, evidence: evidences, units: against };
  }
}

/** The terms that hit one case with at least `min` strength, strongest first. */
export function termsFor(doc: number, hits: readonly TermHit[], min = 0.3): string[] {
  const found = new Map<string, number>();
  for (const hit of hits) {
    const i = hit.postings.docs.indexOf(doc);
    if (i < 0) continue;
    const strength = hit.postings.weights[i]! * hit.factor;
    if (strength >= min && (found.get(hit.term) ?? 0) < strength) found.set(hit.term, strength);
  }
  return [...found].sort((a, b) => b[1] - a[1]).map(([term]) => term);
}
