import { loadCatalog } from './catalog/load.js';
import type { Catalog } from './catalog/model.js';
import type { Config } from './config.js';
import { type Core, createCore } from './core/core.js';
import type { Answer, BotRequest } from './core/model.js';
import type { DigestScheduler } from './digest/scheduler.js';
import type { DigestSender } from './digest/sender.js';
import type { SemanticSearch } from './embeddings/semantic-search.js';
import { CasebotError } from './errors.js';
import { type RunningServer, startHttpServer } from './http/server.js';
import type { HttpAdapter } from './http/types.js';
import type { Logger } from './logger.js';
import { instrumentStore } from './metrics/instrumented-store.js';
import { type Metrics, noMetrics } from './metrics/metrics.js';
import type { PrometheusMetrics } from './metrics/prometheus.js';
import type { DiagramOptions } from './render/diagram.js';
import { openStore } from './store/open-store.js';
import { type Retention, startRetention } from './store/retention.js';
import type { Store } from './store/store.js';
import { withholdQuestions } from './store/withhold-questions.js';
import type { TipScheduler } from './tips/scheduler.js';
import type { TipSender } from './tips/sender.js';
import { within } from './within.js';

/**
 * `/readyz` reports the store not ready when it has not answered within this (Kubernetes'
 * probe gives up after 1 s by default).
 */
export const STORE_READY_TIMEOUT_MS = 500;

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** The casebook, when already read (else it is read from `config.casesDir`). */
  readonly catalog?: Catalog;
  /** Overrides the store chosen by the config (tests). */
  readonly store?: Store;
}

export interface App {
  readonly core: Core;
  /** What is counted for `/metrics` (`noMetrics` when METRICS=off). */
  readonly metrics: Metrics;
  readonly store: Store;
  readonly adapters: readonly HttpAdapter[];
  /** Purges misses and votes older than STATS_KEEP_DAYS, hourly. */
  readonly retention: Retention;
  readonly server: RunningServer;
  readonly port: number;
  /** Re-reads the casebook; a broken one keeps the old one serving. */
  reload(): Promise<boolean>;
  /** Graceful: stop taking requests, finish those in flight, stop the scheduler, close the store. */
  stop(): Promise<void>;
}

/**
 * A Core whose catalog and index can be swapped at run time (SIGHUP) without the adapters
 * noticing.
 */
function reloadableCore(initial: Core): { core: Core; swap(next: Core): void } {
  let current = initial;
  return {
    core: {
      get catalog() {
        return current.catalog;
      },
      get index() {
        return current.index;
      },
      handle: (request: BotRequest): Promise<Answer> => current.handle(request),
      consider: (message) => current.consider(message),
      noteThread: (request, answer) => current.noteThread(request, answer),
    },
    swap(next) {
      current = next;
    },
  };
}

export function buildCore(
  catalog: Catalog,
  store: Store,
  config: Config,
  now: () => Date,
  semantic?: SemanticSearch | null,
  logger?: Logger,
): Core {
  return createCore({
    catalog,
    store,
    defaultLocale: config.defaultLocale,
    now,
    ...(logger && { logger }),
    autoAnswerMaxPerHour: config.autoAnswer.maxPerHour,
    experts: config.people.experts,
    staleAfterDays: config.people.staleAfterDays,
    ...(semantic && { semantic: semantic.forCases(catalog.cases) }),
  });
}

/**
 * Runs `task` one at a time. A call while it runs asks for one more run after it (however many
 * calls come in meanwhile), so the last run always starts after the last call: reloads are
 * serialised, coalesced, and end on the newest files. Every caller gets the outcome of the run
 * that covers its call.
 */
export function coalesce(task: () => Promise<boolean>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  let again = false;
  const drain = async () => {
    let outcome: boolean;
    do {
      again = false;
      outcome = await task();
    } while (again);
    return outcome;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
    });
    return running;
  };
}

