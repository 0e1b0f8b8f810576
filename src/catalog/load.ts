import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { CasebotError } from '../errors.js';
import { type Catalog, CatalogError, type CatalogProblem, type Lang } from './model.js';
import { readCasebookFile } from './read-file.js';
import {
  type Case,
  type CasebookFile,
  casebookSchemas,
  DEFAULT_PRINCIPLES,
  normaliseCase,
  type Overview,
  ownerOf,
  type PrincipleDef,
  type Text,
  type TextField,
  type Tip,
  toText,
} from './schema.js';
import { findPlaceholders, PLACEHOLDER_PROBLEM } from './skeleton.js';
import { formatPath, zodMessage } from './zod-message.js';

export type { Catalog, CatalogProblem } from './model.js';
export { CatalogError, formatProblem } from './model.js';
export { formatPath } from './zod-message.js';

const CASEBOOK_FILE = 'casebook.yaml';
const OVERVIEW_FILE = 'overview.yaml';
const TIPS_FILE = 'tips.yaml';

/**
 * The most alias uses a file may expand to (the yaml package's default, kept on explicitly):
 * nested aliases ("billion laughs") would otherwise expand to gigabytes.
 */
export const MAX_ALIAS_COUNT = 100;

interface Parsed<T> {
  value?: T;
  /** The document as read, even when it is invalid. */
  raw?: unknown;
  problems: CatalogProblem[];
}

export function parseYaml<T>(file: string, source: string, schema: z.ZodType<T>): Parsed<T> {
  let raw: unknown;
  try {
    const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        problems: doc.errors.map((e) => ({
          file,
          path: e.linePos ? `line ${e.linePos[0].line}` : '',
          message: `not valid YAML: ${e.message.split('\n')[0]}`,
        })),
      };
    }
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The alias limit and the parser's own limits throw instead of reporting.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [{ file, path: '', message: `cannot be read as YAML: ${reason}` }] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { value: result.data, raw, problems: [] };
  return {
    raw,
    problems: result.error.issues.map((issue) => {
      // An unknown key is reported at its parent: name the key itself in the path.
      const at = formatPath(issue.path);
      return { file, path: at, message: zodMessage(issue) };
    }),
  };
}

/** Case files are every `*.yaml` / `*.yml` in the folder except the casebook's own files. */
export function isCaseFile(name: string): boolean {
  return (
    /\.ya?ml$/.test(name) && name !== OVERVIEW_FILE && name !== TIPS_FILE && name !== CASEBOOK_FILE
  );
}

/**
 * Reads a casebook folder. Reports *every* problem at once (a CatalogError listing
 * `file: path: message` lines), never just the first.
 */
