import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/load.js';
import { BUNDLED_CASES_DIR } from '../catalog/model.js';
import type { Lang } from '../catalog/schema.js';
import { languageOf } from '../core/lang.js';
import { type JudgeDeps, judgeMessage } from '../core/unprompted-judge.js';
import type { SemanticRanking } from '../search/hybrid.js';
import { buildIndex } from '../search/index.js';
import type { SearchIndex } from '../search/types.js';
import { type CliIo, EXIT, err, lines, out } from './io.js';
import { cliSemantic } from './semantic-option.js';

/** The most of a query a result echoes back (code points): a result line stays small. */
const QUERY_ECHO_MAX = 500;

/** The first `max` code points of `text` (a surrogate pair is never cut in half). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (let n = 0; n < max && end < text.length; n++) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}

async function resultLine(
  judge: JudgeDeps,
  index: SearchIndex,
  semantic: SemanticRanking | undefined,
  query: string,
  titles: Map<string, { en: string; zh: string }>,
  lang?: Lang,
) {
  const lexical = query === '' ? null : index.search(query);
  const result = !lexical
    ? { section: null, matches: [] }
    : semantic
      ? await semantic.rank(query, lexical)
      : lexical;
  const replyLang = lang ?? languageOf(query) ?? 'en';
  // Would casebot answer this text unprompted in an auto-answer channel (DESIGN.md), and if not, why.
  const verdict = judgeMessage(query, judge);
  return {
    query: clip(query, QUERY_ECHO_MAX),
    section: result.section,
    lang: replyLang,
    unprompted: verdict.speak,
    unpromptedReason: verdict.speak ? null : verdict.reason,
    unpromptedDetail: verdict.speak ? null : (verdict.detail ?? null),
    matches: result.matches.map((m) => ({
      caseId: m.caseId,
      score: Math.round(m.score * 1000) / 1000,
      title: titles.get(m.caseId)?.[replyLang] ?? m.caseId,
      matchedTerms: m.matchedTerms,
    })),
  };
}

/** `casebot search [QUERY] [--json] [--lang zh|en] [--cases DIR]` */
export async function searchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      cases: { type: 'string' },
    },
  });
  if (values.lang && values.lang !== 'en' && values.lang !== 'zh') {
    err(io, `--lang must be en or zh, not "${values.lang}"`);
    return EXIT.usage;
  }
  const lang = values.lang as Lang | undefined;
  const catalog = await loadCatalog(values.cases ?? (io.env.CASES_DIR || BUNDLED_CASES_DIR));
  const index = buildIndex(catalog.cases);
  const titles = new Map(catalog.cases.map((c) => [c.id, c.title]));
  const semantic = await cliSemantic(io, catalog);
  try {
    return await answer(io, positionals, values.json, (query) =>
      resultLine({ catalog, index }, index, semantic?.ranking, query, titles, lang),
    );
  } finally {
    await semantic?.close();
  }
}

async function answer(
  io: CliIo,
  positionals: readonly string[],
  json: boolean | undefined,
  resultOf: (query: string) => ReturnType<typeof resultLine>,
): Promise<number> {
  if (positionals.length === 0) {
    // One query per line in, one JSON object per line out: output line n answers input line n.
    for await (const line of lines(io.stdin)) {
      out(io, JSON.stringify(await resultOf(line.trim())));
    }
    return EXIT.ok;
  }

  const query = positionals.join(' ');
  const result = await resultOf(query);
  if (json) {
    out(io, JSON.stringify(result));
    return EXIT.ok;
  }
  if (result.matches.length === 0) {
    const echoed = result.query;
    out(io, result.lang === 'zh' ? `没有匹配“${echoed}”的案例。` : `No case matches “${echoed}”.`);
    return EXIT.ok;
  }
  if (result.section) out(io, `section: ${result.section}`);
  for (const m of result.matches) {
    out(io, `${m.score.toFixed(3)}  ${m.caseId.padEnd(14)} ${m.title}`);
  }
  return EXIT.ok;
}
