import { parseArgs } from 'node:util';
import { CatalogError, formatProblem, loadCatalog } from '../catalog/load.js';
import { BUNDLED_CASES_DIR } from '../catalog/model.js';
import { type CliIo, EXIT, err, out } from './io.js';

/** `casebot validate [--cases DIR]`: every problem as `file: path: message`, exit 1 if any. */
export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { cases: { type: 'string' } } });
  const dir = values.cases ?? (io.env.CASES_DIR || BUNDLED_CASES_DIR);
  try {
    const catalog = await loadCatalog(dir);
    out(io, `${dir}: ${catalog.cases.length} cases, ${catalog.tips.length} tips — all valid`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CatalogError) {
      for (const p of error.problems) err(io, formatProblem(p));
      err(io, `${error.problems.length} problem(s) in ${dir}`);
      return EXIT.problems;
    }
    err(io, error instanceof Error ? error.message : String(error));
    return EXIT.problems;
  }
}
