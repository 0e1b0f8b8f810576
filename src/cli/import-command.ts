import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCasebookHead } from '../catalog/casebook-head.js';
import { importedFiles } from '../catalog/import-files.js';
import { importMarkdown } from '../catalog/import-md.js';
import { CASE_SCHEMA_FILE } from '../catalog/json-schema.js';
import { CatalogError, formatProblem, loadCatalog } from '../catalog/load.js';
import { caseSchemaText, writableCasebookDir } from './casebook-dir.js';
import { type CliIo, EXIT, err, out } from './io.js';

const USAGE = 'usage: casebot import FILE.md [--out DIR] [--ids ID,ID,…] [--force]';

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `casebot import FILE.md [--out DIR] [--ids …] [--force]`: case files from a casebook document
 * written like the seed. Everything is checked first — the document, clashes with the folder, and
 * the folder as it would be afterwards — and only then written; a file that exists and differs is
 * replaced only with `--force`.
 */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      ids: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const [doc] = positionals;
  if (!doc || positionals.length !== 1) {
    err(io, USAGE);
    return EXIT.usage;
  }
  const source = await readIfExists(doc);
  if (source === undefined) {
    err(io, `${doc}: no such file`);
    return EXIT.problems;
  }
  const dir = writableCasebookDir(values.out, io);
  const head = await readCasebookHead(dir);
  const ids = values.ids?.split(',').map((s) => s.trim());
  const imported = importMarkdown(source, {
    principles: head.principles,
    ...(ids ? { ids } : {}),
  });
  if (!imported.value) {
    for (const p of imported.problems)
      err(io, p.line ? `${doc}:${p.line}: ${p.message}` : `${doc}: ${p.message}`);
    err(io, `${imported.problems.length} problem(s) in ${doc}; nothing written`);
    return EXIT.problems;
  }
  const book = imported.value;
  const files = importedFiles(book, path.basename(doc), !head.hasCasebookFile);

  const clashes: string[] = [];
  const unchanged = new Set<string>();
  for (const [name, text] of files) {
    const owner = head.ids.get(name.replace(/\.yaml$/, ''));
    if (name !== 'casebook.yaml' && owner && owner !== name) {
      clashes.push(
        `${path.join(dir, owner)} already holds the case "${name.replace(/\.yaml$/, '')}"`,
      );
      continue;
    }
    const existing = await readIfExists(path.join(dir, name));
    if (existing === text) unchanged.add(name);
    else if (existing !== undefined && !values.force) {
      clashes.push(`${path.join(dir, name)} exists and differs (--force replaces it)`);
    }
  }
  if (clashes.length > 0) {
    for (const c of clashes) err(io, c);
    err(io, 'nothing written');
    return EXIT.problems;
  }

  // The folder as it will be, staged beside it: it must load before anything in it changes.
  await mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const stage = await mkdtemp(path.join(path.dirname(path.resolve(dir)), '.casebot-import-'));
  try {
    const existed = await stat(dir).then(
      () => true,
      () => false,
    );
    if (existed) await cp(dir, stage, { recursive: true });
    const changed = [...files].filter(([name]) => !unchanged.has(name));
    for (const [name, text] of changed) await writeFile(path.join(stage, name), text);
    if ((await readIfExists(path.join(stage, CASE_SCHEMA_FILE))) === undefined) {
      await writeFile(path.join(stage, CASE_SCHEMA_FILE), caseSchemaText());
      changed.push([CASE_SCHEMA_FILE, '']);
    }
    try {
      await loadCatalog(stage);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      for (const p of error.problems) {
        err(io, formatProblem({ ...p, file: path.join(dir, path.basename(p.file)) }));
      }
      err(io, `the casebook in ${dir} would not be valid after the import; nothing written`);
      return EXIT.problems;
    }
    if (!existed) {
      await chmod(stage, 0o755); // mkdtemp's folder is private; a casebook folder is not
      await rename(stage, dir);
    } else {
      for (const [name] of changed) await rename(path.join(stage, name), path.join(dir, name));
    }
    for (const [name] of changed) out(io, `wrote ${path.join(dir, name)}`);
    for (const name of unchanged) out(io, `unchanged ${path.join(dir, name)}`);
    for (const s of book.skipped) out(io, `${doc}:${s.line}: not a case, skipped: ${s.title}`);
    out(
      io,
      `${book.cases.length} case(s) from ${doc} (${book.lang}); check: casebot validate --cases ${dir}`,
    );
    return EXIT.ok;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
