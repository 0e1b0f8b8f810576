import { fileURLToPath } from 'node:url';
import { CasebotError } from '../errors.js';
import type { Case, Overview, PrincipleDef, Text, Tip } from './schema.js';

/*
 * The casebook's vocabulary and result types, without the validator, so renderers and adapters
 * can use them without loading zod. The schemas in `schema.ts` are built from these constants.
 */

/**
 * The casebook shipped with casebot (`cases/` at the package root, beside `src/` and `dist/`):
 * what every command reads when neither `CASES_DIR` nor `--cases` names another folder.
 */
export const BUNDLED_CASES_DIR = fileURLToPath(new URL('../../cases', import.meta.url));

/** The two languages of the casebook. Every user-visible text exists in both. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The seed's three principles (集装箱化, 声明式, 弹性): what solutions are organised by when the
 * casebook declares no `principles` of its own.
 */
export const PRINCIPLES = ['containerisation', 'declarative', 'elasticity'] as const;

export const SECTIONS = ['challenges', 'solutions', 'architecture', 'metrics'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Someone who keeps a case: named in plain text, and mentioned on the platforms they have an id
 * for (Slack user `U…` or user group `S…`; Teams Entra object id or user principal name).
 */
export interface Owner {
  readonly name: string;
  readonly slack?: string;
  readonly teams?: string;
}

/** A channel per platform whose people take the questions nobody is named for. */
export interface ExpertsChannels {
  readonly slack?: string;
  readonly teams?: string;
}

/** The casebook, loaded and cross-checked. */
export interface Catalog {
  /** Cases in display order. */
  readonly cases: readonly Case[];
  readonly byId: ReadonlyMap<string, Case>;
  /** `overview.yaml`, when the casebook has one. */
  readonly overview?: Overview;
  /** The casebook's title (`casebook.yaml`, else the overview's), when it has one. */
  readonly title?: Text;
  /** The principles solutions are organised by: declared, else the seed's three. */
  readonly principles: readonly PrincipleDef[];
  readonly tips: readonly Tip[];
  /** `casebook.yaml`'s default owners: for the cases that name none (absent: nobody). */
  readonly owners?: readonly Owner[];
  /** `casebook.yaml`'s experts channels, when it names any. */
  readonly experts?: ExpertsChannels;
  /** The folder it was read from. */
  readonly dir: string;
}

/** One problem in one file, printed as `file: path.to.field: message`. */
export interface CatalogProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export function formatProblem(p: CatalogProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

export class CatalogError extends CasebotError {
  readonly problems: readonly CatalogProblem[];

  constructor(problems: readonly CatalogProblem[]) {
    super(
      'catalog_invalid',
      `The casebook has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
    this.problems = problems;
  }
}
