import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/model.js';
import type { EmbeddingsConfig } from '../../src/config.js';
import {
  createSemanticSearch,
  FALLBACK_LOG_INTERVAL_MS,
} from '../../src/embeddings/semantic-search.js';
import { type EmbeddingsFallback, noMetrics } from '../../src/metrics/metrics.js';
import type { SemanticRanking } from '../../src/search/hybrid.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/types.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import {
  type EmbeddingsBehaviour,
  type EmbeddingsStandIn,
  startEmbeddingsStandIn,
} from '../helpers/fake-embeddings.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

/**
 * Semantic search against a local OpenAI-compatible stand-in whose "model" is a bag of concepts
 * (test/helpers/fake-embeddings.ts): what a team with an embeddings service gets, and what happens
 * when that service is slow, down or talks nonsense.
 */
const T0 = new Date('2026-03-01T09:00:00Z');
const MISSED_BY_WORDS = 'our storefront melts when the crowds arrive';

let catalog: Catalog;
let index: SearchIndex;
let service: EmbeddingsStandIn;
let file: ReturnType<typeof tempSqlitePath>;
let stores: Store[];
let clock: number;
let warnings: { obj: Record<string, unknown>; msg?: string }[];
let fallbacks: EmbeddingsFallback[];

beforeAll(async () => {
  catalog = await loadCatalog('cases');
  index = buildIndex(catalog.cases);
});

beforeEach(async () => {
  service = await startEmbeddingsStandIn();
  file = tempSqlitePath();
  stores = [];
  clock = T0.getTime();
  warnings = [];
  fallbacks = [];
});

afterEach(async () => {
  await service.close();
  for (const s of stores) await s.close();
  file.remove();
});

function semantic(overrides: Partial<EmbeddingsConfig> = {}) {
  const store = new SqliteStore(file.path);
  stores.push(store);
  const search = createSemanticSearch({
    config: {
      url: `${service.url}/v1`,
      model: 'fake-concepts',
      timeoutMs: 300,
      minSimilarity: 0.5,
      ...overrides,
    },
    store,
    logger: {
      debug() {},
      info() {},
      warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }),
      error() {},
    },
    metrics: { ...noMetrics, embeddingsFallback: (reason) => fallbacks.push(reason) },
    now: () => new Date(clock),
  });
  return { store, search, ranking: search.forCases(catalog.cases) };
}

async function ready(overrides: Partial<EmbeddingsConfig> = {}) {
  const s = semantic(overrides);
  expect(await s.ranking.vectors.settled()).toBe(true);
  return s;
}

const ask = (ranking: SemanticRanking, q: string) => ranking.rank(q, index.search(q));
const ids = (result: { matches: readonly { caseId: string }[] }) =>
  result.matches.map((m) => m.caseId);

describe('case vectors', () => {
  it('are computed once, in one batch, and the next start reads them from the store', async () => {
    await ready();
    expect(service.inputs()).toHaveLength(1);
    expect(service.inputs()[0]).toHaveLength(catalog.cases.length * 2); // English and Chinese
    const kept = await new SqliteStore(file.path).loadCaseVectors(
      (await ready()).ranking.vectors.casebook,
      'fake-concepts',
    );
    expect(kept).toHaveLength(catalog.cases.length * 2);
    // The second start (above) asked the service for nothing.
    expect(service.inputs()).toHaveLength(1);
  });

  it('are computed again for another model or a changed casebook', async () => {
    await ready();
    await ready({ model: 'another-model' });
    expect(service.inputs()).toHaveLength(2);
  });

  it('are kept across a reload of an unchanged casebook and computed anew for a changed one', async () => {
    const { search, ranking: first } = semantic();
    await first.vectors.settled();
    expect(search.forCases(catalog.cases).vectors).toBe(first.vectors);
    const [head, ...rest] = catalog.cases;
    const edited = [
      { ...head!, summary: { en: 'A storefront for crowds', zh: '顾客很多的网站' } },
      ...rest,
    ];
    const next = search.forCases(edited);
    expect(next.vectors.casebook).not.toBe(first.vectors.casebook);
    expect(await next.vectors.settled()).toBe(true);
    expect(service.inputs()).toHaveLength(2);
  });

  it('are not ready while the service does not answer: questions get the lexical answer', async () => {
    service.behaviour = 'hang';
    const { ranking } = semantic();
    const result = await ask(ranking, MISSED_BY_WORDS);
    expect(result.matches).toEqual([]);
    expect(fallbacks).toEqual(['not_ready']);
  });
});

