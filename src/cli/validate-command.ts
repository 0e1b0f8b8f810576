import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCasebookHead } from '../catalog/casebook-head.js';
import { DEFAULT_STALE_AFTER_DAYS, daysSince } from '../catalog/freshness.js';
import { type Catalog, CatalogError, formatProblem, loadCatalog } from '../catalog/load.js';
import { BUNDLED_CASES_DIR } from '../catalog/model.js';
import { type CliIo, EXIT, err, out } from './io.js';

/**
 * `casebot validate [--cases DIR]`: every problem as `file: path: message`, exit 1 if any.
 * Reviews older than STALE_AFTER_DAYS are warnings: named the same way, exit 0.
 */
export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { cases: { type: 'string' } } });
  const dir = values.cases ?? (io.env.CASES_DIR || BUNDLED_CASES_DIR);
  const staleAfter = staleAfterDays(io.env.STALE_AFTER_DAYS);
  if (staleAfter === null) {
    err(
      io,
      `STALE_AFTER_DAYS must be a whole number of days, 1–3650 (got "${io.env.STALE_AFTER_DAYS}")`,
    );
    return EXIT.usage;
  }
  let catalog: Catalog;
  try {
    catalog = await loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) {
      for (const p of error.problems) err(io, formatProblem(p));
      err(io, `${error.problems.length} problem(s) in ${dir}`);
      return EXIT.problems;
    }
    err(io, error instanceof Error ? error.message : String(error));
    return EXIT.problems;
  }
  const warnings = await staleReviews(catalog, dir, staleAfter, new Date());
  for (const w of warnings) err(io, `warning: ${w}`);
  const note = warnings.length > 0 ? ` (${warnings.length} warning(s))` : '';
  out(io, `${dir}: ${catalog.cases.length} cases, ${catalog.tips.length} tips — all valid${note}`);
  return EXIT.ok;
}

function staleAfterDays(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return DEFAULT_STALE_AFTER_DAYS;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : null;
}

/** `file: reviewed: …` for every case reviewed more than `days` ago. */
async function staleReviews(
  catalog: Catalog,
  dir: string,
  days: number,
  now: Date,
): Promise<string[]> {
  const stale = catalog.cases.filter((c) => c.reviewed && daysSince(c.reviewed, now) > days);
  if (stale.length === 0) return [];
  const files = (await readCasebookHead(dir)).ids;
  const shown = path.relative(process.cwd(), dir) || '.';
  const base = shown.startsWith('..') ? path.resolve(dir) : shown;
  return stale.map((c) => {
    const file = path.join(base, files.get(c.id) ?? `${c.id}.yaml`);
    const age = daysSince(c.reviewed ?? '', now);
    return `${file}: reviewed: last reviewed ${c.reviewed}, ${age} days ago (more than STALE_AFTER_DAYS=${days}): check the case and update the date`;
  });
}
