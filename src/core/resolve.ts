import type { Case } from '../catalog/schema.js';
import type { SearchIndex } from '../search/types.js';

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—·.]+/g, '')
    .replace(/案例$/u, '');

/**
 * A case named outright: its id ("ai-inference", "ai inference") or its title in either
 * language ("E-commerce platform", "电商平台", "电商平台案例"). Null when the text is not a name.
 */
export function caseByName(cases: readonly Case[], text: string): Case | null {
  const key = squash(text);
  if (!key) return null;
  return (
    cases.find(
      (c) => squash(c.id) === key || squash(c.title.en) === key || squash(c.title.zh) === key,
    ) ?? null
  );
}

/** A name first, else the best confident search match. */
export function resolveCase(
  cases: readonly Case[],
  index: SearchIndex,
  byId: ReadonlyMap<string, Case>,
  text: string,
): Case | null {
  const named = caseByName(cases, text);
  if (named) return named;
  const best = index.search(text).matches[0];
  return best ? (byId.get(best.caseId) ?? null) : null;
}

/**
 * Splits "A B", "A vs B", "A and B", "A 和 B", "A、B" into two case names.
 * Tries every split point of the words so multi-word names ("ai inference") still resolve.
 */
export function resolvePair(
  cases: readonly Case[],
  index: SearchIndex,
  byId: ReadonlyMap<string, Case>,
  args: string,
): [Case, Case] | null {
  const cleaned = args
    .replace(/\s+(vs\.?|versus|and|with|to)\s+/gi, ' | ')
    .replace(/[和与跟及、,，/|]|对比|比较/gu, ' | ');
  const explicit = cleaned
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  const candidates: [string, string][] = [];
  if (explicit.length === 2) candidates.push([explicit[0]!, explicit[1]!]);
  const words = args.split(/\s+/).filter(Boolean);
  for (let i = 1; i < words.length; i++) {
    candidates.push([words.slice(0, i).join(' '), words.slice(i).join(' ')]);
  }
  for (const [a, b] of candidates) {
    const left = resolveCase(cases, index, byId, a);
    const right = resolveCase(cases, index, byId, b);
    if (left && right) return [left, right];
  }
  return null;
}
