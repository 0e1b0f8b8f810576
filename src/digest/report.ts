import { freshnessOf } from '../catalog/freshness.js';
import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/schema.js';
import type { DigestAnswer } from '../core/model.js';
import { questionSignature } from '../search/question-signature.js';
import type { Store } from '../store/store.js';

/** At most this many of each list (questions, cases, open hand-offs). */
export const DIGEST_LIMIT = 10;
/** How many of a case's 👎 questions are quoted. */
const QUOTED_PER_CASE = 3;
/** How many rows are read from the store to group and count. */
const READ_LIMIT = 2_000;

export interface ReportInput {
  readonly catalog: Catalog;
  readonly store: Store;
  readonly since: Date;
  readonly until: Date;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly staleAfterDays: number;
}

/** The misses of the week, one row per question however worded, most asked first. */
async function misses(input: ReportInput) {
  const rows = await input.store.topMisses({ since: input.since, limit: READ_LIMIT });
  const groups = new Map<
    string,
    { best: string; bestCount: number; count: number; wordings: number }
  >();
  let unkept = 0;
  let total = 0;
  for (const row of rows) {
    total += row.count;
    if (row.query === null) {
      unkept += row.count;
      continue;
    }
    const key = questionSignature(row.query);
    const g = groups.get(key);
    if (!g)
      groups.set(key, { best: row.query, bestCount: row.count, count: row.count, wordings: 1 });
    else {
      g.count += row.count;
      g.wordings += 1;
      const better =
        row.count > g.bestCount || (row.count === g.bestCount && row.query.length < g.best.length);
      if (better) {
        g.best = row.query;
        g.bestCount = row.count;
      }
    }
  }
  const kept = [...groups.values()]
    .sort((a, b) => b.count - a.count || a.best.localeCompare(b.best))
    .map((g) => ({ question: g.best, count: g.count, wordings: g.wordings }));
  const list = unkept > 0 ? [...kept, { question: null, count: unkept, wordings: 0 }] : kept;
  return { total, list: list.slice(0, DIGEST_LIMIT) };
}

/**
 * The weekly gap report, from what the store holds and the casebook: the week's questions that
 * found nothing (grouped by what they ask, through the search's own reading), 👎 per case, the
 * week's hand-offs per case and those still open, and the cases due for review. Only what was
 * kept is quoted: with STATS_KEEP_QUESTIONS=off the store holds counts, not words.
 */
export async function buildReport(input: ReportInput): Promise<DigestAnswer> {
  const { catalog, store, lang, since } = input;
  const title = (id: string | null) => (id ? (catalog.byId.get(id)?.title[lang] ?? id) : null);

  const missed = await misses(input);

  const votes = await store.listFeedback({ since, helpful: false, limit: READ_LIMIT });
  const byCase = new Map<string, { count: number; questions: string[] }>();
  for (const v of votes) {
    const row = byCase.get(v.caseId) ?? { count: 0, questions: [] };
    row.count += 1;
    if (v.query && !row.questions.includes(v.query)) row.questions.push(v.query);
    byCase.set(v.caseId, row);
  }
  const unhelpful = [...byCase.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .slice(0, DIGEST_LIMIT)
    .map(([caseId, r]) => ({
      caseId,
      title: title(caseId) ?? caseId,
      count: r.count,
      questions: r.questions.slice(0, QUOTED_PER_CASE),
    }));

  const week = await store.listHandoffs({ since, limit: READ_LIMIT });
  const perCase = new Map<string | null, { asked: number; open: number }>();
  for (const h of week) {
    const row = perCase.get(h.caseId) ?? { asked: 0, open: 0 };
    row.asked += 1;
    if (!h.answeredAt) row.open += 1;
    perCase.set(h.caseId, row);
  }
  const handoffs = [...perCase.entries()]
    .sort(([, a], [, b]) => b.asked - a.asked || b.open - a.open)
    .slice(0, DIGEST_LIMIT)
    .map(([caseId, r]) => ({ caseId, title: title(caseId), ...r }));
  const open = (await store.listHandoffs({ open: true, limit: READ_LIMIT }))
    .reverse()
    .slice(0, DIGEST_LIMIT)
    .map((h) => ({ question: h.question, title: title(h.caseId), at: h.at }));

  const stale = catalog.cases
    .map((c) => ({ c, f: freshnessOf(c, input.until, input.staleAfterDays) }))
    .filter(({ f }) => f.stale)
    // Never reviewed first, then the oldest review.
    .sort(
      (a, b) =>
        (b.f.reviewedDaysAgo ?? Infinity) - (a.f.reviewedDaysAgo ?? Infinity) ||
        a.c.id.localeCompare(b.c.id),
    )
    .slice(0, DIGEST_LIMIT)
    .map(({ c, f }) => ({
      caseId: c.id,
      title: c.title[lang],
      ...(f.reviewedDaysAgo !== undefined && { reviewedDaysAgo: f.reviewedDaysAgo }),
      owners: (c.owners ?? catalog.owners ?? []).map((o) => o.name),
    }));

  return {
    kind: 'digest',
    lang,
    since,
    until: input.until,
    timeZone: input.timeZone,
    missCount: missed.total,
    misses: missed.list,
    unhelpful,
    handoffs,
    open,
    stale,
    staleAfterDays: input.staleAfterDays,
  };
}
