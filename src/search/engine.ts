import type { Case } from '../catalog/schema.js';
import { buildConceptIndex, type ConceptIndex, type ConceptMention } from './concepts.js';
import { CONFIDENT, confidence } from './confidence.js';
import { TypoCorrector } from './fuzzy.js';
import { type CaseEvidence, EvidenceCounter, type TermHit, termsFor } from './hits.js';
import { detectLang } from './lang.js';
import { normalize } from './normalize.js';
import { inPhraseSense } from './phrase-sense.js';
import { detectSection } from './section.js';
import { GENERIC_WORDS } from './stop-words.js';
import { buildSynonymMap, type SynonymMap } from './synonyms.js';
import { buildTermIndex, type Postings, type TermIndex } from './term-index.js';
import {
  type Atom,
  atomize,
  extendKey,
  keyOf,
  keyPrefixes,
  stopMask,
  termKey,
} from './tokenize.js';
import type { SearchIndex, SearchMatch, SearchResult } from './types.js';

export const MAX_MATCHES = 4;
/** Matches with less than this share of the best match's evidence are dropped. */
export const MARGIN = 0.5;
const SYNONYM_FACTOR = 0.9;
/** A concept shared by question and case is good evidence, but less than the same words. */
export const CONCEPT_FACTOR = 0.8;
/** How much evidence one unit of an outside concept (see `ConceptDef.outside`) takes away. */
export const OUTSIDE_WEIGHT = 1.5;
const MAX_FUZZY_WORDS = 24;
const MAX_KEY_CHARS = 40;

class Engine implements SearchIndex {
  readonly size: number;
  readonly #index: TermIndex;
  readonly #synonyms: SynonymMap;
  readonly #concepts: ConceptIndex;
  readonly #typos: TypoCorrector;
  readonly #generic: ReadonlySet<string>;
  /**
   * Every key a run of question atoms can have on the way to a term: the term's postings, those
   * of its synonyms, or nothing yet. A run whose key is not here cannot grow into a term.
   */
  readonly #keys: ReadonlyMap<string, KeyEntry>;
  readonly #counter = new EvidenceCounter();

  constructor(cases: readonly Case[]) {
    this.size = cases.length;
    this.#concepts = buildConceptIndex();
    this.#index = buildTermIndex(cases, this.#concepts);
    this.#synonyms = buildSynonymMap();
    this.#typos = new TypoCorrector(this.#index.words);
    this.#generic = new Set(GENERIC_WORDS.map(termKey));
    this.#keys = keyTable(this.#index.postings, this.#synonyms);
  }

  search(query: string): SearchResult {
    const norm = normalize(query);
    const intent = detectSection(norm);
    const { section } = intent;
    const lang = detectLang(norm || query);
    const atoms = atomize(norm);
    if (atoms.length === 0) return { query, section, lang, matches: [] };

    const mentions = this.#concepts.find(atoms);
    const units = this.#units(atoms, intent.spans, mentions);
    const { words, quality } = this.#correctTypos(atoms, units);
    const hits = inPhraseSense(
      this.#lookup(words, quality, units),
      mentions,
      this.#index.postings,
      this.#concepts,
      this.size,
    );
    const outside = this.#conceptHits(mentions, units, hits);

    const found = this.#counter.count(hits, units, this.size);
    const best = topMatches(found, MAX_MATCHES, intent.section !== null, outside);
    const top = best[0];
    const matches: SearchMatch[] = best
      .filter((m) => top && m.evidence >= top.evidence * MARGIN)
      .map((m) => ({
        caseId: this.#index.ids[m.doc]!,
        score: Math.round(m.score * 1000) / 1000,
        matchedTerms: termsFor(m.doc, hits).slice(0, 8),
      }));
    return { query, section, lang, matches };
  }

