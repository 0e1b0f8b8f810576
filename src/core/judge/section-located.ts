import type { Catalog, Section } from '../../catalog/model.js';
import type { Case, Text } from '../../catalog/schema.js';
import { normalize } from '../../search/index.js';
import { buildSynonymMap, type SynonymMap } from '../../search/synonyms.js';
import { atomize, cjkBigrams } from '../../search/tokenize.js';
import { content } from './grounding.js';

/**
 * The part of a case a thread reply asks about when it names no part: the part whose own words
 * the reply uses ("where does the message queue sit?" → the diagram has the queue; "was WASM
 * part of it?" → the solutions use WASM; "模型存储放哪了" → 模型存储 is a box of the diagram).
 * Words are compared as the search compares them (stemmed, Chinese by character pairs), with the
 * search's synonyms ("db" finds "database") and stems that begin one another ("store", "storage"). Null when no part uses the reply's words more than
 * every other part: the case's overview then.
 */

type Vocabulary = ReadonlySet<string>;

/** A mermaid diagram's labels (`A[Cache cluster]`, `B{Gateway}`), without its syntax. */
function diagramLabels(source: string): string {
  const labels: string[] = [];
  for (const m of source.matchAll(/\[([^\]\n]*)\]|\(([^)\n]*)\)|\{([^}\n]*)\}|\|([^|\n]*)\|/g)) {
    labels.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return labels.join('\n');
}

function sectionTexts(c: Case): Readonly<Record<Section, readonly string[]>> {
  const both = (t: Text) => [t.en, t.zh];
  return {
    challenges: c.challenges.flatMap(both),
    solutions: c.solutions.flatMap((s) => [s.technologies, s.measures, s.effect].flatMap(both)),
    architecture: c.diagram ? both(c.diagram).map(diagramLabels) : [],
    metrics: c.metrics.flatMap((m) => [m.name, m.before, m.after].flatMap(both)),
  };
}

function vocabularyOf(texts: readonly string[]): Vocabulary {
  const words = new Set<string>();
  for (const t of texts) {
    const norm = normalize(t, 100_000);
    for (const a of atomize(norm)) if (!a.cjk) words.add(a.text);
    for (const b of cjkBigrams(norm)) words.add(b);
  }
  return words;
}

type Vocabularies = ReadonlyMap<Section, Vocabulary>;

const cache = new WeakMap<Catalog, Map<string, Vocabularies>>();
let synonyms: SynonymMap | undefined;

function vocabularies(catalog: Catalog, caseId: string): Vocabularies | undefined {
  let all = cache.get(catalog);
  if (!all) {
    all = new Map();
    cache.set(catalog, all);
  }
  let found = all.get(caseId);
  if (!found) {
    const c = catalog.byId.get(caseId);
    if (!c) return undefined;
    const texts = sectionTexts(c);
    found = new Map(
      (Object.keys(texts) as Section[]).map((s) => [s, vocabularyOf(texts[s])] as const),
    );
    all.set(caseId, found);
  }
  return found;
}

/** Whether a vocabulary has a synonym key: every word of a Latin phrase, every pair of a Chinese one. */
function hasKey(vocab: Vocabulary, key: string): boolean {
  const pairs = cjkBigrams(key);
  if (pairs.length > 0) return pairs.every((p) => vocab.has(p));
  const words = key.split(' ');
  return words.length > 0 && words.every((w) => vocab.has(w));
}

/** Stems this long that begin one another are the same word ("store" and "storage", "serving" and "service"). */
const SAME_STEM_CHARS = 4;

function sameStem(a: string, b: string): boolean {
  return (
    a.length >= SAME_STEM_CHARS &&
    b.length >= SAME_STEM_CHARS &&
    (a.startsWith(b) || b.startsWith(a))
  );
}

function uses(vocab: Vocabulary, word: string): boolean {
  if (vocab.has(word)) return true;
  synonyms ??= buildSynonymMap();
  if ((synonyms.get(word) ?? []).some((k) => hasKey(vocab, k))) return true;
  for (const v of vocab) if (sameStem(v, word)) return true;
  return false;
}

/**
 * `prefer`: the part to answer with when it ties for the most words (a question asking how
 * something was done, about what the case both struggled with and solved, wants the solution).
 */
export function sectionLocated(
  catalog: Catalog,
  caseId: string,
  text: string,
  prefer?: Section,
): Section | null {
  const vocabs = vocabularies(catalog, caseId);
  if (!vocabs) return null;
  const { latin, pairs } = content(text);
  const scores = new Map<Section, number>();
  for (const [section, vocab] of vocabs) {
    let score = 0;
    for (const w of latin) if (uses(vocab, w)) score += 1;
    for (const p of pairs) if (vocab.has(p)) score += 0.5;
    if (score > 0) scores.set(section, score);
  }
  const top = Math.max(0, ...scores.values());
  const best = [...scores].filter(([, score]) => score === top).map(([section]) => section);
  if (best.length === 1) return best[0]!;
  return prefer && best.includes(prefer) ? prefer : null;
}
