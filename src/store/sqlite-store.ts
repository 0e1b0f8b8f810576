import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrateSqlite, readStats, type SubscriptionRow, toSubscription } from './sqlite-schema.js';
import type {
  Feedback,
  Miss,
  NewSubscription,
  Stats,
  Store,
  Subscription,
  SubscriptionPlatform,
  TipClaim,
} from './store.js';
import {
  DEFAULT_STATS_LIMIT,
  type Logger,
  newId,
  normaliseMissQuery,
  PurgeTimer,
  silentLogger,
  storeError,
} from './support.js';

type Db = Database.Database;

const BUSY_TIMEOUT_MS = 5000;
const UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR']);

/**
 * The embedded default: one SQLite file (WAL, busy timeout), safe for several processes on one
 * file. better-sqlite3 is synchronous; every call is one short statement or one short transaction.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private db: Db | null = null;
  private readonly purge = new PurgeTimer();

  constructor(
    private readonly path: string,
    private readonly logger: Logger = silentLogger,
  ) {}

  async init(): Promise<void> {
    this.run('open', () => undefined);
  }

  async ping(): Promise<void> {
    this.run('ping', (db) => db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }

  async rememberEvent(eventId: string, now: Date, ttlMs: number): Promise<boolean> {
    const at = now.getTime();
    return this.run('rememberEvent', (db) => {
      if (this.purge.due(now)) {
        const { changes } = db.prepare('DELETE FROM events WHERE seen_at <= ?').run(at - ttlMs);
        if (changes > 0) this.logger.debug({ purged: changes }, 'old event ids purged');
      }
      const row = db
        .prepare(
          `INSERT INTO events (event_id, seen_at) VALUES (?, ?)
           ON CONFLICT (event_id) DO UPDATE SET seen_at = excluded.seen_at
           WHERE events.seen_at <= ?
           RETURNING event_id`,
        )
        .get(eventId, at, at - ttlMs);
      return row !== undefined;
    });
  }

  async recordFeedback(f: Feedback): Promise<void> {
    this.run('recordFeedback', (db) =>
      db
        .prepare(
          `INSERT INTO feedback (platform, user_id, case_id, query, helpful, at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (platform, user_id, case_id, query)
           DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
        )
        .run(f.platform, f.userId, f.caseId, f.query, f.helpful ? 1 : 0, f.at.getTime()),
    );
  }

  async recordMiss(miss: Miss): Promise<void> {
    const query = normaliseMissQuery(miss.query);
    if (!query) return;
    this.run('recordMiss', (db) =>
      db
        .prepare('INSERT INTO misses (query, lang, at) VALUES (?, ?, ?)')
        .run(query, miss.lang, miss.at.getTime()),
    );
  }

  async subscribe(sub: NewSubscription, now: Date): Promise<Subscription> {
    const row = this.run('subscribe', (db) =>
      db
        .prepare(
          `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, reference, time,
             time_zone, lang, created_by, created_at, active)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT (platform, channel_id) DO UPDATE SET
             workspace_id = excluded.workspace_id, reference = excluded.reference,
             time = excluded.time, time_zone = excluded.time_zone, lang = excluded.lang,
             created_by = excluded.created_by, created_at = excluded.created_at,
             active = 1, retired_at = NULL, retired_reason = NULL
           RETURNING *`,
        )
        .get(
          newId(),
          sub.platform,
          sub.workspaceId,
          sub.channelId,
          sub.reference == null ? null : JSON.stringify(sub.reference),
          sub.time,
          sub.timeZone,
          sub.lang,
          sub.createdBy,
          now.getTime(),
        ),
    );
    return toSubscription(row as SubscriptionRow);
  }

  async unsubscribe(platform: SubscriptionPlatform, channelId: string): Promise<boolean> {
    return this.run('unsubscribe', (db) => {
      const { changes } = db
        .prepare(
          'UPDATE subscriptions SET active = 0 WHERE platform = ? AND channel_id = ? AND active = 1',
        )
        .run(platform, channelId);
      return changes > 0;
    });
  }

  async getSubscription(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<Subscription | null> {
    const row = this.run('getSubscription', (db) =>
      db
        .prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?')
        .get(platform, channelId),
    );
    return row ? toSubscription(row as SubscriptionRow) : null;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const rows = this.run('listActiveSubscriptions', (db) =>
      db.prepare('SELECT * FROM subscriptions WHERE active = 1 ORDER BY created_at, id').all(),
    );
    return (rows as SubscriptionRow[]).map(toSubscription);
  }

  async retireSubscription(id: string, reason: string, now: Date): Promise<void> {
    this.run('retireSubscription', (db) =>
      db
        .prepare(
          'UPDATE subscriptions SET active = 0, retired_at = ?, retired_reason = ? WHERE id = ?',
        )
        .run(now.getTime(), reason, id),
    );
  }

  async claimTip(
    subscriptionId: string,
    day: string,
    now: Date,
    leaseMs: number,
  ): Promise<TipClaim | null> {
    const token = newId();
    // One statement, so atomic across processes: insert, or take over an expired claim.
    const row = this.run('claimTip', (db) =>
      db
        .prepare(
          `INSERT INTO tip_posts (subscription_id, day, token, claimed_at, status)
           VALUES (?, ?, ?, ?, 'claimed')
           ON CONFLICT (subscription_id, day) DO UPDATE
             SET token = excluded.token, claimed_at = excluded.claimed_at
             WHERE tip_posts.status = 'claimed' AND tip_posts.claimed_at <= ?
           RETURNING token`,
        )
        .get(subscriptionId, day, token, now.getTime(), now.getTime() - leaseMs),
    );
    return row ? { subscriptionId, day, token } : null;
  }

  async confirmTip(claim: TipClaim, tipId: string, now: Date): Promise<void> {
    this.finish('confirmTip', claim, 'posted', tipId, null, now);
  }

  async skipTip(claim: TipClaim, reason: string, now: Date): Promise<void> {
    this.finish('skipTip', claim, 'skipped', null, reason, now);
  }

  async releaseTip(claim: TipClaim): Promise<void> {
    this.run('releaseTip', (db) =>
      db
        .prepare(
          `DELETE FROM tip_posts
           WHERE subscription_id = ? AND day = ? AND token = ? AND status = 'claimed'`,
        )
        .run(claim.subscriptionId, claim.day, claim.token),
    );
  }

  async postedTips(subscriptionId: string): Promise<string[]> {
    const rows = this.run('postedTips', (db) =>
      db
        .prepare(
          `SELECT tip_id FROM tip_posts WHERE subscription_id = ? AND status = 'posted'
           ORDER BY done_at, day`,
        )
        .all(subscriptionId),
    );
    return (rows as { tip_id: string }[]).map((r) => r.tip_id);
  }

  async stats(limit = DEFAULT_STATS_LIMIT): Promise<Stats> {
    return this.run('stats', (db) => readStats(db, limit));
  }

  private finish(
    op: string,
    claim: TipClaim,
    status: 'posted' | 'skipped',
    tipId: string | null,
    reason: string | null,
    now: Date,
  ): void {
    this.run(op, (db) =>
      db
        .prepare(
          `UPDATE tip_posts SET status = ?, tip_id = ?, reason = ?, done_at = ?
           WHERE subscription_id = ? AND day = ? AND token = ? AND status = 'claimed'`,
        )
        .run(status, tipId, reason, now.getTime(), claim.subscriptionId, claim.day, claim.token),
    );
  }

  /** Runs `fn` on the open (and migrated) database; errors become CasebotErrors. */
  private run<T>(op: string, fn: (db: Db) => T): T {
    let db: Db;
    try {
      db = this.open();
    } catch (error) {
      throw storeError('store_unavailable', `SQLite store (${this.path}) cannot be opened`, error);
    }
    try {
      return fn(db);
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      const busy = [...UNAVAILABLE].some((c) => code === c || code.startsWith(`${c}_`));
      throw storeError(
        busy ? 'store_unavailable' : 'store_failed',
        `SQLite store (${this.path}) ${op} failed`,
        error,
      );
    }
  }

  private open(): Db {
    if (this.db) return this.db;
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    const db = new Database(this.path, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrateSqlite(db, (version) =>
        this.logger.info({ path: this.path, version }, 'SQLite migration applied'),
      );
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
    return db;
  }
}
