import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './processes.js';
import { benchTips } from './tips-bench.js';
import { loadAverage, tipsSection, tipsTable, withTipsSection } from './tips-report.js';

export const REPORT = path.join(ROOT, 'docs/benchmarks.md');
/** The PostgreSQL the two-replica tips run uses; without one that run is left out. */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** The tips runs: their section of docs/benchmarks.md and their table for the console. */
export async function runTips(
  work: string,
  log: string,
): Promise<{ section: string; table: string }> {
  if (!DATABASE_URL) {
    console.error(
      'bench: no TEST_DATABASE_URL (or BENCH_DATABASE_URL): the two-replica PostgreSQL tips run is skipped',
    );
  }
  const load = loadAverage();
  const runs = await benchTips(work, log, DATABASE_URL);
  return { section: tipsSection(runs, Boolean(DATABASE_URL), load), table: tipsTable(runs) };
}

/** `npm run bench -- tips`: only the tips runs; their section of the report is replaced. */
export async function tipsOnly(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'casebot-bench-'));
  const log = path.join(work, 'servers.log');
  try {
    const { section, table } = await runTips(work, log);
    const doc = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmarks\n';
    writeFileSync(REPORT, withTipsSection(doc, section));
    console.log(table);
    console.log(`\nwritten to docs/benchmarks.md; logs in ${log}`);
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(work, { recursive: true, force: true });
  }
}
