import type { Lang } from '../catalog/schema.js';
import type { Db } from './sqlite-connection.js';
import { type DatabaseSync, immediateTransaction } from './sqlite-driver.js';
import type { Stats, Subscription, SubscriptionPlatform } from './store.js';

/**
 * SQLite migrations, applied in order; `PRAGMA user_version` holds how many ran. Append only:
 * never edit a migration that has shipped. Times are stored as epoch milliseconds.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    seen_at INTEGER NOT NULL
  );
  CREATE INDEX events_seen_at ON events (seen_at);

  CREATE TABLE feedback (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    query TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, case_id, query)
  );

  CREATE TABLE misses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    lang TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX misses_query ON misses (query);

  CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    reference TEXT,
    time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    retired_at INTEGER,
    retired_reason TEXT,
    UNIQUE (platform, channel_id)
  );

  CREATE TABLE tip_posts (
    subscription_id TEXT NOT NULL,
    day TEXT NOT NULL,
    token TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped')),
    tip_id TEXT,
    reason TEXT,
    done_at INTEGER,
    PRIMARY KEY (subscription_id, day)
  );
  `,
  // A claim is marked 'sending' before the tip goes to the platform; SQLite cannot alter a CHECK.
  `
  CREATE TABLE tip_posts_v2 (
    subscription_id TEXT NOT NULL,
    day TEXT NOT NULL,
    token TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'posted', 'skipped')),
    tip_id TEXT,
    reason TEXT,
    done_at INTEGER,
    PRIMARY KEY (subscription_id, day)
  );
  INSERT INTO tip_posts_v2 SELECT subscription_id, day, token, claimed_at, status, tip_id, reason,
    done_at FROM tip_posts;
  DROP TABLE tip_posts;
  ALTER TABLE tip_posts_v2 RENAME TO tip_posts;
  `,
  // Optional semantic search: one vector per case and language, per casebook version and model.
  `
  CREATE TABLE case_vectors (
    casebook TEXT NOT NULL,
    model TEXT NOT NULL,
    case_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, casebook, case_id, lang)
  );
  `,
  // Tip posts are numbered per subscription (seq) instead of keyed by the local date string, so a
  // change of time zone neither skips a day nor posts one twice. Earlier posts are numbered in
  // the order of their dates.
  `
  CREATE TABLE tip_posts_v3 (
    subscription_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    day TEXT NOT NULL,
    token TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'posted', 'skipped')),
    tip_id TEXT,
    reason TEXT,
    done_at INTEGER,
    PRIMARY KEY (subscription_id, seq)
  );
  INSERT INTO tip_posts_v3 SELECT subscription_id,
      ROW_NUMBER() OVER (PARTITION BY subscription_id ORDER BY day),
      day, token, claimed_at, status, tip_id, reason, done_at
    FROM tip_posts;
  DROP TABLE tip_posts;
  ALTER TABLE tip_posts_v3 RENAME TO tip_posts;
  `,
  // Misses and votes older than STATS_KEEP_DAYS are purged by time.
  `
  CREATE INDEX misses_at ON misses (at);
  CREATE INDEX feedback_at ON feedback (at);
  `,
  // Answering without a mention: each channel's mode, the threads casebot answered (follow-ups,
  // one unprompted answer per thread) and the times of each channel's recent unprompted answers.
  `
  CREATE TABLE channel_modes (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('mentions', 'auto')),
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id)
  );

  CREATE TABLE answered_threads (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id, thread_id)
  );
  CREATE INDEX answered_threads_answered_at ON answered_threads (answered_at);

  CREATE TABLE answer_slots (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    recent TEXT NOT NULL,
    PRIMARY KEY (platform, channel_id)
  );
  `,
  // The users greeted in the bot's agent DM (once each).
  `
  CREATE TABLE greetings (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    greeted_at INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id, user_id)
  );
  `,
  // "Ask a person": one hand-off per question and conversation; who asked, about which case,
  // and whether someone marked it answered.
  `
  CREATE TABLE handoffs (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    question TEXT NOT NULL,
    question_key TEXT NOT NULL,
    case_id TEXT,
    asker_id TEXT NOT NULL,
    asker_name TEXT,
    lang TEXT NOT NULL,
    at INTEGER NOT NULL,
    answered_at INTEGER,
    answered_by TEXT,
    UNIQUE (platform, conversation_id, question_key)
  );
  CREATE INDEX handoffs_asker ON handoffs (platform, asker_id, at);
  CREATE INDEX handoffs_at ON handoffs (at);
  `,
];

/**
 * Applies pending migrations inside `BEGIN IMMEDIATE`, so two processes opening a new file at the
 * same moment cannot both apply them.
 */
export function migrateSqlite(db: DatabaseSync, applied: (version: number) => void): void {
  immediateTransaction(db, () => {
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
      user_version: number;
    };
    for (let i = version; i < SQLITE_MIGRATIONS.length; i += 1) {
      db.exec(SQLITE_MIGRATIONS[i] ?? '');
      db.exec(`PRAGMA user_version = ${i + 1}`);
      applied(i + 1);
    }
  });
}

export interface SubscriptionRow {
  id: string;
  platform: SubscriptionPlatform;
  workspace_id: string;
  channel_id: string;
  reference: string | null;
  time: string;
  time_zone: string;
  lang: Lang;
  created_by: string;
  created_at: number;
  active: number;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    reference: row.reference === null ? null : JSON.parse(row.reference),
    time: row.time,
    timeZone: row.time_zone,
    lang: row.lang,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    active: row.active === 1,
  };
}

/** The counts behind `casebot stats`. */
export function readStats(db: Db, limit: number): Stats {
  const subs = db.one<{ active: number; retired: number }>(
    `SELECT COALESCE(SUM(active = 1), 0) AS active, COALESCE(SUM(active = 0), 0) AS retired
     FROM subscriptions`,
  );
  const posted = db.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM tip_posts p
     JOIN subscriptions s ON s.id = p.subscription_id WHERE p.status = 'posted'`,
  );
  const feedback = db.all<{ caseId: string; helpful: number; notHelpful: number }>(
    `SELECT case_id AS caseId, SUM(helpful = 1) AS helpful, SUM(helpful = 0) AS notHelpful
     FROM feedback GROUP BY case_id ORDER BY case_id`,
  );
  const misses = db.all<{ query: string; count: number }>(
    `SELECT query, COUNT(*) AS count FROM misses GROUP BY query
     ORDER BY count DESC, query LIMIT ?`,
    limit,
  );
  return {
    subscriptions: { active: subs?.active ?? 0, retired: subs?.retired ?? 0 },
    tipsPosted: posted?.n ?? 0,
    feedback,
    misses,
  };
}
