import type { Catalog } from '../../catalog/model.js';
import type { Case, Text } from '../../catalog/schema.js';
import { PLATFORM_CONCEPTS } from '../../search/concept-data-platform.js';
import { buildConceptIndex, type ConceptIndex } from '../../search/concepts.js';
import { detectSection, normalize } from '../../search/index.js';
import { atomize, cjkBigrams, stopMask } from '../../search/tokenize.js';

/**
 * What a message is about, measured against a case's own words: a reply in a thread that talks
 * of things the case never mentions ("Kafka 分区数一般设多少？", "QoS class") is not asking about
 * the case, however it asks. And the search's concepts of everyday life outside the field (a
 * shopper's order, a bank card, a course, a game), which no case answers.
 */

/** The words a case is written in: stemmed Latin words and Chinese character pairs. */
type Vocabulary = ReadonlySet<string>;

function texts(c: Case): string[] {
  const out: string[] = [];
  const add = (t: Text | undefined) => {
    if (t) out.push(t.en, t.zh);
  };
  add(c.title);
  add(c.summary);
  for (const b of c.background ?? []) add(b);
  for (const ch of c.challenges) add(ch);
  for (const s of c.solutions) {
    add(s.technologies);
    add(s.measures);
    add(s.effect);
  }
  for (const m of c.metrics ?? []) {
    add(m.name);
    add(m.before);
    add(m.after);
  }
  add(c.diagram);
  if (c.keywords) out.push(...c.keywords.en, ...c.keywords.zh);
  return out;
}

function vocabularyOf(c: Case): Vocabulary {
  const words = new Set<string>();
  for (const t of texts(c)) {
    const norm = normalize(t, 100_000);
    for (const a of atomize(norm)) if (!a.cjk) words.add(a.text);
    for (const b of cjkBigrams(norm)) words.add(b);
  }
  return words;
}

const vocabularies = new WeakMap<Catalog, Map<string, Vocabulary>>();

/** A case's vocabulary, made the first time a thread about it needs it. */
function vocabulary(catalog: Catalog, caseId: string): Vocabulary | undefined {
  let all = vocabularies.get(catalog);
  if (!all) {
    all = new Map();
    vocabularies.set(catalog, all);
  }
  let vocab = all.get(caseId);
  if (!vocab) {
    const c = catalog.byId.get(caseId);
    if (!c) return undefined;
    vocab = vocabularyOf(c);
    all.set(caseId, vocab);
  }
  return vocab;
}

/**
 * Chat words that say nothing of a topic ("how long did it take", "how did it work", "用了多久"),
 * beside the search's stop words.
 */
const FILLER = new Set(
  `take took taken long move moved work worked use used using pick picked end ended help helped
  look looked make made done new old first last time part parts one two exactly specifically
  again else back start started before after whole real actual actually main`
    .split(/\s+/)
    .filter(Boolean),
);

/** The content of a text: its words that are not stop words, chat filler or ways of asking for a part. */
export function content(text: string): { latin: string[]; pairs: string[] } {
  let norm = normalize(text);
  const { spans } = detectSection(norm);
  for (const [s, e] of [...spans].sort((a, b) => b[0] - a[0])) {
    norm = `${norm.slice(0, s)} ${norm.slice(e)}`;
  }
  const atoms = atomize(norm);
  const stops = stopMask(atoms);
  const latin = atoms
    .filter((a, i) => !a.cjk && !stops[i] && !FILLER.has(a.raw) && !/^\d+$/.test(a.text))
    .map((a) => a.text);
  // Chinese content: the character pairs of what is left once stop words are blanked out.
  let cjk = '';
  atoms.forEach((a, i) => {
    cjk += a.cjk && !stops[i] ? a.text : ' ';
  });
  return { latin, pairs: cjkBigrams(cjk) };
}

/** A text this small (in words; two Chinese characters count one) leans on its thread. */
const ELLIPTICAL_UNITS = 1;

/** How much a text says of its own, in words (two Chinese characters count one). */
export function contentUnits(text: string): number {
  const { latin, pairs } = content(text);
  return latin.length + pairs.length / 2;
}

/** Whether a reply says so little of its own ("and the metrics?", "架构图呢") that its thread is its subject. */
export function elliptical(text: string): boolean {
  const { latin, pairs } = content(text);
  return latin.length + pairs.length / 2 <= ELLIPTICAL_UNITS;
}

/** The share of a text's content words the case itself uses (1 when there is none). */
export function groundedIn(catalog: Catalog, caseId: string, text: string): number {
  const vocab = vocabulary(catalog, caseId);
  if (!vocab) return 0;
  const { latin, pairs } = content(text);
  const total = latin.length + pairs.length / 2;
  if (total === 0) return 1;
  let found = 0;
  for (const w of latin) if (vocab.has(w)) found++;
  for (const p of pairs) if (vocab.has(p)) found += 0.5;
  return found / total;
}

let concepts: ConceptIndex | undefined;

/** Whether a text names everyday life outside the field (the search's `outside` concepts). */
export function mentionsOutside(text: string): boolean {
  concepts ??= buildConceptIndex();
  const index = concepts;
  return index.find(atomize(normalize(text))).some((m) => m.concepts.some((c) => index.outside[c]));
}

/** The search's concepts of a team's own platform work: builds, secrets, logs and traces, repos. */
const PLATFORM_TOPICS = new Set(PLATFORM_CONCEPTS.map((d) => d.id));

function conceptsIn(index: ConceptIndex, text: string): Set<string> {
  const found = new Set<string>();
  for (const m of index.find(atomize(normalize(text, 100_000)))) {
    for (const c of m.concepts) found.add(index.ids[c]!);
  }
  return found;
}

const caseConcepts = new WeakMap<Catalog, Map<string, ReadonlySet<string>>>();

/**
 * Whether a text asks about platform work (logs, builds, secrets, repos: the search's platform
 * concepts) that the case never mentions: "边缘节点的日志怎么收集" is about collecting logs, which
 * the edge case does not cover, however edge its words are. A team's casebook that has such a
 * case answers it.
 */
export function namesTopicCaseLacks(catalog: Catalog, caseId: string, text: string): boolean {
  concepts ??= buildConceptIndex();
  const index = concepts;
  const asked = [...conceptsIn(index, text)].filter((c) => PLATFORM_TOPICS.has(c));
  if (asked.length === 0) return false;
  let all = caseConcepts.get(catalog);
  if (!all) {
    all = new Map();
    caseConcepts.set(catalog, all);
  }
  let covered = all.get(caseId);
  if (!covered) {
    const c = catalog.byId.get(caseId);
    covered = c ? conceptsIn(index, texts(c).join('\n')) : new Set();
    all.set(caseId, covered);
  }
  const has = covered;
  return asked.some((c) => !has.has(c));
}