export async function loadCatalog(dir: string): Promise<Catalog> {
  const problems: CatalogProblem[] = [];
  const schemas = casebookSchemas();
  // Files are named relative to where the command runs, unless that means climbing out of it.
  const shown = path.relative(process.cwd(), dir);
  const climbs = shown === '..' || shown.startsWith(`..${path.sep}`);
  const base = climbs ? path.resolve(dir) : shown || '.';
  const rel = (name: string) => path.join(base, name);

  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (cause) {
    throw new CasebotError('catalog_invalid', `Cannot read the casebook folder ${dir}`, { cause });
  }

  const read = async (name: string): Promise<string | undefined> => {
    const outcome = await readCasebookFile(path.join(dir, name));
    if ('text' in outcome) return outcome.text;
    problems.push({ file: rel(name), path: '', message: outcome.problem });
    return undefined;
  };

  // casebook.yaml, overview.yaml and tips.yaml are all optional.
  const readOptional = (name: string) =>
    names.includes(name) ? read(name) : Promise.resolve(undefined);

  let casebook: CasebookFile = {};
  const casebookSource = await readOptional(CASEBOOK_FILE);
  if (casebookSource !== undefined) {
    const parsed = parseYaml(rel(CASEBOOK_FILE), casebookSource, schemas.casebookFile);
    problems.push(...parsed.problems);
    casebook = parsed.value ?? {};
  }

  let overview: Overview | undefined;
  const overviewSource = await readOptional(OVERVIEW_FILE);
  if (overviewSource !== undefined) {
    const parsed = parseYaml(rel(OVERVIEW_FILE), overviewSource, schemas.overview);
    problems.push(...parsed.problems);
    overview = parsed.value;
  }

  const principles: readonly PrincipleDef[] = casebook.principles
    ? casebook.principles.map((p) => ({
        id: p.id,
        name: toText(p.name),
        description: toText(p.description),
      }))
    : (overview?.principles ?? DEFAULT_PRINCIPLES);
  const principleById = new Map(principles.map((p) => [p.id, p]));
  const declared = principles.map((p) => p.id).join(', ');
  const title: Text | undefined = casebook.title ? toText(casebook.title) : overview?.title;

  const cases: Case[] = [];
  const caseTips: Tip[] = [];
  const seen = new Map<string, string>();
  for (const name of names.filter(isCaseFile)) {
    const source = await read(name);
    if (source === undefined) continue;
    const parsed = parseYaml(rel(name), source, schemas.caseFile);
    problems.push(...parsed.problems);
    for (const p of findPlaceholders(parsed.raw)) {
      problems.push({ file: rel(name), path: p.path, message: PLACEHOLDER_PROBLEM });
    }
    if (!parsed.value) {
      // An invalid case still exists: don't also report every reference to it as unknown.
      const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
      if (typeof rawId === 'string' && !seen.has(rawId)) seen.set(rawId, rel(name));
      continue;
    }
    const file = parsed.value;
    let unknownPrinciple = false;
    file.solutions.forEach((s, i) => {
      if (principleById.has(s.principle)) return;
      unknownPrinciple = true;
      problems.push({
        file: rel(name),
        path: `solutions[${i}].principle`,
        message: `unknown principle "${s.principle}" (declared: ${declared})`,
      });
    });
    // Cards name a principle as casebook.yaml declares it; the overview's (shorter) names are for
    // its own summary, and the seed's principles keep their card names.
    const cardNames = casebook.principles ? principleById : undefined;
    const c = normaliseCase(file, file.lang ?? casebook.lang ?? 'en', cardNames);
    if (unknownPrinciple) {
      seen.set(c.id, rel(name));
      continue;
    }
    const first = seen.get(c.id);
    if (first) {
      problems.push({
        file: rel(name),
        path: 'id',
        message: `duplicate id "${c.id}" (also in ${first})`,
      });
      continue;
    }
    seen.set(c.id, rel(name));
    cases.push(c);
    caseTips.push(...tipsOfCase(c.id, file.tips ?? [], file.lang ?? casebook.lang ?? 'en'));
  }
  if (cases.length === 0 && problems.length === 0) {
    problems.push({ file: rel(''), path: '', message: 'no case files (*.yaml) found' });
  }
  overview?.summary.forEach((row, i) => {
    if (!seen.has(row.caseId)) {
      problems.push({
        file: rel(OVERVIEW_FILE),
        path: `summary[${i}].caseId`,
        message: `unknown case "${row.caseId}"`,
      });
    }
  });

  let tips: Tip[] = [];
  /** tips.yaml's tip ids, each at its first place in the file. */
  const tipAt = new Map<string, number>();
  const tipsSource = await readOptional(TIPS_FILE);
  if (tipsSource !== undefined) {
    const parsed = parseYaml(rel(TIPS_FILE), tipsSource, schemas.tipsFile);
    problems.push(...parsed.problems);
    const tipsLang = parsed.value?.lang ?? casebook.lang ?? 'en';
    tips = (parsed.value?.tips ?? []).map((tip) => ({
      ...tip,
      text: toText(tip.text),
      ...(typeof tip.text === 'string' ? { lang: tipsLang } : {}),
    }));
    tips.forEach((tip, i) => {
      if (tip.caseId && !seen.has(tip.caseId)) {
        problems.push({
          file: rel(TIPS_FILE),
          path: `tips[${i}].caseId`,
          message: `unknown case "${tip.caseId}"`,
        });
      }
      if (tipAt.has(tip.id)) {
        problems.push({
          file: rel(TIPS_FILE),
          path: `tips[${i}].id`,
          message: `duplicate id "${tip.id}"`,
        });
      } else tipAt.set(tip.id, i);
    });
  }
  for (const tip of caseTips) {
    const i = tipAt.get(tip.id);
    if (i === undefined) continue;
    problems.push({
      file: rel(TIPS_FILE),
      path: `tips[${i}].id`,
      message: `duplicate id "${tip.id}" (also the id of a tip in ${tip.caseId}'s case file)`,
    });
  }
  tips = [...tips, ...caseTips];

  if (problems.length > 0) throw new CatalogError(problems);
  // Cases without an `order` come after those with one, by id.
  const order = (c: Case) => c.order ?? Number.MAX_SAFE_INTEGER;
  cases.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  return {
    cases,
    byId: new Map(cases.map((c) => [c.id, c])),
    ...(overview ? { overview } : {}),
    ...(title ? { title } : {}),
    principles,
    tips,
    ...(casebook.owners ? { owners: casebook.owners.map(ownerOf) } : {}),
    ...(casebook.experts ? { experts: casebook.experts } : {}),
    dir,
  };
}

/** A case file's own `tips`, as tips of that case: ids `<case id>-tip-1`, `-tip-2`… */
function tipsOfCase(caseId: string, texts: readonly TextField[], lang: Lang): Tip[] {
  return texts.map((text, i) => ({
    id: `${caseId}-tip-${i + 1}`,
    caseId,
    text: toText(text),
    ...(typeof text === 'string' ? { lang } : {}),
  }));
}
