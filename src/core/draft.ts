import type { Catalog } from '../catalog/load.js';
import type { Lang, Owner } from '../catalog/schema.js';
import { caseSkeleton } from '../catalog/skeleton.js';
import { languageOf } from './lang.js';

/** A conversation a user asked to turn into a case ("Draft a case from this thread"). */
export interface DraftSource {
  /** Where it is, for the file's first comment (`a Slack thread in #C0123`). */
  readonly where: string;
  readonly question: string;
  readonly replies: readonly { readonly author: string; readonly text: string }[];
  /** The people who answered. */
  readonly owners: readonly Owner[];
}

export interface CaseDraft {
  readonly id: string;
  readonly fileName: string;
  readonly lang: Lang;
  /** The case file, in the casebook's format; `casebot validate` refuses it until its TODOs are written. */
  readonly yaml: string;
}

const MAX_ID_WORDS = 5;
const ID_STOP = new Set([
  'a',
  'an',
  'the',
  'how',
  'do',
  'we',
  'i',
  'to',
  'of',
  'for',
  'on',
  'in',
  'is',
  'can',
  'our',
  'and',
  'or',
  'what',
  'why',
  'with',
  'should',
  'does',
]);

/** A kebab-case id from the question's words, not one the casebook uses yet. */
export function draftId(question: string, taken: ReadonlySet<string>, fallback: string): string {
  const words = question
    .replace(/\(?https?:\/\/\S+/g, ' ')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !ID_STOP.has(w))
    .slice(0, MAX_ID_WORDS);
  const base = words.join('-') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * A case skeleton seeded by a conversation: its question as the summary's seed, its replies as
 * `TODO:` notes, the people who answered as owners, in the casebook's principles, in the
 * question's language (else the default).
 */
export function draftCase(catalog: Catalog, source: DraftSource, defaultLang: Lang): CaseDraft {
  const lang = languageOf(source.question) ?? defaultLang;
  const id = draftId(source.question, new Set(catalog.byId.keys()), 'draft-case');
  const yaml = caseSkeleton(id, lang, catalog.principles, {
    source: source.where,
    question: source.question,
    replies: source.replies,
    owners: source.owners,
  });
  return { id, fileName: `${id}.yaml`, lang, yaml };
}
