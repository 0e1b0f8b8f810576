import { type DatabaseSync, immediateTransaction, type StatementSync } from './sqlite-driver.js';
import type {
  AnsweredThread,
  ChannelModeSetting,
  SubscriptionPlatform,
  ThreadKey,
} from './store.js';
import { nextAnswerSlots, THREAD_MEMORY_MS } from './support.js';

/** The open database as the SQLite store hands it over: cached statements and the raw handle. */
export interface SqliteDb {
  readonly raw: DatabaseSync;
  prepare(sql: string): StatementSync;
}

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
  db: SqliteDb,
  s: Omit<ChannelModeSetting, 'changedAt'>,
  now: Date,
): ChannelModeSetting {
  const row = db
    .prepare(
      `INSERT INTO channel_modes (platform, channel_id, mode, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET mode = excluded.mode,
         changed_by = excluded.changed_by, changed_at = excluded.changed_at
       RETURNING *`,
    )
    .get(s.platform, s.channelId, s.mode, s.changedBy, now.getTime()) as unknown as ModeRow;
  return toSetting(row);
}

export function getChannelMode(
  db: SqliteDb,
  platform: SubscriptionPlatform,
  channelId: string,
): ChannelModeSetting | null {
  const row = db
    .prepare('SELECT * FROM channel_modes WHERE platform = ? AND channel_id = ?')
    .get(platform, channelId) as ModeRow | undefined;
  return row ? toSetting(row) : null;
}

/** Drops thread memories past `THREAD_MEMORY_MS`; the number dropped. */
export function purgeThreads(db: SqliteDb, now: Date): number {
  const cutoff = now.getTime() - THREAD_MEMORY_MS;
  return Number(
    db.prepare('DELETE FROM answered_threads WHERE answered_at < ?').run(cutoff).changes,
  );
}

export function rememberThread(db: SqliteDb, t: AnsweredThread, now: Date): void {
  db.prepare(
    `INSERT INTO answered_threads (platform, channel_id, thread_id, case_id, answered_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, channel_id, thread_id) DO UPDATE
       SET case_id = excluded.case_id, answered_at = excluded.answered_at`,
  ).run(t.platform, t.channelId, t.threadId, t.caseId, now.getTime());
}

export function claimThread(db: SqliteDb, t: AnsweredThread, now: Date): boolean {
  const row = db
    .prepare(
      `INSERT INTO answered_threads (platform, channel_id, thread_id, case_id, answered_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id, thread_id) DO NOTHING
       RETURNING thread_id`,
    )
    .get(t.platform, t.channelId, t.threadId, t.caseId, now.getTime());
  return row !== undefined;
}

export function recallThread(db: SqliteDb, k: ThreadKey, since: Date): string | null {
  const row = db
    .prepare(
      `SELECT case_id FROM answered_threads
       WHERE platform = ? AND channel_id = ? AND thread_id = ? AND answered_at >= ? AND case_id <> ''`,
    )
    .get(k.platform, k.channelId, k.threadId, since.getTime()) as { case_id: string } | undefined;
  return row?.case_id ?? null;
}

export function dismissThread(db: SqliteDb, k: ThreadKey): void {
  db.prepare(
    `UPDATE answered_threads SET case_id = '' WHERE platform = ? AND channel_id = ? AND thread_id = ?`,
  ).run(k.platform, k.channelId, k.threadId);
}

/** Read, decide and write in one write transaction: processes on one file queue on it. */
export function takeAnswerSlot(
  db: SqliteDb,
  platform: SubscriptionPlatform,
  channelId: string,
  now: Date,
  maxPerHour: number,
): boolean {
  return immediateTransaction(db.raw, () => {
    const row = db
      .prepare('SELECT recent FROM answer_slots WHERE platform = ? AND channel_id = ?')
      .get(platform, channelId) as { recent: string } | undefined;
    const recent = row ? (JSON.parse(row.recent) as number[]) : [];
    const next = nextAnswerSlots(recent, now.getTime(), maxPerHour);
    if (!next) return false;
    db.prepare(
      `INSERT INTO answer_slots (platform, channel_id, recent) VALUES (?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET recent = excluded.recent`,
    ).run(platform, channelId, JSON.stringify(next));
    return true;
  });
}