/** Why the server could not listen, said for the operator; the system error is the cause. */
function listenFailure(error: unknown, port: number, host: string): CasebotError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${host}:${port}`;
  const message =
    code === 'EADDRINUSE'
      ? `port ${port} is already in use (${where}): another process listens there; stop it or set PORT`
      : code === 'EACCES'
        ? `not allowed to listen on ${where}: choose a port above 1023 or grant the capability`
        : code === 'EADDRNOTAVAIL'
          ? `cannot listen on ${where}: HOST is not an address of this machine`
          : `cannot listen on ${where}: ${(error as Error | null)?.message ?? String(error)}`;
  return new CasebotError('listen_failed', message, { cause: error });
}

/** The composition root: config → logger → catalog → index → store → core → adapters → server. */
export async function startApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const started = performance.now();
  for (const note of config.notes) logger.info(note);

  // prom-client is loaded only when metrics are on.
  const prometheus: PrometheusMetrics | null = config.metrics
    ? (await import('./metrics/prometheus.js')).createPrometheusMetrics({
        embeddings: config.embeddings !== null,
      })
    : null;
  const metrics: Metrics = prometheus ?? noMetrics;

  const catalog = deps.catalog ?? (await loadCatalog(config.casesDir));
  logger.info({ cases: catalog.cases.length, tips: catalog.tips.length }, 'casebook loaded');
  metrics.casebookCases(catalog.cases.length);

  let store = deps.store ?? (await openStore(config.store, logger));
  if (!config.statsKeepQuestions) store = withholdQuestions(store);
  if (prometheus) store = instrumentStore(store, prometheus);
  let storeUp = false;
  let storeInit: Promise<void> | null = null;
  /** One initialisation at a time; after a failure the next caller (the probe) tries again. */
  const initStore = () => {
    storeInit ??= store
      .init()
      .then(() => {
        storeUp = true;
      })
      .finally(() => {
        storeInit = null;
      });
    return storeInit;
  };
  // Lookups need no database: wait for it as long as a readiness probe would, then serve, report
  // not ready, and let it join when it answers (a database that hangs cannot hold the start).
  const atStart = await within(initStore, STORE_READY_TIMEOUT_MS);
  if (atStart.kind === 'failed') {
    logger.error({ err: atStart.error }, 'store unavailable at start; lookups still work');
  } else if (atStart.kind === 'timeout') {
    logger.warn('store not answering at start; lookups still work, it joins when it answers');
    initStore().catch((error: unknown) => {
      logger.error({ err: error }, 'store unavailable at start; lookups still work');
    });
  }

  // Loaded only when semantic search is configured; else nothing of it runs.
  const semantic: SemanticSearch | null = config.embeddings
    ? (await import('./embeddings/semantic-search.js')).createSemanticSearch({
        config: config.embeddings,
        store,
        logger,
        metrics,
        now,
      })
    : null;
  const holder = reloadableCore(buildCore(catalog, store, config, now, semantic, logger));
  const diagrams: DiagramOptions = config.diagrams;

  const adapters: (HttpAdapter & { tipSender: TipSender; digestSender: DigestSender })[] = [];
  // Platform SDKs are loaded only when their platform is on (Bolt and botbuilder each cost
  // ~0.5 s of start-up and ~25-30 MB of memory).
  if (config.slack) {
    const { createSlackAdapter } = await import('./adapters/slack/index.js');
    adapters.push(
      createSlackAdapter({
        config: config.slack,
        core: holder.core,
        store,
        logger,
        diagrams,
        now,
        defaultLocale: config.defaultLocale,
        metrics,
        ...(config.casesUrl && { casesUrl: config.casesUrl }),
      }),
    );
  }
  if (config.teams) {
    const teamsDeps = {
      config: config.teams,
      core: holder.core,
      store,
      logger,
      diagrams,
      now,
      metrics,
      ...(config.casesUrl && { casesUrl: config.casesUrl }),
    };
    if (config.teams.credentials) {
      const { createTeamsAdapter } = await import('./adapters/teams/index.js');
      adapters.push(createTeamsAdapter(teamsDeps));
    } else {
      const { createLazyTeamsAdapter } = await import('./adapters/teams/lazy.js');
      adapters.push(createLazyTeamsAdapter(teamsDeps));
    }
  }
  for (const adapter of adapters) await adapter.start();

  const probeStore = async () => {
    if (!storeUp) await initStore();
    await store.ping();
  };
  let storeProbe: Promise<void> | null = null;

  const stopParts = async () => {
    semantic?.close();
    for (const adapter of adapters) await adapter.stop();
    await store.close();
  };
  let server: RunningServer;
  try {
    server = await startHttpServer(
      {
        logger,
        adapters,
        ...(prometheus && { metrics: prometheus }),
        readiness: [
          { name: 'casebook', check: async () => holder.core.catalog.cases.length > 0 },
          {
            name: 'store',
            check: async () => {
              // One probe at a time: a probe still waiting on the database is shared, not doubled.
              storeProbe ??= probeStore().finally(() => {
                storeProbe = null;
              });
              const probe = storeProbe;
              return (await within(() => probe, STORE_READY_TIMEOUT_MS)).kind === 'done';
            },
          },
          ...adapters.map((a) => ({ name: a.name, check: async () => a.ready() })),
        ],
      },
      config.server.port,
      config.server.host,
    );
  } catch (error) {
    // Nothing may keep running without a listener (the tips scheduler starts only after it).
    await stopParts().catch((e: unknown) =>
      logger.warn({ err: e }, 'clean-up after a failed start'),
    );
    throw listenFailure(error, config.server.port, config.server.host);
  }

  let scheduler: TipScheduler | null = null;
  if (config.tipsScheduler && adapters.length > 0) {
    // Loaded only when used: replicas that leave tips to the CronJob never load croner.
    const { createTipScheduler } = await import('./tips/scheduler.js');
    scheduler = createTipScheduler({
      store,
      tips: () => holder.core.catalog.tips,
      senders: Object.fromEntries(adapters.map((a) => [a.name, a.tipSender])),
      logger,
      now,
      metrics,
      graceMs: config.server.shutdownGraceMs,
    });
    scheduler.start();
  }
  let digests: DigestScheduler | null = null;
  if (config.tipsScheduler && adapters.length > 0 && Object.keys(config.digest.channels).length) {
    const { createDigestScheduler } = await import('./digest/scheduler.js');
    digests = createDigestScheduler({
      store,
      catalog: () => holder.core.catalog,
      digest: config.digest,
      staleAfterDays: config.people.staleAfterDays,
      lang: config.defaultLocale,
      senders: Object.fromEntries(adapters.map((a) => [a.name, a.digestSender])),
      logger,
      now,
      metrics,
    });
    digests.start();
  }

  const retention = startRetention({ store, keepDays: config.statsKeepDays, now, logger });

  logger.info(
    {
      port: server.port,
      platforms: adapters.map((a) => a.name),
      store: store.kind,
      readyMs: Math.round(performance.now() - started),
    },
    'casebot is listening',
  );

  return {
    core: holder.core,
    metrics,
    store,
    adapters,
    retention,
    server,
    port: server.port,
    reload: coalesce(async () => {
      try {
        const next = await loadCatalog(config.casesDir);
        holder.swap(buildCore(next, store, config, now, semantic, logger));
        logger.info({ cases: next.cases.length, tips: next.tips.length }, 'casebook reloaded');
        metrics.casebookReload('success');
        metrics.casebookCases(next.cases.length);
        return true;
      } catch (error) {
        metrics.casebookReload('failure');
        logger.error({ err: error }, 'casebook reload failed; still serving the previous one');
        return false;
      }
    }),
    async stop() {
      logger.info({ inFlight: server.inFlight() }, 'shutting down');
      // Both within the one grace period: requests in flight, and the tips pass's sends.
      await Promise.all([server.close(config.server.shutdownGraceMs), scheduler?.stop()]);
      await retention.stop();
      await digests?.stop();
      await stopParts();
      logger.info('stopped');
    },
  };
}
