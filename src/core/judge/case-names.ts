import type { Catalog } from '../../catalog/model.js';

/**
 * What people call a case when they name it: its id, its titles, and its titles without a
 * generic last word or a bracket ("E-commerce platform" → "e-commerce", "Edge computing (IoT)"
 * → "edge computing", "iot", "金融系统" → "金融"). Read from the casebook, so a team's own
 * casebook is named the same way.
 */
const GENERIC_TAIL =
  /\s+(?:platform|system|systems|service|services|case|computing)$|(?:平台|系统|服务|案例)$/u;
const BRACKET = /\s*[(（]([^)）]*)[)）]\s*/u;

function namesOf(id: string, titles: readonly string[]): string[] {
  const names = new Set<string>([id.toLowerCase(), id.toLowerCase().replace(/-/g, ' ')]);
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(name: string): RegExp {
  return /\p{Script=Han}/u.test(name)
    ? new RegExp(escapeRegExp(name), 'u')
    : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u');
}

const cache = new WeakMap<Catalog, readonly (readonly [string, readonly RegExp[]])[]>();

function namePatterns(catalog: Catalog) {
  let found = cache.get(catalog);
  if (!found) {
    found = catalog.cases.map(
      (c) => [c.id, namesOf(c.id, [c.title.en, c.title.zh]).map(pattern)] as const,
    );
    cache.set(catalog, found);
  }
  return found;
}

/** The ids of the cases a (lower-cased) text names, in casebook order. */
export function namedCases(catalog: Catalog, text: string): string[] {
  return namePatterns(catalog)
    .filter(([, patterns]) => patterns.some((p) => p.test(text)))
    .map(([id]) => id);
}
