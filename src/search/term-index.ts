import type { Case, Text } from '../catalog/schema.js';
import { ANCESTOR_DECAY, type ConceptIndex, isConceptKey } from './concepts.js';
import { normalize } from './normalize.js';
import { EN_STOP_WORDS, ZH_STOP_WORDS } from './stop-words.js';
import { type Atom, atomCount, atomize, cjkBigrams, keyOf, segmentZh } from './tokenize.js';

/** How much a hit in each part of a case is worth (before IDF and match quality). */
export const FIELD_WEIGHTS = {
  keyword: 1,
  title: 1,
  metric: 0.7,
  metricValue: 0.4,
  technology: 0.7,
  measure: 0.6,
  challenge: 0.6,
  summary: 0.5,
  background: 0.5,
  effect: 0.5,
  diagram: 0.4,
} as const;

/** A part of a term weight: a whole phrase counts fully, its words and bigrams less. */
const PART = { phrase: 1, word: 0.8, keywordWord: 0.6, bigram: 0.5 } as const;

/** The cases a term occurs in (parallel arrays), with its final weight there (field × part × IDF). */
export interface Postings {
  readonly docs: Int32Array;
  readonly weights: Float32Array;
}

export interface TermIndex {
  /** Case ids by doc number. */
  readonly ids: readonly string[];
  /** Term key (see `keyOf`) → the cases it occurs in. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** Latin words as written in the cases (not stemmed), for typo correction → their key. */
  readonly words: ReadonlyMap<string, string>;
  /** Longest indexed phrase, in atoms. */
  readonly maxPhraseAtoms: number;
}

type Terms = Map<string, number>;

const ZH_STOPS = new Set(ZH_STOP_WORDS);
const MAX_PHRASE_ATOMS = 12;
/** Postings weaker than this (after IDF) are dropped: they could never change a ranking. */
const MIN_WEIGHT = 0.03;
/**
 * Concept postings weaker than this are dropped: a concept most cases share, or one a case only
 * reaches far up the hierarchy, says little, and such lists are the longest to walk per query.
 */
const MIN_CONCEPT_WEIGHT = 0.15;

function isStopKey(key: string): boolean {
  return EN_STOP_WORDS.has(key) || ZH_STOPS.has(key) || key.length < 2;
}

function put(terms: Terms, key: string, weight: number): void {
  if (!key || isStopKey(key)) return;
  if ((terms.get(key) ?? 0) < weight) terms.set(key, weight);
}

/** A text's concepts (with their ancestors) and relative weights, one entry per concept. */
type ConceptLinks = readonly (readonly [concept: number, weight: number])[];

/**
 * The concepts a text mentions, each with its ancestors (weaker by `ANCESTOR_DECAY` per step):
 * this is how a case is linked to concepts from its own words.
 */
function conceptLinks(atoms: readonly Atom[], concepts: ConceptIndex): ConceptLinks {
  const best = new Map<number, number>();
  for (const mention of concepts.find(atoms)) {
    for (const c of mention.concepts) {
      for (const { concept, depth } of concepts.lineage[c]!) {
        const w = ANCESTOR_DECAY ** depth;
        if ((best.get(concept) ?? 0) < w) best.set(concept, w);
      }
    }
  }
  return [...best];
}

interface TextTerms {
  readonly terms: Terms;
  readonly concepts: ConceptLinks;
}

/** The weighted terms of one text, relative to its field weight (memoised per build). */
function textTerms(
  text: string,
  phrase: boolean,
  words: Map<string, string>,
  concepts: ConceptIndex,
): TextTerms {
  const terms: Terms = new Map();
  const norm = normalize(text, 4000);
  const atoms = atomize(norm);
  if (phrase && atoms.length <= MAX_PHRASE_ATOMS) put(terms, keyOf(atoms), PART.phrase);
  const wordPart = phrase ? PART.keywordWord : PART.word;
  // Latin words and adjacent word pairs ("load balancing", "model images").
  atoms.forEach((a, i) => {
    if (a.cjk) return;
    put(terms, a.text, wordPart);
    if (/^[a-z]{3,}$/.test(a.raw) && !EN_STOP_WORDS.has(a.raw)) words.set(a.raw, a.text);
    const next = atoms[i + 1];
    if (next && !next.cjk && !EN_STOP_WORDS.has(a.raw) && !EN_STOP_WORDS.has(next.raw)) {
      put(terms, keyOf(atoms, i, i + 2), phrase ? wordPart : PART.phrase);
    }
  });
  // Chinese: every space-free chunk as a phrase, segmenter words, and bigrams.
  for (const chunk of norm.split(' ')) {
    if (!/\p{Script=Han}/u.test(chunk)) continue;
    const chunkAtoms = atomize(chunk);
    if (chunkAtoms.length <= MAX_PHRASE_ATOMS) put(terms, keyOf(chunkAtoms), wordPart);
    for (const w of segmentZh(chunk)) put(terms, w, wordPart);
    for (const b of cjkBigrams(chunk)) {
      if (!ZH_STOPS.has(b[0]!) && !ZH_STOPS.has(b[1]!)) put(terms, b, PART.bigram);
    }
  }
  return { terms, concepts: conceptLinks(atoms, concepts) };
}

