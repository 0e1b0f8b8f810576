import { parseArgs } from 'node:util';
import { createLazyTeamsAdapter } from '../adapters/teams/lazy.js';
import { loadCatalog } from '../catalog/load.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { buildCore } from '../main.js';
import { openStore } from '../store/open-store.js';
import { postDueTips } from '../tips/post-due.js';
import type { TipSender } from '../tips/sender.js';
import { type CliIo, EXIT, err, out } from './io.js';

/**
 * `casebot tips post-due [--now ISO-8601]`: one pass over every subscription, then exit.
 * Safe to run from several replicas or CronJobs at once (claims are atomic in the store).
 * SIGTERM (a CronJob's deadline, a node drained) stops the pass as it stops the server's: it
 * claims nothing more, its sends in flight get SHUTDOWN_GRACE_MS to finish and are recorded,
 * and the command prints its summary and exits 0; what is left goes to the next run.
 */
export async function tipsCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'post-due') {
    err(io, 'usage: casebot tips post-due [--now ISO-8601]');
    return EXIT.usage;
  }
  const { values } = parseArgs({ args: rest, options: { now: { type: 'string' } } });
  const fixed = values.now ? new Date(values.now) : null;
  if (fixed && Number.isNaN(fixed.getTime())) {
    err(io, `--now must be an ISO-8601 date-time, e.g. 2026-11-26T09:00:00Z (got "${values.now}")`);
    return EXIT.usage;
  }
  // With --now the clock starts there and runs on, so claims are stamped when they are made.
  const startedAt = Date.now();
  const now = () => (fixed ? new Date(fixed.getTime() + Date.now() - startedAt) : new Date());

  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(io.stderr.isTTY) });
  const catalog = await loadCatalog(config.casesDir);
  const store = await openStore(config.store, logger);
  await store.init();
  try {
    const core = buildCore(catalog, store, config, now, null, logger);
    const deps = {
      core,
      store,
      logger,
      diagrams: config.diagrams,
      now,
      defaultLocale: config.defaultLocale,
    };
    const senders: Partial<Record<'slack' | 'teams', TipSender>> = {};
    if (config.slack) {
      const { createSlackAdapter } = await import('../adapters/slack/index.js');
      senders.slack = createSlackAdapter({ ...deps, config: config.slack }).tipSender;
    }
    // botbuilder is loaded only when a Teams subscription is due.
    if (config.teams) {
      senders.teams = createLazyTeamsAdapter({ ...deps, config: config.teams }).tipSender;
    }
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping the tips pass: nothing more is claimed');
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      const summary = await postDueTips({
        store,
        tips: catalog.tips,
        now,
        senders,
        logger,
        signal: stop.signal,
        graceMs: config.server.shutdownGraceMs,
        random: Math.random,
      });
      out(io, JSON.stringify(summary));
      return EXIT.ok;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  } finally {
    await store.close();
  }
}
