import type { Catalog } from '../../catalog/model.js';
import { normalize } from '../../search/index.js';
import { atomize, keyOf, termKey } from '../../search/tokenize.js';

/**
 * What people call a case when they name it: its id, its titles, and its titles without a
 * generic last word or a bracket ("E-commerce platform" → "e-commerce", "Edge computing (IoT)"
 * → "edge computing", "iot", "金融系统" → "金融"). Read from the casebook, so a team's own
 * casebook is named the same way. Names are compared as the search compares words (normalised,
 * stemmed, Latin words whole), one lookup per run of a message's words.
 */
const GENERIC_TAIL =
  /\s+(?:platform|system|systems|service|services|case|computing)$|(?:平台|系统|服务|案例)$/u;
const BRACKET = /\s*[(（]([^)）]*)[)）]\s*/u;

function namesOf(id: string, titles: readonly string[]): string[] {
  const names = new Set<string>([id, id.replace(/-/g, ' ')]);
  for (const title of titles) {
    const t = title.normalize('NFKC').toLowerCase().trim();
    const inBracket = BRACKET.exec(t)?.[1]?.trim();
    const bare = t.replace(BRACKET, ' ').trim();
    for (const n of [t, bare, bare.replace(GENERIC_TAIL, ''), inBracket]) {
      if (n && n.length >= 2) names.add(n);
    }
  }
  return [...names];
}

interface NameTable {
  /** Name key (see `termKey`) → the cases it names. */
  readonly cases: ReadonlyMap<string, readonly string[]>;
  /** The longest name, in atoms. */
  readonly maxAtoms: number;
}

function nameTable(catalog: Catalog): NameTable {
  const cases = new Map<string, string[]>();
  let maxAtoms = 1;
  for (const c of catalog.cases) {
    for (const name of namesOf(c.id, [c.title.en, c.title.zh])) {
      const key = termKey(name);
      if (!key) continue;
      maxAtoms = Math.max(maxAtoms, atomize(normalize(name, 200)).length);
      const ids = cases.get(key) ?? [];
      if (!ids.includes(c.id)) ids.push(c.id);
      cases.set(key, ids);
    }
  }
  return { cases, maxAtoms };
}

const tables = new WeakMap<Catalog, NameTable>();

/** The ids of the cases a text names, in casebook order. */
export function namedCases(catalog: Catalog, text: string): string[] {
  let table = tables.get(catalog);
  if (!table) {
    table = nameTable(catalog);
    tables.set(catalog, table);
  }
  const atoms = atomize(normalize(text));
  const found = new Set<string>();
  for (let i = 0; i < atoms.length; i++) {
    for (let j = i + 1; j <= Math.min(atoms.length, i + table.maxAtoms); j++) {
      for (const id of table.cases.get(keyOf(atoms, i, j)) ?? []) found.add(id);
    }
  }
  return found.size === 0 ? [] : catalog.cases.filter((c) => found.has(c.id)).map((c) => c.id);
}