describe('questions', () => {
  it('find the case a question means when its words find nothing', async () => {
    const { ranking } = await ready();
    for (const q of [MISSED_BY_WORDS, '顾客太多网站卡死']) {
      expect(index.search(q).matches, `lexically "${q}"`).toEqual([]);
      const result = await ask(ranking, q);
      expect(ids(result), q).toEqual(['ecommerce']);
      expect(result.matches[0]!.score).toBeGreaterThanOrEqual(0.5);
    }
    expect(fallbacks).toEqual([]);
  });

  it('still find nothing when nothing in the casebook is close in meaning', async () => {
    const { ranking } = await ready();
    const result = await ask(ranking, 'what should I cook for dinner tonight');
    expect(result.matches).toEqual([]);
    expect(service.inputs()).toHaveLength(2);
  });

  it('that the words already answer clearly cost no embeddings call', async () => {
    const { ranking } = await ready();
    const lexical = index.search('flash sale');
    expect(ids(lexical)).toEqual(['ecommerce']);
    expect(await ranking.rank('flash sale', lexical)).toBe(lexical);
    expect(service.inputs()).toHaveLength(1);
  });

  it('asked again use the vector kept from the first time', async () => {
    const { ranking } = await ready();
    await ask(ranking, MISSED_BY_WORDS);
    expect(ids(await ask(ranking, `  ${MISSED_BY_WORDS.toUpperCase()} `))).toEqual(['ecommerce']);
    expect(service.inputs()).toHaveLength(2);
  });
});

describe('when the embeddings service fails', () => {
  const cases: [string, EmbeddingsBehaviour | 'down', EmbeddingsFallback][] = [
    ['never answers', 'hang', 'timeout'],
    ['answers 500', 'error', 'http_error'],
    ['answers malformed JSON', 'malformed', 'malformed'],
    ['is down', 'down', 'network'],
  ];

  it.each(cases)(
    'and %s, the lexical answer arrives, counted and logged',
    async (_, how, reason) => {
      const { ranking } = await ready();
      if (how === 'down') await service.close();
      else service.behaviour = how;
      for (const q of ['顾客太多网站卡死', MISSED_BY_WORDS]) {
        const lexical = index.search(q);
        expect(await ranking.rank(q, lexical)).toBe(lexical);
      }
      expect(fallbacks).toEqual([reason, reason]);
      // One line, however many questions: the second within the minute is counted in the next.
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.obj).toMatchObject({ reason });
      clock += FALLBACK_LOG_INTERVAL_MS;
      await ask(ranking, 'what should I cook for dinner');
      expect(warnings).toHaveLength(2);
      expect(warnings[1]!.obj).toMatchObject({ reason, alsoSince: 1 });
    },
  );

  it('and never answers, the question waits exactly EMBEDDINGS_TIMEOUT_MS for it (fake timers)', async () => {
    const { ranking } = await ready({ timeoutMs: 300 });
    service.behaviour = 'hang';
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const lexical = index.search(MISSED_BY_WORDS);
      let answered: unknown = null;
      void ranking.rank(MISSED_BY_WORDS, lexical).then((result) => {
        answered = result;
      });
      await vi.advanceTimersByTimeAsync(299);
      expect(answered, 'answered before the timeout').toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(answered, 'still waiting once the timeout is over').toBe(lexical);
      expect(fallbacks).toEqual(['timeout']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('and comes back, questions are ranked by meaning again', async () => {
    const { ranking } = await ready();
    service.behaviour = 'error';
    expect((await ask(ranking, MISSED_BY_WORDS)).matches).toEqual([]);
    service.behaviour = 'ok';
    expect(ids(await ask(ranking, MISSED_BY_WORDS))).toEqual(['ecommerce']);
  });
});
