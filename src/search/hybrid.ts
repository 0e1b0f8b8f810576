import { CONFIDENT } from './confidence.js';
import type { SearchMatch, SearchResult } from './types.js';

/**
 * Hybrid ranking: the lexical result, refined by how close a question's meaning is to each case
 * (cosine similarity of embeddings). Lexical evidence leads; meaning can confirm, reorder and, when
 * it is strong, add a case the words missed — but never make an off-topic question match:
 *
 * - below `minSimilarity - PROMOTION_BAND` a similarity counts for nothing;
 * - above it, a case the lexical search found gains up to `BOOST` of its remaining headroom
 *   (never loses: the lexical "confident" line stays as honest as it was);
 * - a case the lexical search did not find becomes a match only at `minSimilarity` or more, and
 *   then scores between the confident line and `MEANING_ONLY_MAX`, so of two cases as close in
 *   meaning, the one the words point to as well ranks first.
 *
 * Not reciprocal-rank fusion: ranks alone would let the least unlikely case of an off-topic
 * question through; absolute similarities keep "nothing fits" possible.
 */
export const PROMOTION_BAND = 0.15;
export const BOOST = 0.5;
export const MEANING_ONLY_MAX = 0.75;
const MAX_MATCHES = 4;

/** 0 below the promotion band, 0.5 at `minSimilarity`, 1 one band above it. */
function meaningScore(similarity: number, minSimilarity: number): number {
  const floor = minSimilarity - PROMOTION_BAND;
  if (similarity <= floor) return 0;
  return Math.min(1, (similarity - floor) / (2 * PROMOTION_BAND));
}

/** Refines a lexical result by meaning; never fails and never takes long (else: `lexical`). */
export interface SemanticRanking {
  rank(query: string, lexical: SearchResult): Promise<SearchResult>;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/** `similarities`: caseId → the best cosine similarity of the question to any of its texts. */
export function hybridRank(
  lexical: SearchResult,
  similarities: ReadonlyMap<string, number>,
  minSimilarity: number,
): SearchResult {
  // `order`: lexical rank first, then the meaning-only cases by similarity (ties keep it).
  const ranked: { match: SearchMatch; order: number }[] = lexical.matches.map((m, order) => {
    const meaning = meaningScore(similarities.get(m.caseId) ?? 0, minSimilarity);
    return { match: { ...m, score: round(m.score + (1 - m.score) * BOOST * meaning) }, order };
  });
  const found = new Set(lexical.matches.map((m) => m.caseId));
  for (const [caseId, similarity] of similarities) {
    if (found.has(caseId) || similarity < minSimilarity) continue;
    // meaningScore is 0.5–1 here: mapped onto CONFIDENT–MEANING_ONLY_MAX.
    const meaning = meaningScore(similarity, minSimilarity);
    const score = CONFIDENT + (MEANING_ONLY_MAX - CONFIDENT) * (2 * meaning - 1);
    ranked.push({
      match: { caseId, score: round(score), matchedTerms: [] },
      order: lexical.matches.length + 1 - similarity,
    });
  }
  ranked.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
  return { ...lexical, matches: ranked.slice(0, MAX_MATCHES).map((r) => r.match) };
}
