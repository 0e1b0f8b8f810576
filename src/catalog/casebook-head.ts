import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { CasebotError } from '../errors.js';
import { isCaseFile, parseYaml } from './load.js';
import { CatalogError, type Lang } from './model.js';
import { readCasebookFile } from './read-file.js';
import { casebookSchemas, DEFAULT_PRINCIPLES, type PrincipleDef, toText } from './schema.js';

/** What commands that add cases need to know of a casebook folder, even an unfinished one. */
export interface CasebookHead {
  /** `casebook.yaml`'s `lang`, when it declares one. */
  readonly lang?: Lang;
  /** Declared (in casebook.yaml, else overview.yaml), else the seed's three. */
  readonly principles: readonly PrincipleDef[];
  /** Whether casebook.yaml exists. */
  readonly hasCasebookFile: boolean;
  /** The folder's YAML file names. */
  readonly files: readonly string[];
  /** Every case id in use: each case file's `id` (read leniently) → its file name. */
  readonly ids: ReadonlyMap<string, string>;
}

async function readOptional(file: string): Promise<string | undefined> {
  const read = await readCasebookFile(file);
  if ('text' in read) return read.text;
  if (read.code === 'ENOENT') return undefined;
  throw new CasebotError('catalog_invalid', `Cannot read ${file}: ${read.problem}`);
}

/**
 * Reads a casebook folder's settings and the ids it uses. A folder that does not exist yet is an
 * empty casebook; a broken casebook.yaml or overview.yaml is an error (its principles matter).
 */
export async function readCasebookHead(dir: string): Promise<CasebookHead> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CasebotError('catalog_invalid', `Cannot read the casebook folder ${dir}`, {
        cause: error,
      });
    }
    names = [];
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n));
  const settings = async <T>(name: string, schema: Parameters<typeof parseYaml<T>>[2]) => {
    const source = files.includes(name) ? await readOptional(path.join(dir, name)) : undefined;
    if (source === undefined) return undefined;
    const parsed = parseYaml(path.join(dir, name), source, schema);
    if (parsed.problems.length > 0) throw new CatalogError(parsed.problems);
    return parsed.value;
  };
  const schemas = casebookSchemas();
  const casebook = await settings('casebook.yaml', schemas.casebookFile);
  const overview = await settings('overview.yaml', schemas.overview);
  const principles = casebook?.principles
    ? casebook.principles.map((p) => ({
        id: p.id,
        name: toText(p.name),
        description: toText(p.description),
      }))
    : (overview?.principles ?? DEFAULT_PRINCIPLES);

  const ids = new Map<string, string>();
  for (const name of files.filter(isCaseFile)) {
    ids.set(name.replace(/\.ya?ml$/, ''), name);
    try {
      const id = (parse((await readOptional(path.join(dir, name))) ?? '') as { id?: unknown })?.id;
      if (typeof id === 'string') ids.set(id, name);
    } catch {
      // A file that is not YAML still holds its file name's id; validate reports the rest.
    }
  }
  return {
    ...(casebook?.lang ? { lang: casebook.lang } : {}),
    principles,
    hasCasebookFile: files.includes('casebook.yaml'),
    files,
    ids,
  };
}
