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

/**
 * The evidence (see `confidence`) of every case some hit touched, in parallel arrays (views of
 * the counter's buffers: valid until its next `count`).
 */
export interface CaseEvidence {
  readonly docs: ArrayLike<number>;
  readonly evidence: ArrayLike<number>;
  /** The question's units that count against the case: all, minus what other cases explain. */
  readonly units: ArrayLike<number>;
}

/**
 * For every case the hits touch: the best hit strength on each question atom, times that atom's
 * unit weight, summed. Scratch buffers are kept between queries and laid out atom by atom (one
 * row of cases per atom), so walking a posting list reads and writes one row in order.
 */
export class EvidenceCounter {
  #best = new Float32Array(0);
  #touched = new Uint8Array(0);
  /** Per case number: its sums while counting. */
  #evidence = new Float64Array(0);
  #against = new Float64Array(0);
  /** Per case touched, in the order touched: its number and its sums (what `count` returns). */
  #docs = new Int32Array(0);
  #evidenceOut = new Float64Array(0);
  #againstOut = new Float64Array(0);

  count(hits: readonly TermHit[], units: readonly number[], docCount: number): CaseEvidence {
    const n = units.length;
    if (this.#best.length < n * docCount) this.#best = new Float32Array(n * docCount);
    if (this.#touched.length < docCount) {
      this.#touched = new Uint8Array(docCount);
      this.#evidence = new Float64Array(docCount);
      this.#against = new Float64Array(docCount);
      this.#docs = new Int32Array(docCount);
      this.#evidenceOut = new Float64Array(docCount);
      this.#againstOut = new Float64Array(docCount);
    }
    const best = this.#best;
    const touched = this.#touched;
    const docs = this.#docs;
    let reached = 0;
    const explained = new Float32Array(n);
    const covered = new Uint8Array(n);
    for (const hit of hits) {
      const { docs: hitDocs, weights } = hit.postings;
      const { from, to, factor } = hit;
      let strongest = 0;
      const first = from * docCount;
      for (let p = 0; p < hitDocs.length; p++) {
        const doc = hitDocs[p]!;
        const strength = weights[p]! * factor;
        if (strength > strongest) strongest = strength;
        if (!touched[doc]) {
          touched[doc] = 1;
          docs[reached++] = doc;
        }
        if (best[first + doc]! < strength) best[first + doc] = strength;
      }
      for (let k = from + 1; k < to; k++) {
        const row = k * docCount;
        for (let p = 0; p < hitDocs.length; p++) {
          const strength = weights[p]! * factor;
          const at = row + hitDocs[p]!;
          if (best[at]! < strength) best[at] = strength;
        }
      }
      for (let k = from; k < to; k++) {
        if (explained[k]! < strongest) explained[k] = strongest;
        covered[k] = 1;
      }
    }
    // Each case's sums run over the atoms in order, as if case by case, so they are the same to
    // the last bit; atoms that count 0 add exactly 0 and are skipped.
    const evidence = this.#evidence;
    const against = this.#against;
    for (let k = 0; k < n; k++) {
      const u = units[k]!;
      if (u === 0) continue;
      const row = k * docCount;
      const unexplained = explained[k]! < EXPLAINED;
      for (let d = 0; d < reached; d++) {
        const doc = docs[d]!;
        const b = best[row + doc]!;
        evidence[doc]! += b * u;
        if (b > 0 || unexplained) against[doc]! += u;
      }
    }
    for (let k = 0; k < n; k++) if (covered[k]) best.fill(0, k * docCount, (k + 1) * docCount);
    const evidenceOut = this.#evidenceOut;
    const againstOut = this.#againstOut;
    for (let d = 0; d < reached; d++) {
      const doc = docs[d]!;
      evidenceOut[d] = evidence[doc]!;
      againstOut[d] = against[doc]!;
      touched[doc] = 0;
      evidence[doc] = 0;
      against[doc] = 0;
    }
    return {
      docs: docs.subarray(0, reached),
      evidence: evidenceOut.subarray(0, reached),
      units: againstOut.subarray(0, reached),
    };
  }
}

/** The terms that hit one case with at least `min` strength, strongest first. */
export function termsFor(doc: number, hits: readonly TermHit[], min = 0.3): string[] {
  const found = new Map<string, number>();
  for (const hit of hits) {
    const i = indexOfDoc(hit.postings.docs, doc);
    if (i < 0) continue;
    const strength = hit.postings.weights[i]! * hit.factor;
    if (strength >= min && (found.get(hit.term) ?? 0) < strength) found.set(hit.term, strength);
  }
  return [...found].sort((a, b) => b[1] - a[1]).map(([term]) => term);
}

/** Where `doc` is in a posting list (ascending), or −1. */
function indexOfDoc(docs: Int32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
