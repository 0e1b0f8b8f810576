import type { Case, Text } from '../catalog/schema.js';
import { ANCESTOR_DECAY, type ConceptIndex, isConceptKey } from './concepts.js';
import { normalize } from './normalize.js';
import { PostingCollector } from './postings.js';
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

/** What a space-free run of Chinese adds: itself (when short enough), segmenter words, bigrams. */
interface ChunkTerms {
  readonly whole: string | null;
  readonly words: readonly string[];
  readonly bigrams: readonly string[];
}

function chunkTerms(chunk: string): ChunkTerms {
  const chunkAtoms = atomize(chunk);
  return {
    whole: chunkAtoms.length <= MAX_PHRASE_ATOMS ? keyOf(chunkAtoms) : null,
    words: segmentZh(chunk),
    bigrams: cjkBigrams(chunk).filter((b) => !ZH_STOPS.has(b[0]!) && !ZH_STOPS.has(b[1]!)),
  };
}

/** The weighted terms of one text, relative to its field weight (memoised per build). */
function textTerms(
  text: string,
  phrase: boolean,
  words: Map<string, string>,
  concepts: ConceptIndex,
  chunks: Map<string, ChunkTerms>,
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
    let zh = chunks.get(chunk);
    if (!zh) {
      zh = chunkTerms(chunk);
      chunks.set(chunk, zh);
    }
    if (zh.whole !== null) put(terms, zh.whole, wordPart);
    for (const w of zh.words) put(terms, w, wordPart);
    for (const b of zh.bigrams) put(terms, b, PART.bigram);
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

/** A text's terms as term numbers, with their relative weights (parallel arrays). */
interface CompiledText {
  readonly terms: Int32Array;
  readonly parts: Float64Array;
  readonly concepts: ConceptLinks;
}

/**
 * Builds the term → cases map. A term's weight in a case is its best field weight there, scaled
 * down by how many cases share it (a linear IDF on the weighted document frequency: a term in
 * every case is worth nothing, a term in one case keeps its full weight).
 */
export function buildTermIndex(cases: readonly Case[], concepts: ConceptIndex): TermIndex {
  const words = new Map<string, string>();
  // Terms are numbered in the order they first occur.
  const numbers = new Map<string, number>();
  const keys: string[] = [];
  const numberOf = (key: string): number => {
    let t = numbers.get(key);
    if (t === undefined) {
      t = keys.length;
      numbers.set(key, t);
      keys.push(key);
    }
    return t;
  };
  const collector = new PostingCollector();
  // Texts repeat across a casebook (and its two languages): each is split once per build, and so
  // is each run of Chinese (titles and keywords share most of theirs).
  const memo = [new Map<string, CompiledText>(), new Map<string, CompiledText>()] as const;
  const chunks = new Map<string, ChunkTerms>();
  const compiled = (text: string, phrase: boolean): CompiledText => {
    const known = memo[phrase ? 1 : 0].get(text);
    if (known) return known;
    const rel = textTerms(text, phrase, words, concepts, chunks);
    const out: CompiledText = {
      terms: Int32Array.from(rel.terms.keys(), numberOf),
      parts: Float64Array.from(rel.terms.values()),
      concepts: rel.concepts,
    };
    memo[phrase ? 1 : 0].set(text, out);
    return out;
  };
  const conceptTerms = new Int32Array(concepts.ids.length).fill(-1);
  // A case's concept links, best over its fields; merged once per case, not once per field.
  const linked = new Float32Array(concepts.ids.length);
  cases.forEach((c, doc) => {
    linked.fill(0);
    for (const [text, weight, phrase] of caseFields(c)) {
      const { terms, parts, concepts: links } = compiled(text, phrase);
      for (let i = 0; i < terms.length; i++) collector.add(terms[i]!, doc, parts[i]! * weight);
      for (const [concept, part] of links) {
        if (linked[concept]! < part * weight) linked[concept] = part * weight;
      }
    }
    linked.forEach((w, concept) => {
      if (w <= 0) return;
      if (conceptTerms[concept]! < 0) conceptTerms[concept] = numberOf(concepts.keys[concept]!);
      collector.add(conceptTerms[concept]!, doc, w);
    });
  });

  const n = cases.length;
  const lists = collector.lists(keys.length);
  // Every kept posting, end to end; each term's postings are a view of its part.
  const keptDocs = new Int32Array(lists.docs.length);
  const keptWeights = new Float32Array(lists.docs.length);
  let kept = 0;
  const postings = new Map<string, Postings>();
  let maxPhraseAtoms = 1;
  keys.forEach((key, t) => {
    const concept = isConceptKey(key);
    const from = lists.starts[t]!;
    const to = lists.starts[t + 1]!;
    let sum = 0;
    for (let i = from; i < to; i++) sum += lists.weights[i]!;
    const df = Math.max(1, sum);
    const idf = n <= 1 ? 1 : Math.max(0, 1 - (df - 1) / (n - 1));
    const first = kept;
    for (let i = from; i < to; i++) {
      const w = lists.weights[i]! * idf;
      if (w < (concept ? MIN_CONCEPT_WEIGHT : MIN_WEIGHT)) continue;
      keptDocs[kept] = lists.docs[i]!;
      keptWeights[kept] = w;
      kept++;
    }
    if (kept === first) return;
    postings.set(key, {
      docs: keptDocs.subarray(first, kept),
      weights: keptWeights.subarray(first, kept),
    });
    if (!concept) maxPhraseAtoms = Math.max(maxPhraseAtoms, atomCount(key));
  });
  for (const [w, key] of words) if (!postings.has(key)) words.delete(w);
  return { ids: cases.map((c) => c.id), postings, words, maxPhraseAtoms };
}