  /**
   * How much each atom counts: 0 for stop, section and generic words and for repeats (a word or a
   * Chinese phrase said twice is not more evidence); a CJK character counts half a word. A concept
   * said with stop words ("goes down", "挂了") counts at least one word.
   */
  #units(
    atoms: readonly Atom[],
    spans: readonly (readonly [number, number])[],
    mentions: readonly ConceptMention[],
  ): number[] {
    const stops = stopMask(atoms);
    const seen = new Set<string>();
    const inSection = (a: Atom) => spans.some(([s, e]) => a.start < e && a.end > s);
    const units = atoms.map((a, i): number => {
      if (stops[i]) return 0;
      if (inSection(a)) return 0;
      return a.cjk ? 0.5 : 1;
    });
    for (const { from, to } of mentions) {
      let said = 0;
      const silent: number[] = [];
      for (let k = from; k < to; k++) {
        if (inSection(atoms[k]!)) {
          silent.length = 0;
          said = 1;
          break;
        }
        if (stops[k]) silent.push(k);
        else said += units[k]!;
      }
      for (const k of silent) units[k] = Math.max(units[k]!, (1 - said) / silent.length);
    }
    for (let i = 0; i < atoms.length; i++) {
      for (let j = Math.min(atoms.length, i + 3); j > i; j--) {
        if (this.#generic.has(keyOf(atoms, i, j))) {
          for (let k = i; k < j; k++) units[k] = 0;
          break;
        }
      }
    }
    // Repeats: Latin words by stem, Chinese by whole space-free chunk.
    let i = 0;
    while (i < atoms.length) {
      const a = atoms[i]!;
      let j = i + 1;
      if (a.cjk) {
        while (j < atoms.length && atoms[j]!.start === atoms[j - 1]!.end && atoms[j]!.cjk) j++;
      }
      const key = a.cjk ? `zh:${keyOf(atoms, i, j)}` : `en:${a.text}`;
      if (seen.has(key)) for (let k = i; k < j; k++) units[k] = 0;
      seen.add(key);
      i = j;
    }
    return units;
  }

  /** Replaces unknown English words by the casebook word they most likely misspell. */
  #correctTypos(atoms: readonly Atom[], units: readonly number[]) {
    const quality = atoms.map(() => 1);
    let budget = MAX_FUZZY_WORDS;
    const words = atoms.map((a, i) => {
      if (a.cjk || units[i] === 0 || budget <= 0) return a;
      if (this.#index.postings.has(a.text) || this.#synonyms.has(a.text)) return a;
      if (this.#concepts.hasWord(a.text)) return a;
      budget--;
      const fix = this.#typos.correct(a.raw);
      if (!fix) return a;
      quality[i] = fix.similarity;
      return { ...a, text: fix.key };
    });
    return { words, quality };
  }

  /**
   * Every run of atoms (up to the longest indexed phrase) that is an indexed term or a synonym of
   * one. Runs that only cover stop, section or generic words are skipped: they cannot add evidence.
   */
  #lookup(atoms: readonly Atom[], quality: readonly number[], units: readonly number[]): TermHit[] {
    const hits: TermHit[] = [];
    const { maxPhraseAtoms } = this.#index;
    for (let i = 0; i < atoms.length; i++) {
      let q = 1;
      let counts = false;
      let key = '';
      for (let j = i + 1; j <= Math.min(atoms.length, i + maxPhraseAtoms); j++) {
        q = Math.min(q, quality[j - 1]!);
        counts ||= units[j - 1]! > 0;
        key = extendKey(key, atoms, i, j - 1);
        const entry = this.#keys.get(key);
        if (!entry) break;
        if (j === i + 1 && atoms[i]!.cjk) continue;
        if (key.length > MAX_KEY_CHARS) break;
        if (!counts) continue;
        if (entry.own) hits.push({ from: i, to: j, term: key, postings: entry.own, factor: q });
        for (const [term, postings] of entry.synonyms) {
          hits.push({ from: i, to: j, term, postings, factor: q * SYNONYM_FACTOR });
        }
      }
    }
    return hits;
  }

  /**
   * The concepts the question mentions, as hits on the cases linked to them (weaker than a word
   * match). The hierarchy works on the case side: a case that mentions a narrower concept is
   * linked to every broader one, so "shoppers" meets the case that talks of flash sales, while
   * "flash sale" does not meet a case that only talks of shops. Returns how many of the
   * question's units name a concept outside the field that no case is linked to.
   */
  #conceptHits(
    mentions: readonly ConceptMention[],
    units: readonly number[],
    hits: TermHit[],
  ): number {
    const { postings } = this.#index;
    const outside = new Set<number>();
    for (const { from, to, concepts } of mentions) {
      let counts = false;
      for (let k = from; k < to; k++) counts ||= units[k]! > 0;
      if (!counts) continue;
      for (const c of concepts) {
        const term = this.#concepts.keys[c]!;
        const p = postings.get(term);
        if (p) hits.push({ from, to, term, postings: p, factor: CONCEPT_FACTOR });
        else if (this.#concepts.outside[c]) for (let k = from; k < to; k++) outside.add(k);
      }
    }
    let against = 0;
    for (const k of outside) against += units[k]!;
    return against;
  }
}

interface KeyEntry {
  readonly own: Postings | undefined;
  readonly synonyms: readonly (readonly [term: string, postings: Postings])[];
}

const NO_SYNONYMS: KeyEntry['synonyms'] = [];
const NOT_YET: KeyEntry = { own: undefined, synonyms: NO_SYNONYMS };

/** The lookup table of `#lookup`: every term and synonym key, and every key on the way to one. */
function keyTable(
  postings: ReadonlyMap<string, Postings>,
  synonyms: SynonymMap,
): Map<string, KeyEntry> {
  const table = new Map<string, KeyEntry>();
  for (const key of keyPrefixes([...postings.keys(), ...synonyms.keys()])) {
    const own = postings.get(key);
    const alts =
      synonyms.get(key)?.flatMap((alt) => {
        const p = postings.get(alt);
        return p ? [[alt, p] as const] : [];
      }) ?? NO_SYNONYMS;
    table.set(key, own || alts.length > 0 ? { own, synonyms: alts } : NOT_YET);
  }
  return table;
}

interface Ranked {
  readonly doc: number;
  readonly evidence: number;
  readonly score: number;
}

/**
 * The `k` confident cases with the highest score (then evidence, then casebook order). `outside`
 * units of the question name things no case is about; each cancels a unit of any case's evidence.
 */
function topMatches(
  found: CaseEvidence,
  k: number,
  asksForSection: boolean,
  outside: number,
): Ranked[] {
  const out: Ranked[] = [];
  const before = (score: number, evidence: number, doc: number, b: Ranked) =>
    score > b.score ||
    (score === b.score && (evidence > b.evidence || (evidence === b.evidence && doc < b.doc)));
  for (let i = 0; i < found.docs.length; i++) {
    const doc = found.docs[i]!;
    const evidence = Math.max(0, found.evidence[i]! - OUTSIDE_WEIGHT * outside);
    const total = found.units[i]!;
    const score = confidence(
      evidence,
      total > 0 ? Math.min(1, evidence / total) : 0,
      asksForSection,
    );
    if (score < CONFIDENT) continue;
    const last = out[out.length - 1];
    if (out.length === k && last && !before(score, evidence, doc, last)) continue;
    let at = 0;
    while (at < out.length && !before(score, evidence, doc, out[at]!)) at++;
    out.splice(at, 0, { doc, evidence, score });
    if (out.length > k) out.pop();
  }
  return out;
}

/** Builds the search index over a casebook. */
export function buildIndex(cases: readonly Case[]): SearchIndex {
  return new Engine(cases);
}
