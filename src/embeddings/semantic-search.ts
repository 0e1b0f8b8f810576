import type { Case } from '../catalog/schema.js';
import type { EmbeddingsConfig } from '../config.js';
import type { EmbeddingsFallback, Metrics } from '../metrics/metrics.js';
import { hybridRank, type SemanticRanking } from '../search/hybrid.js';
import type { SearchResult } from '../search/types.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../store/support.js';
import { within } from '../within.js';
import { CaseVectors } from './case-vectors.js';
import { asFailure, createEmbeddingsClient, type EmbeddingsClient } from './client.js';
import { cosine, Lru, unit } from './vectors.js';

/** At most one "answering lexically" warning per this long; the others are counted in it. */
export const FALLBACK_LOG_INTERVAL_MS = 60_000;
/** Recent questions whose vectors are kept (asked again, they cost no call). */
const QUERY_CACHE_SIZE = 500;
/**
 * A lexical match this sure, with no runner-up close to it, is left as it is: no embeddings call,
 * no added latency for the questions the words already answer.
 */
export const CLEAR_SCORE = 0.6;
const CLEAR_MARGIN = 0.15;

export interface SemanticSearchDeps {
  readonly config: EmbeddingsConfig;
  readonly store: Store;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** Overrides the HTTP client built from the config (tests). */
  readonly client?: EmbeddingsClient;
}

export interface SemanticSearch {
  /** The ranking for one casebook; its case vectors are prepared in the background. */
  forCases(cases: readonly Case[]): SemanticRanking & { readonly vectors: CaseVectors };
  /** Stops computing case vectors (shutdown). */
  close(): void;
}

function clearCut(result: SearchResult): boolean {
  const [best, second] = result.matches;
  return (
    !!best && best.score >= CLEAR_SCORE && (!second || best.score - second.score > CLEAR_MARGIN)
  );
}

/** Semantic search through an OpenAI-compatible embeddings service; see `hybridRank`. */
export function createSemanticSearch(deps: SemanticSearchDeps): SemanticSearch {
  const { config, logger, metrics, now } = deps;
  const client = deps.client ?? createEmbeddingsClient(config);
  const queries = new Lru<string, Float32Array>(QUERY_CACHE_SIZE);
  let lastWarning = Number.NEGATIVE_INFINITY;
  let quiet = 0;
  // A reload with an unchanged casebook keeps the vectors it has.
  let latest: CaseVectors | null = null;

  const fallBack = (reason: EmbeddingsFallback, error?: unknown) => {
    metrics.embeddingsFallback(reason);
    const at = now().getTime();
    if (at - lastWarning < FALLBACK_LOG_INTERVAL_MS) {
      quiet += 1;
      return;
    }
    logger.warn(
      {
        reason,
        ...(error !== undefined && { code: asFailure(error).code, err: error }),
        alsoSince: quiet,
      },
      'semantic search unavailable; answering lexically',
    );
    lastWarning = at;
    quiet = 0;
  };

  const queryVector = async (query: string): Promise<Float32Array | null> => {
    const key = query.normalize('NFKC').trim().toLowerCase();
    const cached = queries.get(key);
    if (cached) return cached;
    const controller = new AbortController();
    const outcome = await within(
      () => client.embed([query.trim()], controller.signal),
      config.timeoutMs,
    );
    if (outcome.kind === 'timeout') {
      controller.abort();
      fallBack('timeout');
      return null;
    }
    if (outcome.kind === 'failed') {
      fallBack(asFailure(outcome.error).reason, outcome.error);
      return null;
    }
    const vector = unit(outcome.value[0]!);
    queries.set(key, vector);
    return vector;
  };

  return {
    close() {
      latest?.stop();
    },
    forCases(cases) {
      const fresh = new CaseVectors(cases, { ...deps, client, model: config.model });
      const vectors = latest?.casebook === fresh.casebook ? latest : fresh;
      if (latest !== vectors) latest?.stop();
      latest = vectors;
      vectors.current();
      return {
        vectors,
        async rank(query, lexical) {
          if (clearCut(lexical) || query.trim() === '') return lexical;
          const cases = vectors.current();
          if (!cases) {
            fallBack('not_ready');
            return lexical;
          }
          try {
            const q = await queryVector(query);
            if (!q) return lexical;
            const size = cases.values().next().value?.[0]?.length;
            if (q.length !== size) {
              // The model answers in another size than the stored vectors: not comparable.
              fallBack('malformed');
              return lexical;
            }
            const similarities = new Map<string, number>();
            for (const [caseId, texts] of cases) {
              similarities.set(caseId, Math.max(...texts.map((t) => cosine(q, t))));
            }
            return hybridRank(lexical, similarities, config.minSimilarity);
          } catch (error) {
            fallBack('malformed', error);
            return lexical;
          }
        },
      };
    },
  };
}
