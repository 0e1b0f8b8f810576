import { type DatabaseSync, immediateTransaction, type StatementSync } from './sqlite-driver.js';
import type {
  Feedback,
  FeedbackQuery,
  Handoff,
  HandoffLimit,
  HandoffQuery,
  HandoffRequest,
  NewHandoff,
  SubscriptionPlatform,
} from './store.js';
import { DEFAULT_LIST_LIMIT, newId } from './support.js';

/** The open SQLite database as the store hands it to these functions. */
export interface SqliteDb {
  readonly raw: DatabaseSync;
  prepare(sql: string): StatementSync;
}

interface HandoffRow {
  id: string;
  platform: SubscriptionPlatform;
  conversation_id: string;
  question: string;
  question_key: string;
  case_id: string | null;
  asker_id: string;
  asker_name: string | null;
  lang: Handoff['lang'];
  at: number;
  answered_at: number | null;
  answered_by: string | null;
}

function toHandoff(r: HandoffRow): Handoff {
  return {
    id: r.id,
    platform: r.platform,
    conversationId: r.conversation_id,
    question: r.question,
    questionKey: r.question_key,
    caseId: r.case_id,
    askerId: r.asker_id,
    askerName: r.asker_name,
    lang: r.lang,
    at: new Date(r.at),
    answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
    answeredBy: r.answered_by,
  };
}

/** One transaction (`BEGIN IMMEDIATE`): the check and the insert cannot interleave with another. */
export function requestHandoff(db: SqliteDb, h: NewHandoff, limit: HandoffLimit): HandoffRequest {
  return immediateTransaction(db.raw, () => {
    const earlier = db
      .prepare(
        'SELECT * FROM handoffs WHERE platform = ? AND conversation_id = ? AND question_key = ?',
      )
      .get(h.platform, h.conversationId, h.questionKey) as HandoffRow | undefined;
    if (earlier) return { kind: 'exists', handoff: toHandoff(earlier) };
    const at = h.at.getTime();
    const { n } = db
      .prepare(
        `SELECT COUNT(*) AS n FROM handoffs
         WHERE platform = ? AND asker_id = ? AND at > ?`,
      )
      .get(h.platform, h.askerId, at - limit.windowMs) as { n: number };
    if (n >= limit.max) return { kind: 'limited' };
    const row = db
      .prepare(
        `INSERT INTO handoffs (id, platform, conversation_id, question, question_key, case_id,
           asker_id, asker_name, lang, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        newId(),
        h.platform,
        h.conversationId,
        h.question,
        h.questionKey,
        h.caseId,
        h.askerId,
        h.askerName,
        h.lang,
        at,
      ) as unknown as HandoffRow;
    return { kind: 'created', handoff: toHandoff(row) };
  });
}

export function answerHandoff(db: SqliteDb, id: string, by: string, at: Date): Handoff | null {
  db.prepare(
    'UPDATE handoffs SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL',
  ).run(at.getTime(), by, id);
  const row = db.prepare('SELECT * FROM handoffs WHERE id = ?').get(id) as HandoffRow | undefined;
  return row ? toHandoff(row) : null;
}

export function listHandoffs(
  db: SqliteDb,
  { since, open, limit = DEFAULT_LIST_LIMIT }: HandoffQuery = {},
): Handoff[] {
  const rows = db
    .prepare(
      `SELECT * FROM handoffs WHERE at >= ? AND (? = 0 OR answered_at IS NULL)
       ORDER BY at DESC, id LIMIT ?`,
    )
    .all(since?.getTime() ?? 0, open ? 1 : 0, limit) as unknown as HandoffRow[];
  return rows.map(toHandoff);
}

export function listFeedback(
  db: SqliteDb,
  { since, helpful, limit = DEFAULT_LIST_LIMIT }: FeedbackQuery = {},
): Feedback[] {
  const rows = db
    .prepare(
      `SELECT platform, case_id, query, user_id, helpful, at FROM feedback
       WHERE at >= ? AND (? IS NULL OR helpful = ?) ORDER BY at DESC LIMIT ?`,
    )
    .all(
      since?.getTime() ?? 0,
      helpful === undefined ? null : 1,
      helpful ? 1 : 0,
      limit,
    ) as unknown as {
    platform: string;
    case_id: string;
    query: string;
    user_id: string;
    helpful: number;
    at: number;
  }[];
  return rows.map((r) => ({
    platform: r.platform,
    caseId: r.case_id,
    query: r.query,
    userId: r.user_id,
    helpful: r.helpful === 1,
    at: new Date(r.at),
  }));
}
