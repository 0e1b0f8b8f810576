import { CONCEPTS, type ConceptDef } from './concept-data.js';
import { normalize } from './normalize.js';
import { type Atom, atomize, keyOf } from './tokenize.js';

/** Each step up the hierarchy keeps this share of a concept's weight. */
export const ANCESTOR_DECAY = 0.7;
const MAX_SURFACE_CHARS = 40;

/** A concept a text mentions, and how far up the hierarchy from the word said (0 = itself). */
export interface Lineage {
  readonly concept: number;
  readonly depth: number;
}

/** A run of atoms [from, to) that is a surface form of one or more concepts. */
export interface ConceptMention {
  readonly from: number;
  readonly to: number;
  readonly concepts: readonly number[];
}

export interface ConceptIndex {
  /** Concept ids by concept number. */
  readonly ids: readonly string[];
  /** Concept number → itself and every ancestor, each once, at its shortest depth. */
  readonly lineage: readonly (readonly Lineage[])[];
  /** Concept number → the index key its evidence is posted under (never a real term's key). */
  readonly keys: readonly string[];
  /** Concept number → whether it is marked as outside the field (see `ConceptDef.outside`). */
  readonly outside: readonly boolean[];
  /** True when a (stemmed) Latin word is part of some surface form: typo correction leaves it. */
  hasWord(word: string): boolean;
  /** The mentions in a text's atoms; a mention inside a longer one ("warehouse" in "data warehouse") is dropped. */
  find(atoms: readonly Atom[]): ConceptMention[];
}

/** The index key of a concept (":" never survives `normalize`, so it cannot clash with a term). */
export function conceptKey(id: string): string {
  return `${CONCEPT_KEY_PREFIX}${id}`;
}

const CONCEPT_KEY_PREFIX = 'concept:';

export function isConceptKey(key: string): boolean {
  return key.startsWith(CONCEPT_KEY_PREFIX);
}

/** The surface forms of a concept, split and trimmed, both languages. */
export function surfaceForms(def: ConceptDef): string[] {
  return [...def.en.split('|'), ...def.zh.split('|')].map((s) => s.trim()).filter(Boolean);
}

/** The key a surface form is matched by (the search's own normalising and stemming). */
export function surfaceKey(form: string): string {
  return keyOf(atomize(normalize(form, MAX_SURFACE_CHARS * 2)));
}

function lineages(defs: readonly ConceptDef[], number: ReadonlyMap<string, number>): Lineage[][] {
  return defs.map((def) => {
    const depth = new Map<number, number>([[number.get(def.id)!, 0]]);
    let frontier = [def];
    for (let d = 1; frontier.length > 0; d++) {
      const next: ConceptDef[] = [];
      for (const f of frontier) {
        for (const parent of f.parents ?? []) {
          const n = number.get(parent);
          if (n === undefined) {
            throw new Error(`concept "${f.id}": unknown parent "${parent}"`);
          }
          if (depth.has(n)) continue;
          depth.set(n, d);
          next.push(defs[n]!);
        }
      }
      frontier = next;
    }
    return [...depth].map(([concept, d]) => ({ concept, depth: d }));
  });
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Atom indices where a Chinese word starts or ends, in the run of ideographs around `at`. */
function wordBoundaries(atoms: readonly Atom[], at: number): Set<number> {
  let from = at;
  while (from > 0 && atoms[from - 1]!.cjk && atoms[from - 1]!.end === atoms[from]!.start) from--;
  let to = at + 1;
  while (to < atoms.length && atoms[to]!.cjk && atoms[to]!.start === atoms[to - 1]!.end) to++;
  const bounds = new Set<number>([from, to]);
  let k = from;
  for (const s of segmenter.segment(keyOf(atoms, from, to))) {
    k += [...s.segment].length;
    bounds.add(k);
  }
  return bounds;
}

/**
 * Chinese has no spaces, so two forms can overlap across a word boundary: 早上|报表 holds 上报
 * ("report upwards") and 报表 ("reports"). Of two crossing Chinese mentions, the one that is not
 * a whole word (by `Intl.Segmenter`) is dropped when the other one is.
 */
function resolveCrossings(
  mentions: readonly ConceptMention[],
  atoms: readonly Atom[],
): ConceptMention[] {
  const crosses = (a: ConceptMention, b: ConceptMention) =>
    a.from < b.from && b.from < a.to && a.to < b.to;
  const drop = new Set<ConceptMention>();
  for (const a of mentions) {
    for (const b of mentions) {
      if (!crosses(a, b) || !atoms[a.from]!.cjk || !atoms[b.to - 1]!.cjk) continue;
      const bounds = wordBoundaries(atoms, a.from);
      const whole = (m: ConceptMention) => bounds.has(m.from) && bounds.has(m.to);
      if (whole(a) && !whole(b)) drop.add(b);
      if (whole(b) && !whole(a)) drop.add(a);
    }
  }
  return drop.size === 0 ? [...mentions] : mentions.filter((m) => !drop.has(m));
}

/** Builds the concept lookup from concept definitions (the shipped ones by default). */
export function buildConceptIndex(defs: readonly ConceptDef[] = CONCEPTS): ConceptIndex {
  const number = new Map(defs.map((d, i) => [d.id, i]));
  if (number.size !== defs.length) throw new Error('concept ids must be unique');
  const surfaces = new Map<string, number[]>();
  const words = new Set<string>();
  let maxAtoms = 1;
  defs.forEach((def, i) => {
    for (const form of surfaceForms(def)) {
      const atoms = atomize(normalize(form, MAX_SURFACE_CHARS * 2));
      const key = keyOf(atoms);
      if (!key) continue;
      const list = surfaces.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      surfaces.set(key, list);
      maxAtoms = Math.max(maxAtoms, atoms.length);
      for (const a of atoms) if (!a.cjk) words.add(a.text);
    }
  });

  return {
    ids: defs.map((d) => d.id),
    lineage: lineages(defs, number),
    keys: defs.map((d) => conceptKey(d.id)),
    outside: defs.map((d) => d.outside === true),
    hasWord: (word) => words.has(word),
    find(atoms) {
      const found: ConceptMention[] = [];
      for (let i = 0; i < atoms.length; i++) {
        let key = '';
        for (let j = i; j < Math.min(atoms.length, i + maxAtoms); j++) {
          const a = atoms[j]!;
          if (j > i && !a.cjk && !atoms[j - 1]!.cjk) key += ' ';
          key += a.text;
          if (key.length > MAX_SURFACE_CHARS) break;
          const concepts = surfaces.get(key);
          if (concepts) found.push({ from: i, to: j + 1, concepts });
        }
      }
      const kept = found.filter(
        (m) =>
          !found.some(
            (o) => o !== m && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from,
          ),
      );
      return resolveCrossings(kept, atoms);
    },
  };
}
