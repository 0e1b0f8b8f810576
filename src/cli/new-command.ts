import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCasebookHead } from '../catalog/casebook-head.js';
import { CASE_SCHEMA_FILE } from '../catalog/json-schema.js';
import type { Lang } from '../catalog/model.js';
import { isCaseId } from '../catalog/schema.js';
import { caseSkeleton } from '../catalog/skeleton.js';
import { ensureSchemaFile, writableCasebookDir } from './casebook-dir.js';
import { type CliIo, EXIT, err, out } from './io.js';

/** `casebot new ID [--lang en|zh] [--cases DIR]`: a commented skeleton case, never overwriting. */
export async function newCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { lang: { type: 'string' }, cases: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    err(io, 'usage: casebot new ID [--lang en|zh] [--cases DIR]   (one id, e.g. payment-platform)');
    return EXIT.usage;
  }
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh') {
    err(io, `--lang must be en or zh, not "${values.lang}"`);
    return EXIT.usage;
  }
  const id = positionals[0] ?? '';
  if (!isCaseId(id)) {
    err(io, `"${id}" is not a case id: use kebab-case (a-z, 0-9, -), e.g. payment-platform`);
    return EXIT.problems;
  }
  const dir = writableCasebookDir(values.cases, io);
  const head = await readCasebookHead(dir);
  const taken = head.ids.get(id);
  if (taken) {
    err(io, `a case "${id}" already exists: ${path.join(dir, taken)} (nothing written)`);
    return EXIT.problems;
  }
  const lang = (values.lang as Lang | undefined) ?? head.lang ?? 'en';
  const file = path.join(dir, `${id}.yaml`);
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(file, caseSkeleton(id, lang, head.principles), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    err(io, `${file} already exists (nothing written)`);
    return EXIT.problems;
  }
  out(io, `wrote ${file}`);
  if (await ensureSchemaFile(dir)) out(io, `wrote ${path.join(dir, CASE_SCHEMA_FILE)}`);
  out(io, `next: replace every "TODO: …" in it, then: casebot validate --cases ${dir}`);
  return EXIT.ok;
}
