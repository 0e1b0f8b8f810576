import type { Db } from './sqlite-connection.js';
import { immediateTransaction } from './sqlite-driver.js';
import type {
  AnsweredThread,
  ChannelModeSetting,
  SubscriptionPlatform,
  ThreadKey,
} from './store.js';
import { nextAnswerSlots, THREAD_MEMORY_MS } from './support.js';

/*
 * Channel modes, answered threads and the hourly answer cap on SQLite. Writes go through
 * `Db.run`/`Db.returning` (never `get()`), so a write that did not reach the file throws.
 */

interface ModeRow {
  platform: SubscriptionPlatform;
  channel_id: string;
  mode: ChannelModeSetting['mode'];
  changed_by: string;
  changed_at: number;
}

const toSetting = (r: ModeRow): ChannelModeSetting => ({
  platform: r.platform,
  channelId: r.channel_id,
  mode: r.mode,
  changedBy: r.changed_by,
  changedAt: new Date(r.changed_at),
});

export function setChannelMode(
  db: Db,
  s: Omit<ChannelModeSetting, 'changedAt'>,
  now: Date,
): ChannelModeSetting {
  const row = db.returning<ModeRow>(
    `INSERT INTO channel_modes (platform, channel_id, mode, changed_by, changed_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, channel_id) DO UPDATE SET mode = excluded.mode,
       changed_by = excluded.changed_by, changed_at = excluded.changed_at
     RETURNING *`,
    s.platform,
    s.channelId,
    s.mode,
    s.changedBy,
    now.getTime(),
  );
  if (!row) throw new Error('setChannelMode returned no row');
  return toSetting(row);
}

export function getChannelMode(
  db: Db,
  platform: SubscriptionPlatform,
  channelId: string,
): ChannelModeSetting | null {
  const row = db.one<ModeRow>(
    'SELECT * FROM channel_modes WHERE platform = ? AND channel_id = ?',
    platform,
    channelId,
  );
  return row ? toSetting(row) : null;
}

/** Drops thread memories past `THREAD_MEMORY_MS`; the number dropped. */
export function purgeThreads(db: Db, now: Date): number {
  const cutoff = now.getTime() - THREAD_MEMORY_MS;
  return Number(db.run('DELETE FROM answered_threads WHERE answered_at < ?', cutoff).changes);
}

export function rememberThread(db: Db, t: AnsweredThread, now: Date): void {
  db.run(
    `INSERT INTO answered_threads (platform, channel_id, thread_id, case_id, answered_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, channel_id, thread_id) DO UPDATE
       SET case_id = excluded.case_id, answered_at = excluded.answered_at`,
    t.platform,
    t.channelId,
    t.threadId,
    t.caseId,
    now.getTime(),
  );
}

export function claimThread(db: Db, t: AnsweredThread, now: Date): boolean {
  const row = db.returning(
    `INSERT INTO answered_threads (platform, channel_id, thread_id, case_id, answered_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, channel_id, thread_id) DO NOTHING
     RETURNING thread_id`,
    t.platform,
    t.channelId,
    t.threadId,
    t.caseId,
    now.getTime(),
  );
  return row !== undefined;
}

export function recallThread(db: Db, k: ThreadKey, since: Date): string | null {
  const row = db.one<{ case_id: string }>(
    `SELECT case_id FROM answered_threads
     WHERE platform = ? AND channel_id = ? AND thread_id = ? AND answered_at >= ? AND case_id <> ''`,
    k.platform,
    k.channelId,
    k.threadId,
    since.getTime(),
  );
  return row?.case_id ?? null;
}

export function dismissThread(db: Db, k: ThreadKey): void {
  db.run(
    `UPDATE answered_threads SET case_id = '' WHERE platform = ? AND channel_id = ? AND thread_id = ?`,
    k.platform,
    k.channelId,
    k.threadId,
  );
}

/** Read, decide and write in one write transaction: processes on one file queue on it. */
export function takeAnswerSlot(
  db: Db,
  platform: SubscriptionPlatform,
  channelId: string,
  now: Date,
  maxPerHour: number,
): boolean {
  return immediateTransaction(db.raw, () => {
    const row = db.one<{ recent: string }>(
      'SELECT recent FROM answer_slots WHERE platform = ? AND channel_id = ?',
      platform,
      channelId,
    );
    const recent = row ? (JSON.parse(row.recent) as number[]) : [];
    const next = nextAnswerSlots(recent, now.getTime(), maxPerHour);
    if (!next) return false;
    db.run(
      `INSERT INTO answer_slots (platform, channel_id, recent) VALUES (?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET recent = excluded.recent`,
      platform,
      channelId,
      JSON.stringify(next),
    );
    return true;
  });
}
