import type { Catalog } from '../catalog/model.js';
import { loadSearchConfig } from '../config.js';
import { noMetrics } from '../metrics/metrics.js';
import type { SemanticRanking } from '../search/hybrid.js';
import { openStore } from '../store/open-store.js';
import type { Logger } from '../store/support.js';
import { within } from '../within.js';
import { type CliIo, err } from './io.js';

export interface CliSemantic {
  readonly ranking: SemanticRanking;
  close(): Promise<void>;
}

/**
 * Semantic search for `casebot search` when EMBEDDINGS_URL is set (else null): the case vectors are
 * read from the configured store (computed and kept there when missing) before the first query;
 * any trouble is one line on stderr, and the queries are answered lexically.
 */
export async function cliSemantic(io: CliIo, catalog: Catalog): Promise<CliSemantic | null> {
  const config = loadSearchConfig(io.env);
  if (!config.embeddings) return null;
  const { createSemanticSearch } = await import('../embeddings/semantic-search.js');
  const say = (obj: object, msg?: string) => {
    const reason = (obj as { reason?: string }).reason;
    err(io, `casebot search: ${msg ?? ''}${reason ? ` (${reason})` : ''}`);
  };
  const logger: Logger = { debug() {}, info() {}, warn: say, error: say };
  const store = await openStore(config.store);
  const search = createSemanticSearch({
    config: config.embeddings,
    store,
    logger,
    metrics: noMetrics,
    now: () => new Date(),
  });
  const ranking = search.forCases(catalog.cases);
  // Not ready within a question's budget × 10: the queries are answered lexically.
  await within(() => ranking.vectors.settled(), config.embeddings.timeoutMs * 10);
  return {
    ranking,
    close: () => {
      search.close();
      return store.close();
    },
  };
}
