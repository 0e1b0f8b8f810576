import type { Lang, Section } from '../catalog/schema.js';

export interface SearchMatch {
  readonly caseId: string;
  /** Calibrated confidence, 0–1, higher is better. */
  readonly score: number;
  /** The query terms that hit this case (normalised), for debugging and `--json`. */
  readonly matchedTerms: readonly string[];
}

export interface SearchResult {
  readonly query: string;
  /** The part of a case the question asks about, if any. */
  readonly section: Section | null;
  /** The language the question is written in (any CJK → zh). */
  readonly lang: Lang;
  /** Confident matches only, best first; empty when nothing in the casebook fits. */
  readonly matches: readonly SearchMatch[];
}

export interface SearchIndex {
  readonly size: number;
  search(query: string): SearchResult;
}
