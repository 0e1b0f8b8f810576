import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { CasebotError } from '../errors.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import type { MissSummary, Store } from '../store/store.js';
import { type CliIo, EXIT, err, out } from './io.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** How many questions `--misses` lists unless `--limit` says otherwise. */
export const DEFAULT_MISSES_LIMIT = 20;

/**
 * `--since`: a span back from now (`30m`, `12h`, `7d`, `2w`) or a date or time (ISO 8601).
 * Null when it is neither.
 */
export function parseSince(value: string, now: Date): Date | null {
  const span = /^(\d{1,6})([mhdw])$/.exec(value.trim());
  if (span) {
    return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS]);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

const WITHHELD = '(not kept: STATS_KEEP_QUESTIONS=off)';
const day = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function printMisses(io: CliIo, misses: readonly MissSummary[], since: Date | null): void {
  out(io, `Questions that found no case${since ? ` since ${day(since)} UTC` : ''}:`);
  if (misses.length === 0) {
    out(io, '  none');
    return;
  }
  out(
    io,
    `  ${'count'.padStart(5)}  ${'first seen (UTC)'.padEnd(16)}  ${'last seen'.padEnd(16)}  question`,
  );
  for (const m of misses) {
    out(
      io,
      `  ${String(m.count).padStart(5)}  ${day(m.firstSeen)}  ${day(m.lastSeen)}  ${m.query ?? WITHHELD}`,
    );
  }
}

async function overview(io: CliIo, store: Store, json: boolean): Promise<void> {
  const stats = await store.stats(10);
  if (json) {
    out(io, JSON.stringify(stats));
    return;
  }
  out(
    io,
    `Subscriptions: ${stats.subscriptions.active} active, ${stats.subscriptions.retired} retired`,
  );
  out(io, `Tips posted:   ${stats.tipsPosted}`);
  out(io, 'Feedback per case (👍 / 👎):');
  if (stats.feedback.length === 0) out(io, '  none yet');
  for (const f of stats.feedback)
    out(io, `  ${f.caseId.padEnd(14)} ${f.helpful} / ${f.notHelpful}`);
  out(io, 'Questions that found no case (most frequent first; more: --misses):');
  if (stats.misses.length === 0) out(io, '  none yet');
  for (const m of stats.misses) {
    out(io, `  ${String(m.count).padStart(4)}  ${m.query === '' ? WITHHELD : m.query}`);
  }
}

/**
 * `casebot stats [--json] [--misses [--since 7d] [--limit N]]`: subscriptions, tips posted,
 * feedback per case, and the casebook's gaps (the questions that found nothing, most frequent
 * first, with when each was first and last asked).
 */
export async function statsCommand(
  argv: string[],
  io: CliIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  let values: { json: boolean; misses: boolean; since?: string; limit?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        since: { type: 'string' },
        limit: { type: 'string' },
      },
    }));
  } catch (error) {
    err(io, `casebot stats: ${(error as Error).message}`);
    return EXIT.usage;
  }
  const since = values.since === undefined ? null : parseSince(values.since, now());
  if (values.since !== undefined && !since) {
    err(
      io,
      `casebot stats: --since wants a span (30m, 12h, 7d, 2w) or a date, not "${values.since}"`,
    );
    return EXIT.usage;
  }
  const limit = values.limit === undefined ? DEFAULT_MISSES_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    err(io, 'casebot stats: --limit wants a whole number from 1 to 10000');
    return EXIT.usage;
  }
  if (!values.misses && (since || values.limit !== undefined)) {
    err(io, 'casebot stats: --since and --limit go with --misses');
    return EXIT.usage;
  }

  const config = loadConfig(io.env);
  const store = await openStore(config.store, createLogger({ level: 'warn' }));
  try {
    await store.init();
    if (!values.misses) {
      await overview(io, store, values.json);
      return EXIT.ok;
    }
    const misses = await store.topMisses({ ...(since && { since }), limit });
    if (values.json) {
      out(io, JSON.stringify({ since: since?.toISOString() ?? null, misses }));
    } else {
      printMisses(io, misses, since);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CasebotError) {
      err(io, `casebot stats: ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  } finally {
    await store.close();
  }
}
