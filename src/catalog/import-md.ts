import {
  type Chapter,
  type Draft,
  type Fail,
  readCase,
  sectionOf,
  toCaseFile,
} from './import-case.js';
import {
  CHAPTER_KINDS,
  caseTitle,
  headerMatches,
  headerText,
  norm,
  stars,
  TABLES,
  type TableKind,
} from './import-labels.js';
import { type Block, readBlocks } from './markdown-blocks.js';
import type { Lang } from './model.js';
import { type CaseFile, isCaseId, type PrincipleDef } from './schema.js';

/** One thing in the document that does not fit, at its line (0: the document as a whole). */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

/** A casebook document read into case files, in the document's language. */
export interface ImportedCasebook {
  readonly lang: Lang;
  /** The document's `#` title. */
  readonly title?: string;
  readonly cases: readonly CaseFile[];
  /**
   * Chapters that are neither cases nor the summary table (the panorama, guides, tips: not
   * imported, since overview.yaml and tips.yaml are written in both languages).
   */
  readonly skipped: readonly { readonly line: number; readonly title: string }[];
}

export interface ImportOptions {
  /** The principles the solution tables may name (the target casebook's). */
  readonly principles: readonly PrincipleDef[];
  /** Case ids in chapter order, overriding those from the headings. */
  readonly ids?: readonly string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** The document's language: Chinese when a good part of its letters are CJK. */
function languageOf(source: string): Lang {
  const prose = source.replace(/```[\s\S]*?```/g, '');
  const cjk = prose.match(CJK)?.length ?? 0;
  const latin = prose.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk * 3 >= latin ? 'zh' : 'en';
}

/** Splits `## 2 电商平台案例 {#ecommerce}` into its title and id. */
function chapterHeading(text: string): { title: string; id?: string } {
  const explicit = /\s*\{#([^}\s]+)\}\s*$/.exec(text);
  const title = (explicit ? text.slice(0, explicit.index) : text)
    .replace(/^\d+(\.\d+)*\.?\s*/, '')
    .trim();
  return explicit?.[1] ? { title, id: explicit[1] } : { title };
}

const isKind = (title: string, kind: keyof typeof CHAPTER_KINDS) =>
  CHAPTER_KINDS[kind].some((w) => norm(title).includes(w));

export function importMarkdown(
  source: string,
  options: ImportOptions,
): { value?: ImportedCasebook; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const fail = (line: number, message: string) => problems.push({ line, message });
  const lang = languageOf(source);
  const blocks = readBlocks(source);

  let title: string | undefined;
  const chapters: Chapter[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 1 && title === undefined) title = block.text;
    else if (block.kind === 'heading' && block.level === 2) {
      const heading = chapterHeading(block.text);
      if (!heading.title) fail(block.line, `expected a chapter title after "## ${block.text}"`);
      chapters.push({ line: block.line, ...heading, blocks: [] });
    } else (chapters.at(-1)?.blocks as Block[] | undefined)?.push(block);
  }

  const readTable = (kind: TableKind, table: Extract<Block, { kind: 'table' }>) => {
    const [header, separator, ...rows] = table.rows;
    const columns = TABLES[kind].length;
    if (!header || header.separator || !headerMatches(kind, header.cells)) {
      fail(table.line, `expected the ${kind} table header ${headerText(kind, lang)}`);
      return [];
    }
    if (!separator?.separator) {
      fail(separator?.line ?? table.line, 'expected the |---| row under the table header');
      return [];
    }
    if (rows.length === 0) fail(table.line, `expected at least one row in the ${kind} table`);
    return rows.flatMap((row) => {
      if (row.cells.length !== columns) {
        fail(
          row.line,
          `expected ${columns} cells (${headerText(kind, lang)}), found ${row.cells.length}`,
        );
        return [];
      }
      const empty = row.cells.indexOf('');
      if (empty >= 0) {
        fail(row.line, `expected a text in column ${empty + 1} (${headerText(kind, lang)})`);
        return [];
      }
      return [{ line: row.line, cells: row.cells as string[] }];
    });
  };

  const drafts: Draft[] = [];
  const ratings: { line: number; title: string; rating: number }[] = [];
  const skipped: { line: number; title: string }[] = [];

  for (const chapter of chapters) {
    const isCase = chapter.blocks.some(
      (b) => b.kind === 'heading' && b.level === 3 && sectionOf(b.text),
    );
    if (!isCase) {
      if (!chapter.title || isKind(chapter.title, 'contents')) continue;
      if (isKind(chapter.title, 'summary')) {
        const table = chapter.blocks.find((b) => b.kind === 'table');
        if (table?.kind !== 'table')
          fail(chapter.line, `expected the summary table ${headerText('summary', lang)}`);
        else {
          for (const row of readTable('summary', table)) {
            const rating = stars(row.cells[4] ?? '');
            if (rating < 1 || rating > 5) fail(row.line, 'expected a rating of 1 to 5 stars (⭐)');
            else ratings.push({ line: row.line, title: row.cells[0] ?? '', rating });
          }
        }
      } else skipped.push({ line: chapter.line, title: chapter.title });
      continue;
    }
    drafts.push(readCase(chapter, lang, options.principles, readTable, fail));
  }

  for (const r of ratings) {
    const draft = drafts.find((d) => norm(d.title) === norm(caseTitle(r.title)));
    if (draft) draft.rating = r.rating;
    else
      fail(
        r.line,
        `expected the title of a case chapter, not "${r.title}" (cases: ${drafts.map((d) => d.title).join(', ')})`,
      );
  }
  if (drafts.length === 0 && problems.length === 0) {
    fail(0, 'expected at least one case chapter (## title, then ### 场景描述 / ### 解决方案 …)');
  }

  const ids = assignIds(drafts, options.ids, fail);
  if (problems.length > 0) return { problems };
  const cases = drafts.map((d, i) => toCaseFile(d, ids[i] ?? '', i + 1, lang));
  return {
    value: {
      lang,
      ...(title ? { title } : {}),
      cases,
      skipped,
    },
    problems,
  };
}

/** Case ids: `--ids` in chapter order, else `{#id}` in the heading, else a slug, else case-N. */
function assignIds(
  drafts: readonly Draft[],
  given: readonly string[] | undefined,
  fail: Fail,
): string[] {
  if (given && given.length !== drafts.length) {
    fail(0, `--ids names ${given.length} id(s) but the document has ${drafts.length} case(s)`);
    return [];
  }
  const ids = drafts.map((d, i) => {
    if (given?.[i]) return given[i];
    if (d.chapter.id) return d.chapter.id;
    const slug = d.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    // Only a title written wholly in ASCII makes a slug that still says what the case is.
    return /^[\x20-\x7e]+$/.test(d.title) && slug ? slug : `case-${i + 1}`;
  });
  const seen = new Map<string, number>();
  drafts.forEach((d, i) => {
    const id = ids[i] ?? '';
    if (!isCaseId(id)) fail(d.chapter.line, `case id "${id}" must be kebab-case (a-z, 0-9, -)`);
    const first = seen.get(id);
    if (first !== undefined)
      fail(d.chapter.line, `case id "${id}" is also the id of the chapter at line ${first}`);
    seen.set(id, d.chapter.line);
  });
  return ids;
}
