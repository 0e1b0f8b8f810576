import type { Db } from './sqlite-connection.js';
import { immediateTransaction } from './sqlite-driver.js';
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
export function requestHandoff(db: Db, h: NewHandoff, limit: HandoffLimit): HandoffRequest {
  return immediateTransaction(db.raw, () => {
    const earlier = db.one<HandoffRow>(
      'SELECT * FROM handoffs WHERE platform = ? AND conversation_id = ? AND question_key = ?',
      h.platform,
      h.conversationId,
      h.questionKey,
    );
    if (earlier) return { kind: 'exists', handoff: toHandoff(earlier) };
    const at = h.at.getTime();
    const n =
      db.one<{ n: number }>(
        'SELECT COUNT(*) AS n FROM handoffs WHERE platform = ? AND asker_id = ? AND at > ?',
        h.platform,
        h.askerId,
        at - limit.windowMs,
      )?.n ?? 0;
    if (n >= limit.max) return { kind: 'limited' };
    const row = db.returning<HandoffRow>(
      `INSERT INTO handoffs (id, platform, conversation_id, question, question_key, case_id,
         asker_id, asker_name, lang, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
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
    );
    if (!row) throw new Error('the hand-off was not stored');
    return { kind: 'created', handoff: toHandoff(row) };
  });
}

export function answerHandoff(db: Db, id: string, by: string, at: Date): Handoff | null {
  db.run(
    'UPDATE handoffs SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL',
    at.getTime(),
    by,
    id,
  );
  const row = db.one<HandoffRow>('SELECT * FROM handoffs WHERE id = ?', id);
  return row ? toHandoff(row) : null;
}

export function listHandoffs(
  db: Db,
  { since, open, limit = DEFAULT_LIST_LIMIT }: HandoffQuery = {},
): Handoff[] {
  const rows = db.all<HandoffRow>(
    `SELECT * FROM handoffs WHERE at >= ? AND (? = 0 OR answered_at IS NULL)
     ORDER BY at DESC, id LIMIT ?`,
    since?.getTime() ?? 0,
    open ? 1 : 0,
    limit,
  );
  return rows.map(toHandoff);
}

export function listFeedback(
  db: Db,
  { since, helpful, limit = DEFAULT_LIST_LIMIT }: FeedbackQuery = {},
): Feedback[] {
  const rows = db.all<{
    platform: string;
    case_id: string;
    query: string;
    user_id: string;
    helpful: number;
    at: number;
  }>(
    `SELECT platform, case_id, query, user_id, helpful, at FROM feedback
     WHERE at >= ? AND (? IS NULL OR helpful = ?) ORDER BY at DESC LIMIT ?`,
    since?.getTime() ?? 0,
    helpful === undefined ? null : 1,
    helpful ? 1 : 0,
    limit,
  );
  return rows.map((r) => ({
    platform: r.platform,
    caseId: r.case_id,
    query: r.query,
    userId: r.user_id,
    helpful: r.helpful === 1,
    at: new Date(r.at),
  }));
}
