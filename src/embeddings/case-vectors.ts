import type { Case } from '../catalog/schema.js';
import type { CaseVector, Store } from '../store/store.js';
import type { Logger } from '../store/support.js';
import { type CaseText, casebookHash, caseTexts } from './case-texts.js';
import { asFailure, type EmbeddingsClient } from './client.js';
import { unit } from './vectors.js';

/** Texts per embeddings request when computing case vectors. */
export const CASE_BATCH = 32;
/** Case vectors are computed in the background: a longer budget than a question's. */
export const CASE_BATCH_TIMEOUT_MS = 30_000;
/** After a failed computation, the next question tries again once this much time has passed. */
export const CASE_RETRY_MS = 60_000;

export interface CaseVectorsDeps {
  readonly client: EmbeddingsClient;
  readonly store: Store;
  readonly model: string;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** caseId → its texts' unit vectors. */
export type CaseVectorMap = ReadonlyMap<string, readonly Float32Array[]>;

/**
 * The vectors of one casebook's cases: read from the store, the missing ones computed (in batches)
 * and stored, in the background. Until they are ready, `current()` is null and questions are
 * answered lexically; after a failure the next `current()` past CASE_RETRY_MS tries again.
 */
export class CaseVectors {
  readonly casebook: string;
  readonly #texts: readonly CaseText[];
  readonly #deps: CaseVectorsDeps;
  #ready: CaseVectorMap | null = null;
  #running: Promise<void> | null = null;
  #failedAt = Number.NEGATIVE_INFINITY;
  readonly #stopped = new AbortController();

  constructor(cases: readonly Case[], deps: CaseVectorsDeps) {
    this.#texts = caseTexts(cases);
    this.casebook = casebookHash(this.#texts);
    this.#deps = deps;
  }

  /** The vectors when ready; else null, and the work is started (or retried when due). */
  current(): CaseVectorMap | null {
    if (this.#ready) return this.#ready;
    if (this.#stopped.signal.aborted) return null;
    if (!this.#running && this.#deps.now().getTime() - this.#failedAt >= CASE_RETRY_MS) {
      this.#running = this.#prepare().finally(() => {
        this.#running = null;
      });
    }
    return null;
  }

  /** Resolves when the current attempt is over (ready or failed); for start-up logs and tests. */
  async settled(): Promise<boolean> {
    this.current();
    await this.#running;
    return this.#ready !== null;
  }

  /** Gives up work in progress (shutdown): nothing is left waiting on the service. */
  stop(): void {
    this.#stopped.abort();
  }

  async #prepare(): Promise<void> {
    const { store, model, logger } = this.#deps;
    const started = performance.now();
    let stored: CaseVector[] = [];
    try {
      stored = await store.loadCaseVectors(this.casebook, model);
    } catch (error) {
      logger.warn({ err: error }, 'case vectors could not be read from the store; computing them');
    }
    const have = new Set(stored.map((v) => `${v.caseId} ${v.lang}`));
    const missing = this.#texts.filter((t) => !have.has(`${t.caseId} ${t.lang}`));
    let computed: CaseVector[];
    try {
      computed = await this.#compute(missing);
    } catch (error) {
      this.#failedAt = this.#deps.now().getTime();
      if (this.#stopped.signal.aborted) return;
      const failure = asFailure(error);
      logger.warn(
        { err: error, reason: failure.reason, code: failure.code, retryInMs: CASE_RETRY_MS },
        'case vectors could not be computed; answering lexically until they are',
      );
      return;
    }
    if (computed.length > 0) {
      try {
        await store.saveCaseVectors(this.casebook, model, computed);
      } catch (error) {
        logger.warn({ err: error }, 'case vectors could not be stored; using them from memory');
      }
    }
    const byCase = new Map<string, Float32Array[]>();
    const known = new Set(this.#texts.map((t) => `${t.caseId} ${t.lang}`));
    for (const v of [...stored, ...computed]) {
      if (!known.has(`${v.caseId} ${v.lang}`)) continue;
      byCase.set(v.caseId, [...(byCase.get(v.caseId) ?? []), unit(v.vector)]);
    }
    this.#ready = byCase;
    logger.info(
      {
        casebook: this.casebook,
        model,
        fromStore: stored.length,
        computed: computed.length,
        ms: Math.round(performance.now() - started),
      },
      'case vectors ready: semantic search is on',
    );
  }

  async #compute(texts: readonly CaseText[]): Promise<CaseVector[]> {
    const out: CaseVector[] = [];
    for (let i = 0; i < texts.length; i += CASE_BATCH) {
      const batch = texts.slice(i, i + CASE_BATCH);
      const vectors = await this.#deps.client.embed(
        batch.map((t) => t.text),
        AbortSignal.any([AbortSignal.timeout(CASE_BATCH_TIMEOUT_MS), this.#stopped.signal]),
      );
      batch.forEach((t, k) => {
        out.push({ caseId: t.caseId, lang: t.lang, vector: vectors[k]! });
      });
    }
    return out;
  }
}
