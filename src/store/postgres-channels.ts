import type { RunQuery } from './postgres-support.js';
import type {
  AnsweredThread,
  ChannelModeSetting,
  SubscriptionPlatform,
  ThreadKey,
} from './store.js';
import { ANSWER_SLOT_WINDOW_MS, THREAD_MEMORY_MS } from './support.js';

interface ModeRow {
  platform: SubscriptionPlatform;
  channel_id: string;
  mode: ChannelModeSetting['mode'];
  changed_by: string;
  changed_at: Date;
}

const toSetting = (r: ModeRow): ChannelModeSetting => ({
  platform: r.platform,
  channelId: r.channel_id,
  mode: r.mode,
  changedBy: r.changed_by,
  changedAt: r.changed_at,
});

export async function setChannelMode(
  query: RunQuery,
  s: Omit<ChannelModeSetting, 'changedAt'>,
  now: Date,
): Promise<ChannelModeSetting> {
  const result = await query<ModeRow>(
    `INSERT INTO casebot_channel_modes (platform, channel_id, mode, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (platform, channel_id) DO UPDATE SET mode = EXCLUDED.mode,
       changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
     RETURNING *`,
    [s.platform, s.channelId, s.mode, s.changedBy, now],
  );
  return toSetting(result.rows[0] as ModeRow);
}

export async function getChannelMode(
  query: RunQuery,
  platform: SubscriptionPlatform,
  channelId: string,
): Promise<ChannelModeSetting | null> {
  const result = await query<ModeRow>(
    'SELECT * FROM casebot_channel_modes WHERE platform = $1 AND channel_id = $2',
    [platform, channelId],
  );
  const row = result.rows[0];
  return row ? toSetting(row) : null;
}

/** Drops thread memories past `THREAD_MEMORY_MS`; the number dropped. */
export async function purgeThreads(query: RunQuery, now: Date): Promise<number> {
  const result = await query('DELETE FROM casebot_answered_threads WHERE answered_at < $1', [
    new Date(now.getTime() - THREAD_MEMORY_MS),
  ]);
  return result.rowCount ?? 0;
}

export async function rememberThread(query: RunQuery, t: AnsweredThread, now: Date) {
  await query(
    `INSERT INTO casebot_answered_threads (platform, channel_id, thread_id, case_id, answered_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (platform, channel_id, thread_id) DO UPDATE
       SET case_id = EXCLUDED.case_id, answered_at = EXCLUDED.answered_at`,
    [t.platform, t.channelId, t.threadId, t.caseId, now],
  );
}

/** One statement: of two replicas inserting at once, the second waits and then finds the row. */
export async function claimThread(query: RunQuery, t: AnsweredThread, now: Date) {
  const result = await query(
    `INSERT INTO casebot_answered_threads (platform, channel_id, thread_id, case_id, answered_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (platform, channel_id, thread_id) DO NOTHING
     RETURNING thread_id`,
    [t.platform, t.channelId, t.threadId, t.caseId, now],
  );
  return result.rowCount === 1;
}

export async function recallThread(query: RunQuery, k: ThreadKey, since: Date) {
  const result = await query<{ case_id: string }>(
    `SELECT case_id FROM casebot_answered_threads
     WHERE platform = $1 AND channel_id = $2 AND thread_id = $3 AND answered_at >= $4
       AND case_id <> ''`,
    [k.platform, k.channelId, k.threadId, since],
  );
  return result.rows[0]?.case_id ?? null;
}

export async function dismissThread(query: RunQuery, k: ThreadKey): Promise<void> {
  await query(
    `UPDATE casebot_answered_threads SET case_id = ''
     WHERE platform = $1 AND channel_id = $2 AND thread_id = $3`,
    [k.platform, k.channelId, k.threadId],
  );
}

/**
 * One statement, atomic across replicas: the row is locked while its condition is checked, so
 * of two replicas taking the last slot at once only one gets it. `recent` keeps the latest
 * `maxPerHour` times; one more fits while fewer than that many are kept, or the oldest of the
 * latest `maxPerHour` left the window.
 */
export async function takeAnswerSlot(
  query: RunQuery,
  platform: SubscriptionPlatform,
  channelId: string,
  now: Date,
  maxPerHour: number,
): Promise<boolean> {
  if (maxPerHour < 1) return false;
  const result = await query(
    `INSERT INTO casebot_answer_slots AS s (platform, channel_id, recent)
     VALUES ($1, $2, ARRAY[$3::bigint])
     ON CONFLICT (platform, channel_id) DO UPDATE
       SET recent = (s.recent || $3::bigint)[greatest(1, cardinality(s.recent) + 2 - $4::int):]
       WHERE cardinality(s.recent) < $4::int
          OR s.recent[cardinality(s.recent) - $4::int + 1] <= $5::bigint
     RETURNING 1`,
    [platform, channelId, now.getTime(), maxPerHour, now.getTime() - ANSWER_SLOT_WINDOW_MS],
  );
  return result.rowCount === 1;
}
