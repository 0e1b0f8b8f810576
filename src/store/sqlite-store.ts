import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DatabaseSync,
  immediateTransaction,
  isUnavailable,
  loadSqlite,
  type SQLInputValue,
  type StatementSync,
} from './sqlite-driver.js';
import * as handoffs from './sqlite-handoffs.js';
import { migrateSqlite, readStats, type SubscriptionRow, toSubscription } from './sqlite-schema.js';
import type {
  CaseVector,
  Feedback,
  FeedbackQuery,
  Handoff,
  HandoffLimit,
  HandoffQuery,
  HandoffRequest,
  Miss,
  MissQuery,
  MissSummary,
  NewHandoff,
  NewSubscription,
  Stats,
  Store,
  Subscription,
  SubscriptionPlatform,
  TipClaim,
} from './store.js';
import {
  bytesVector,
  claimLost,
  DEFAULT_STATS_LIMIT,
  type Logger,
  missColumn,
  missQueryOf,
  newId,
  PurgeTimer,
  silentLogger,
  storeError,
  vectorBytes,
} from './support.js';

const BUSY_TIMEOUT_MS = 5000;

/** The open database and its prepared statements, keyed by SQL text. */
class Db {
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly raw: DatabaseSync) {}

  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The first row `sql` returns, typed as the caller reads it. */
  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }
}

/**
 * The embedded default: one SQLite file (WAL, busy timeout) through Node's built-in `node:sqlite`,
 * safe for several processes on one file. The driver is synchronous; every call is one short
 * statement or one short transaction.
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
    this.db?.raw.close();
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
    const query = missColumn(miss.query);
    if (query === null) return;
    this.run('recordMiss', (db) =>
      db
        .prepare('INSERT INTO misses (query, lang, at) VALUES (?, ?, ?)')
        .run(query, miss.lang, miss.at.getTime()),
    );
  }

  async listFeedback(query?: FeedbackQuery): Promise<Feedback[]> {
    return this.run('listFeedback', (db) => handoffs.listFeedback(db, query));
  }

  async requestHandoff(handoff: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest> {
    return this.run('requestHandoff', (db) => handoffs.requestHandoff(db, handoff, limit));
  }

  async answerHandoff(id: string, by: string, at: Date): Promise<Handoff | null> {
    return this.run('answerHandoff', (db) => handoffs.answerHandoff(db, id, by, at));
  }

  async listHandoffs(query?: HandoffQuery): Promise<Handoff[]> {
    return this.run('listHandoffs', (db) => handoffs.listHandoffs(db, query));
  }

  async subscribe(sub: NewSubscription, now: Date): Promise<Subscription> {
    const row = this.run('subscribe', (db) =>
      db.get<SubscriptionRow>(
        `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, reference, time,
             time_zone, lang, created_by, created_at, active)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT (platform, channel_id) DO UPDATE SET
             workspace_id = excluded.workspace_id, reference = excluded.reference,
             time = excluded.time, time_zone = excluded.time_zone, lang = excluded.lang,
             created_by = excluded.created_by, created_at = excluded.created_at,
             active = 1, retired_at = NULL, retired_reason = NULL
           RETURNING *`,
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
    if (!row) throw storeError('store_failed', 'SQLite store subscribe returned no row', null);
    return toSubscription(row);
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
      db.get<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?',
        platform,
        channelId,
      ),
    );
    return row ? toSubscription(row) : null;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const rows = this.run('listActiveSubscriptions', (db) =>
      db.all<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE active = 1 ORDER BY created_at, id',
      ),
    );
    return rows.map(toSubscription);
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

  async markTipSending(claim: TipClaim, _now: Date): Promise<void> {
    const { changes } = this.run('markTipSending', (db) =>
      db
        .prepare(
          `UPDATE tip_posts SET status = 'sending'
           WHERE subscription_id = ? AND day = ? AND token = ? AND status = 'claimed'`,
        )
        .run(claim.subscriptionId, claim.day, claim.token),
    );
    if (Number(changes) !== 1) throw claimLost('markTipSending', claim);
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
           WHERE subscription_id = ? AND day = ? AND token = ?
             AND status IN ('claimed', 'sending')`,
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
    return this.run('stats', (db) => readStats(db.raw, limit));
  }

  async topMisses({ since, limit = DEFAULT_STATS_LIMIT }: MissQuery = {}): Promise<MissSummary[]> {
    const rows = this.run('topMisses', (db) =>
      db.all<{ query: string; count: number; first: number; last: number }>(
        `SELECT query, COUNT(*) AS count, MIN(at) AS first, MAX(at) AS last FROM misses
         WHERE at >= ? GROUP BY query ORDER BY count DESC, query LIMIT ?`,
        since?.getTime() ?? Number.MIN_SAFE_INTEGER,
        limit,
      ),
    );
    return rows.map((r) => ({
      query: missQueryOf(r.query),
      count: Number(r.count),
      firstSeen: new Date(Number(r.first)),
      lastSeen: new Date(Number(r.last)),
    }));
  }

  async loadCaseVectors(casebook: string, model: string): Promise<CaseVector[]> {
    const rows = this.run('loadCaseVectors', (db) =>
      db.all<{ case_id: string; lang: CaseVector['lang']; vector: Uint8Array }>(
        'SELECT case_id, lang, vector FROM case_vectors WHERE model = ? AND casebook = ?',
        model,
        casebook,
      ),
    );
    return rows.map((r) => ({ caseId: r.case_id, lang: r.lang, vector: bytesVector(r.vector) }));
  }

  async saveCaseVectors(
    casebook: string,
    model: string,
    vectors: readonly CaseVector[],
  ): Promise<void> {
    this.run('saveCaseVectors', (db) =>
      immediateTransaction(db.raw, () => {
        db.prepare('DELETE FROM case_vectors WHERE model = ? AND casebook <> ?').run(
          model,
          casebook,
        );
        const upsert = db.prepare(
          `INSERT INTO case_vectors (casebook, model, case_id, lang, vector) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (model, casebook, case_id, lang) DO UPDATE SET vector = excluded.vector`,
        );
        for (const v of vectors)
          upsert.run(casebook, model, v.caseId, v.lang, vectorBytes(v.vector));
      }),
    );
  }

  private finish(
    op: string,
    claim: TipClaim,
    status: 'posted' | 'skipped',
    tipId: string | null,
    reason: string | null,
    now: Date,
  ): void {
    const { changes } = this.run(op, (db) =>
      db
        .prepare(
          `UPDATE tip_posts SET status = ?, tip_id = ?, reason = ?, done_at = ?
           WHERE subscription_id = ? AND day = ? AND token = ?
             AND status IN ('claimed', 'sending')`,
        )
        .run(status, tipId, reason, now.getTime(), claim.subscriptionId, claim.day, claim.token),
    );
    if (Number(changes) !== 1) throw claimLost(op, claim);
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
      throw storeError(
        isUnavailable(error) ? 'store_unavailable' : 'store_failed',
        `SQLite store (${this.path}) ${op} failed`,
        error,
      );
    }
  }

  private open(): Db {
    if (this.db) return this.db;
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    const { DatabaseSync } = loadSqlite();
    const raw = new DatabaseSync(this.path, { timeout: BUSY_TIMEOUT_MS });
    try {
      raw.exec('PRAGMA journal_mode = WAL');
      raw.exec('PRAGMA synchronous = NORMAL');
      migrateSqlite(raw, (version) =>
        this.logger.info({ path: this.path, version }, 'SQLite migration applied'),
      );
    } catch (error) {
      raw.close();
      throw error;
    }
    this.db = new Db(raw);
    return this.db;
  }
}