/** Node labels of a mermaid diagram: A[推理请求] → 推理请求. */
function diagramLabels(source: string): string[] {
  return [...source.matchAll(/[[({]+([^\])}]+)[\])}]+/g)].map((m) => m[1]!);
}

function caseFields(c: Case): [string, number, boolean][] {
  const both = (t: Text, w: number, phrase = false): [string, number, boolean][] => [
    [t.zh, w, phrase],
    // A monolingual case's text is the same in both: index it once.
    ...(c.lang && t.en === t.zh ? [] : [[t.en, w, phrase] as [string, number, boolean]]),
  ];
  const W = FIELD_WEIGHTS;
  return [
    [c.id.replace(/-/g, ' '), W.title, true],
    ...both(c.title, W.title, true),
    ...both(c.summary, W.summary),
    ...c.background.flatMap((t) => both(t, W.background)),
    ...c.challenges.flatMap((t) => both(t, W.challenge)),
    ...c.solutions.flatMap((s) => [
      ...both(s.technologies, W.technology),
      ...both(s.measures, W.measure),
      ...both(s.effect, W.effect),
    ]),
    ...c.metrics.flatMap((m) => [
      ...both(m.name, W.metric, true),
      ...both(m.before, W.metricValue),
      ...both(m.after, W.metricValue),
    ]),
    ...[...diagramLabels(c.diagram?.zh ?? ''), ...diagramLabels(c.diagram?.en ?? '')].map(
      (label): [string, number, boolean] => [label, W.diagram, true],
    ),
    ...[...c.keywords.zh, ...c.keywords.en].map((k): [string, number, boolean] => [
      k,
      W.keyword,
      true,
    ]),
  ];
}

/**
 * Builds the term → cases map. A term's weight in a case is its best field weight there, scaled
 * down by how many cases share it (a linear IDF on the weighted document frequency: a term in
 * every case is worth nothing, a term in one case keeps its full weight).
 */
export function buildTermIndex(cases: readonly Case[], concepts: ConceptIndex): TermIndex {
  const words = new Map<string, string>();
  const memo = new Map<string, TextTerms>();
  const raw = new Map<string, { docs: number[]; weights: number[] }>();
  const add = (key: string, doc: number, w: number) => {
    const list = raw.get(key);
    if (!list) raw.set(key, { docs: [doc], weights: [w] });
    else if (list.docs[list.docs.length - 1] !== doc) {
      list.docs.push(doc);
      list.weights.push(w);
    } else if (list.weights[list.weights.length - 1]! < w) {
      list.weights[list.weights.length - 1] = w;
    }
  };
  // A case's concept links, best over its fields; merged once per case, not once per field.
  const linked = new Float32Array(concepts.ids.length);
  cases.forEach((c, doc) => {
    linked.fill(0);
    for (const [text, weight, phrase] of caseFields(c)) {
      const memoKey = `${phrase ? 'p' : 't'}\u0000${text}`;
      let rel = memo.get(memoKey);
      if (!rel) {
        rel = textTerms(text, phrase, words, concepts);
        memo.set(memoKey, rel);
      }
      rel.terms.forEach((part, key) => {
        add(key, doc, part * weight);
      });
      for (const [concept, part] of rel.concepts) {
        if (linked[concept]! < part * weight) linked[concept] = part * weight;
      }
    }
    linked.forEach((w, concept) => {
      if (w > 0) add(concepts.keys[concept]!, doc, w);
    });
  });

  const n = cases.length;
  const postings = new Map<string, Postings>();
  let maxPhraseAtoms = 1;
  for (const [key, list] of raw) {
    const concept = isConceptKey(key);
    const df = Math.max(
      1,
      list.weights.reduce((sum, w) => sum + w, 0),
    );
    const idf = n <= 1 ? 1 : Math.max(0, 1 - (df - 1) / (n - 1));
    const docs: number[] = [];
    const weights: number[] = [];
    list.docs.forEach((doc, i) => {
      const w = list.weights[i]! * idf;
      if (w < (concept ? MIN_CONCEPT_WEIGHT : MIN_WEIGHT)) return;
      docs.push(doc);
      weights.push(w);
    });
    if (docs.length === 0) continue;
    postings.set(key, { docs: Int32Array.from(docs), weights: Float32Array.from(weights) });
    if (!concept) maxPhraseAtoms = Math.max(maxPhraseAtoms, atomCount(key));
  }
  for (const [w, key] of words) if (!postings.has(key)) words.delete(w);
  return { ids: cases.map((c) => c.id), postings, words, maxPhraseAtoms };
}
