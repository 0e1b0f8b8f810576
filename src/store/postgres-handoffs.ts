import type pg from 'pg';
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
  at: Date;
  answered_at: Date | null;
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

const EARLIER = `SELECT * FROM casebot_handoffs
  WHERE platform = $1 AND conversation_id = $2 AND question_key = $3`;

/**
 * One transaction holding an advisory lock on the asker, so two presses of one user on two
 * replicas are counted one after the other; the unique key settles two users asking at once.
 */
export async function requestHandoff(
  pool: pg.Pool,
  h: NewHandoff,
  limit: HandoffLimit,
): Promise<HandoffRequest> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `casebot handoff ${h.platform} ${h.askerId}`,
    ]);
    const key = [h.platform, h.conversationId, h.questionKey];
    const earlier = await client.query<HandoffRow>(EARLIER, key);
    let outcome: HandoffRequest;
    if (earlier.rows[0]) outcome = { kind: 'exists', handoff: toHandoff(earlier.rows[0]) };
    else {
      const recent = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM casebot_handoffs
         WHERE platform = $1 AND asker_id = $2 AND at > $3`,
        [h.platform, h.askerId, new Date(h.at.getTime() - limit.windowMs)],
      );
      if (Number(recent.rows[0]?.n ?? 0) >= limit.max) outcome = { kind: 'limited' };
      else {
        const inserted = await client.query<HandoffRow>(
          `INSERT INTO casebot_handoffs (id, platform, conversation_id, question, question_key,
             case_id, asker_id, asker_name, lang, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (platform, conversation_id, question_key) DO NOTHING
           RETURNING *`,
          [
            newId(),
            h.platform,
            h.conversationId,
            h.question,
            h.questionKey,
            h.caseId,
            h.askerId,
            h.askerName,
            h.lang,
            h.at,
          ],
        );
        const row = inserted.rows[0] ?? (await client.query<HandoffRow>(EARLIER, key)).rows[0];
        if (!row) throw new Error('hand-off neither inserted nor found');
        outcome = inserted.rows[0]
          ? { kind: 'created', handoff: toHandoff(row) }
          : { kind: 'exists', handoff: toHandoff(row) };
      }
    }
    await client.query('COMMIT');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function answerHandoff(
  pool: pg.Pool,
  id: string,
  by: string,
  at: Date,
): Promise<Handoff | null> {
  const result = await pool.query<HandoffRow>(
    `WITH marked AS (
       UPDATE casebot_handoffs SET answered_at = $2, answered_by = $3
       WHERE id = $1 AND answered_at IS NULL RETURNING *
     )
     SELECT * FROM marked UNION ALL
     SELECT * FROM casebot_handoffs WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM marked)`,
    [id, at, by],
  );
  return result.rows[0] ? toHandoff(result.rows[0]) : null;
}

export async function listHandoffs(
  pool: pg.Pool,
  { since, open, limit = DEFAULT_LIST_LIMIT }: HandoffQuery = {},
): Promise<Handoff[]> {
  const result = await pool.query<HandoffRow>(
    `SELECT * FROM casebot_handoffs
     WHERE ($1::timestamptz IS NULL OR at >= $1) AND (NOT $2 OR answered_at IS NULL)
     ORDER BY at DESC, id COLLATE "C" LIMIT $3`,
    [since ?? null, open === true, limit],
  );
  return result.rows.map(toHandoff);
}

export async function listFeedback(
  pool: pg.Pool,
  { since, helpful, limit = DEFAULT_LIST_LIMIT }: FeedbackQuery = {},
): Promise<Feedback[]> {
  const result = await pool.query<{
    platform: string;
    case_id: string;
    query: string;
    user_id: string;
    helpful: boolean;
    at: Date;
  }>(
    `SELECT platform, case_id, query, user_id, helpful, at FROM casebot_feedback
     WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::boolean IS NULL OR helpful = $2)
     ORDER BY at DESC LIMIT $3`,
    [since ?? null, helpful ?? null, limit],
  );
  return result.rows.map((r) => ({
    platform: r.platform,
    caseId: r.case_id,
    query: r.query,
    userId: r.user_id,
    helpful: r.helpful,
    at: new Date(r.at),
  }));
}
