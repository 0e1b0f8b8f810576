import { parseArgs } from 'node:util';
import { createLazyTeamsAdapter } from '../adapters/teams/lazy.js';
import { loadCatalog } from '../catalog/load.js';
import { loadConfig } from '../config.js';
import { buildReport } from '../digest/report.js';
import { digestWeek, weekdayName } from '../digest/schedule.js';
import type { DigestSender } from '../digest/sender.js';
import { createLogger } from '../logger.js';
import { buildCore } from '../main.js';
import { renderText } from '../render/text.js';
import { openStore } from '../store/open-store.js';
import { withholdQuestions } from '../store/withhold-questions.js';
import { type CliIo, EXIT, err, out } from './io.js';

const USAGE = 'usage: casebot digest [--dry-run] [--now ISO-8601]';

/**
 * `casebot digest [--dry-run] [--now ISO-8601]`: the weekly gap report. `--dry-run` prints the
 * report of the week that ended at the most recent DIGEST_SCHEDULE moment; otherwise it is posted
 * to DIGEST_CHANNEL when that moment came within a day (or `--now` names the moment to post for),
 * once per week and channel however many replicas and CronJobs run it.
 */
export async function digestCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, now: { type: 'string' } },
  });
  if (positionals.length > 0) {
    err(io, USAGE);
    return EXIT.usage;
  }
  const fixed = values.now ? new Date(values.now) : null;
  if (fixed && Number.isNaN(fixed.getTime())) {
    err(io, `--now must be an ISO-8601 date-time, e.g. 2026-11-30T09:05:00Z (got "${values.now}")`);
    return EXIT.usage;
  }
  // With --now the clock starts there and runs on, so claims are stamped when they are made.
  const startedAt = Date.now();
  const now = () => (fixed ? new Date(fixed.getTime() + Date.now() - startedAt) : new Date());

  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(io.stderr.isTTY) });
  const catalog = await loadCatalog(config.casesDir);
  let store = await openStore(config.store, logger);
  if (!config.statsKeepQuestions) store = withholdQuestions(store);
  await store.init();
  try {
    const { schedule } = config.digest;
    const week = digestWeek(schedule, now());
    if (values['dry-run']) {
      const report = await buildReport({
        catalog,
        store,
        since: week.since,
        until: week.moment,
        timeZone: schedule.timeZone,
        lang: config.defaultLocale,
        staleAfterDays: config.people.staleAfterDays,
      });
      out(io, renderText(report, { color: false, diagrams: config.diagrams }));
      return EXIT.ok;
    }
    const channels = config.digest.channels;
    if (!channels.slack && !channels.teams) {
      err(io, 'DIGEST_CHANNEL is not set: nowhere to post the report (--dry-run prints it)');
      return EXIT.ok;
    }
    const core = buildCore(catalog, store, config, now);
    const deps = { core, store, logger, diagrams: config.diagrams, now };
    const senders: Partial<Record<'slack' | 'teams', DigestSender>> = {};
    if (channels.slack && config.slack) {
      const { createSlackAdapter } = await import('../adapters/slack/index.js');
      senders.slack = createSlackAdapter({ ...deps, config: config.slack }).digestSender;
    }
    if (channels.teams && config.teams) {
      senders.teams = createLazyTeamsAdapter({ ...deps, config: config.teams }).digestSender;
    }
    const { postDigest } = await import('../digest/post-digest.js');
    const summary = await postDigest({
      store,
      catalog,
      digest: config.digest,
      staleAfterDays: config.people.staleAfterDays,
      lang: config.defaultLocale,
      now,
      senders,
      logger,
      force: fixed !== null,
    });
    if (summary.notDue > 0) {
      err(
        io,
        `not due: the report is posted within a day of ${weekdayName(schedule.weekday)} ${schedule.time} (${schedule.timeZone}); --now ISO-8601 posts another week's`,
      );
    }
    out(io, JSON.stringify(summary));
    return summary.failed > 0 ? EXIT.problems : EXIT.ok;
  } finally {
    await store.close();
  }
}
