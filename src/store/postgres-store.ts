import { createRequire } from 'node:module';
import type pg from 'pg';
import { CasebotError } from '../errors.js';
import * as channels from './postgres-channels.js';
import * as handoffs from './postgres-handoffs.js';
import { type Migration, PG_MIGRATIONS } from './postgres-schema.js';
import {
  isUnavailable,
  isWriteRefused,
  type RunQuery,
  readStats,
  runMigrations,
  type SubscriptionRow,
  toSubscription,
} from './postgres-support.js';
import type {
  AnsweredThread,
  CaseVector,
  ChannelModeSetting,
  Feedback,
  FeedbackQuery,
  Handoff,
  HandoffLimit,
  HandoffQuery,
  HandoffRequest,
  LocalDay,
  Miss,
  MissQuery,
  MissSummary,
  NewHandoff,
  NewSubscription,
  PurgedStats,
  Stats,
  Store,
  Subscription,
  SubscriptionPlatform,
  ThreadKey,
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
  PURGE_BATCH,
  PurgeTimer,
  silentLogger,
  storeError,
  vectorBytes,
} from './support.js';

/** The operations that write: a refusal of theirs is `store_write_failed`. */
const WRITES: ReadonlySet<string> = new Set([
  'purgeEvents',
  'purgeStats',
  'rememberEvent',
  'recordFeedback',
  'recordMiss',
  'subscribe',
  'unsubscribe',
  'retireSubscription',
  'claimTip',
  'markTipSending',
  'confirmTip',
  'skipTip',
  'releaseTip',
  'saveCaseVectors',
  'markGreeted',
  'setChannelMode',
  'rememberThread',
  'claimThread',
  'dismissThread',
  'takeAnswerSlot',
  'requestHandoff',
  'answerHandoff',
]);

/**
 * `pg` is loaded only when PostgreSQL is configured: a SQLite or in-memory server doesn't pay
 * its ~15 MB.
 */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

export interface PostgresStoreOptions {
  readonly logger?: Logger;
  /** How long to wait for a connection before giving up (ms); never forever. */
  readonly connectionTimeoutMs?: number;
  /** Most connections this replica holds. */
  readonly maxConnections?: number;
  readonly migrations?: readonly Migration[];
}

/**
 * PostgreSQL for several replicas: a pool (which reconnects by itself), versioned migrations run
 * once under an advisory lock, and single-statement upserts for everything that must be atomic.
 * If the database is down, calls fail fast with `store_unavailable`; the next call tries again.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly logger: Logger;
  private readonly migrations: readonly Migration[];
  private ready: Promise<void> | null = null;
  private closed = false;
  private readonly purge = new PurgeTimer();
  private readonly threadPurge = new PurgeTimer();
  private readonly statementNames = new Map<string, string>();

  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.logger = options.logger ?? silentLogger;
    this.migrations = options.migrations ?? PG_MIGRATIONS;
    this.pool = new (loadPg().Pool)({
      connectionString: url,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      max: options.maxConnections ?? 10,
      query_timeout: 30_000,
      keepAlive: true,
      application_name: 'casebot',
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => {
      this.logger.warn({ err: error }, 'PostgreSQL idle connection lost; the pool will reconnect');
    });
  }

  /** Runs pending migrations; safe to call again after a failure (e.g. the database was down). */
  async init(): Promise<void> {
    await this.ensureReady();
  }

  /** Answers, and takes writes: a database gone read-only (a hot standby) is not ready. */
  async ping(): Promise<void> {
    const result = await this.query<{ standby: boolean; read_only: boolean }>(
      'ping',
      `SELECT pg_is_in_recovery() AS standby,
              current_setting('transaction_read_only') = 'on' AS read_only`,
    );
    const row = result.rows[0];
    if (row?.standby || row?.read_only) {
      throw storeError(
        'store_unavailable',
        `PostgreSQL store ping: the database is read-only${row.standby ? ' (a standby)' : ''}`,
        null,
      );
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async rememberEvent(eventId: string, now: Date, ttlMs: number): Promise<boolean> {
    const cutoff = new Date(now.getTime() - ttlMs);
    if (this.purge.due(now)) {
      const purged = await this.query(
        'purgeEvents',
        'DELETE FROM casebot_events WHERE seen_at <= $1',
        [cutoff],
      );
      if (purged.rowCount) this.logger.debug({ purged: purged.rowCount }, 'old event ids purged');
    }
    const result = await this.query(
      'rememberEvent',
      `INSERT INTO casebot_events (event_id, seen_at) VALUES ($1, $2)
       ON CONFLICT (event_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
       WHERE casebot_events.seen_at <= $3
       RETURNING event_id`,
      [eventId, now, cutoff],
    );
    return result.rowCount === 1;
  }

  async markGreeted(
    platform: SubscriptionPlatform,
    workspaceId: string,
    userId: string,
    now: Date,
  ): Promise<boolean> {
    const result = await this.query(
      'markGreeted',
      `INSERT INTO casebot_greetings (platform, workspace_id, user_id, greeted_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING user_id`,
      [platform, workspaceId, userId, now],
    );
    return result.rowCount === 1;
  }

  async recordFeedback(f: Feedback): Promise<void> {
    await this.query(
      'recordFeedback',
      `INSERT INTO casebot_feedback (platform, user_id, case_id, query, helpful, at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (platform, user_id, case_id, query)
       DO UPDATE SET helpful = EXCLUDED.helpful, at = EXCLUDED.at`,
      [f.platform, f.userId, f.caseId, f.query, f.helpful, f.at],
    );
  }

  async recordMiss(miss: Miss): Promise<void> {
    const query = missColumn(miss.query);
    if (query === null) return;
    await this.query(
      'recordMiss',
      'INSERT INTO casebot_misses (query, lang, at) VALUES ($1, $2, $3)',
      [query, miss.lang, miss.at],
    );
  }

  async purgeStats(before: Date): Promise<PurgedStats> {
    const purge = async (table: 'casebot_misses' | 'casebot_feedback') => {
      let total = 0;
      for (;;) {
        const result = await this.query(
          'purgeStats',
          `DELETE FROM ${table} WHERE ctid IN (
             SELECT ctid FROM ${table} WHERE at < $1 LIMIT ${PURGE_BATCH})`,
          [before],
        );
        total += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < PURGE_BATCH) return total;
      }
    };
    return { misses: await purge('casebot_misses'), feedback: await purge('casebot_feedback') };
  }

  listFeedback(query?: FeedbackQuery): Promise<Feedback[]> {
    return this.withPool('listFeedback', (pool) => handoffs.listFeedback(pool, query));
  }

  requestHandoff(handoff: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest> {
    return this.withPool('requestHandoff', (pool) => handoffs.requestHandoff(pool, handoff, limit));
  }

  answerHandoff(id: string, by: string, at: Date): Promise<Handoff | null> {
    return this.withPool('answerHandoff', (pool) => handoffs.answerHandoff(pool, id, by, at));
  }

  listHandoffs(query?: HandoffQuery): Promise<Handoff[]> {
    return this.withPool('listHandoffs', (pool) => handoffs.listHandoffs(pool, query));
  }

  async subscribe(sub: NewSubscription, now: Date): Promise<Subscription> {
    const result = await this.query<SubscriptionRow>(
      'subscribe',
      `INSERT INTO casebot_subscriptions (id, platform, workspace_id, channel_id, reference, time,
         time_zone, lang, created_by, created_at, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         workspace_id = EXCLUDED.workspace_id, reference = EXCLUDED.reference,
         time = EXCLUDED.time, time_zone = EXCLUDED.time_zone, lang = EXCLUDED.lang,
         created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at,
         active = true, retired_at = NULL, retired_reason = NULL
       RETURNING *`,
      [
        newId(),
        sub.platform,
        sub.workspaceId,
        sub.channelId,
        sub.reference == null ? null : JSON.stringify(sub.reference),
        sub.time,
        sub.timeZone,
        sub.lang,
        sub.createdBy,
        now,
      ],
    );
    return toSubscription(result.rows[0] as SubscriptionRow);
  }

  async unsubscribe(platform: SubscriptionPlatform, channelId: string): Promise<boolean> {
    const result = await this.query(
      'unsubscribe',
      `UPDATE casebot_subscriptions SET active = false
       WHERE platform = $1 AND channel_id = $2 AND active`,
      [platform, channelId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async getSubscription(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<Subscription | null> {
    const result = await this.query<SubscriptionRow>(
      'getSubscription',
      'SELECT * FROM casebot_subscriptions WHERE platform = $1 AND channel_id = $2',
      [platform, channelId],
    );
    const row = result.rows[0];
    return row ? toSubscription(row) : null;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const result = await this.query<SubscriptionRow>(
      'listActiveSubscriptions',
      'SELECT * FROM casebot_subscriptions WHERE active ORDER BY created_at, id',
    );
    return result.rows.map(toSubscription);
  }

  async retireSubscription(id: string, reason: string, now: Date): Promise<void> {
    await this.query(
      'retireSubscription',
      `UPDATE casebot_subscriptions SET active = false, retired_at = $2, retired_reason = $3
       WHERE id = $1`,
      [id, now, reason],
    );
  }

  async claimTip(
    subscriptionId: string,
    day: LocalDay,
    now: Date,
    leaseMs: number,
  ): Promise<TipClaim | null> {
    const token = newId();
    // One statement: the day's post is the last one if it was claimed since the day began, else
    // the next one. Two passes deciding on the same state pick the same number, and a concurrent
    // insert of it waits for the other and then sees its fresh claim.
    const result = await this.query<{ seq: number }>(
      'claimTip',
      `INSERT INTO casebot_tip_posts (subscription_id, seq, day, token, claimed_at, status)
       SELECT $1, COALESCE((
           SELECT CASE WHEN claimed_at >= $5 THEN seq ELSE seq + 1 END FROM casebot_tip_posts
           WHERE subscription_id = $1 ORDER BY seq DESC LIMIT 1
         ), 1), $2, $3, $4, 'claimed'
       ON CONFLICT (subscription_id, seq) DO UPDATE
         SET token = EXCLUDED.token, claimed_at = EXCLUDED.claimed_at
         WHERE casebot_tip_posts.status = 'claimed' AND casebot_tip_posts.claimed_at <= $6
       RETURNING seq`,
      [subscriptionId, day.date, token, now, day.start, new Date(now.getTime() - leaseMs)],
    );
    const row = result.rows[0];
    return row ? { subscriptionId, day: day.date, seq: Number(row.seq), token } : null;
  }

  async markTipSending(claim: TipClaim, _now: Date): Promise<void> {
    const result = await this.query(
      'markTipSending',
      `UPDATE casebot_tip_posts SET status = 'sending'
       WHERE subscription_id = $1 AND seq = $2 AND token = $3 AND status = 'claimed'`,
      [claim.subscriptionId, claim.seq, claim.token],
    );
    if (result.rowCount !== 1) throw claimLost('markTipSending', claim);
  }

  async confirmTip(claim: TipClaim, tipId: string, now: Date): Promise<void> {
    await this.finish('confirmTip', claim, 'posted', tipId, null, now);
  }

  async skipTip(claim: TipClaim, reason: string, now: Date): Promise<void> {
    await this.finish('skipTip', claim, 'skipped', null, reason, now);
  }

  async releaseTip(claim: TipClaim): Promise<void> {
    await this.query(
      'releaseTip',
      `DELETE FROM casebot_tip_posts
       WHERE subscription_id = $1 AND seq = $2 AND token = $3
         AND status IN ('claimed', 'sending')`,
      [claim.subscriptionId, claim.seq, claim.token],
    );
  }

  async postedTips(subscriptionId: string): Promise<string[]> {
    const result = await this.query<{ tip_id: string }>(
      'postedTips',
      `SELECT tip_id FROM casebot_tip_posts WHERE subscription_id = $1 AND status = 'posted'
       ORDER BY done_at, seq`,
      [subscriptionId],
    );
    return result.rows.map((r) => r.tip_id);
  }

  async topMisses({ since, limit = DEFAULT_STATS_LIMIT }: MissQuery = {}): Promise<MissSummary[]> {
    const result = await this.query<{ query: string; count: string; first: Date; last: Date }>(
      'topMisses',
      `SELECT query, count(*) AS count, min(at) AS first, max(at) AS last FROM casebot_misses
       WHERE $1::timestamptz IS NULL OR at >= $1 GROUP BY query
       ORDER BY count(*) DESC, query COLLATE "C" LIMIT $2`,
      [since ?? null, limit],
    );
    return result.rows.map((r) => ({
      query: missQueryOf(r.query),
      count: Number(r.count),
      firstSeen: new Date(r.first),
      lastSeen: new Date(r.last),
    }));
  }

  async stats(limit = DEFAULT_STATS_LIMIT): Promise<Stats> {
    return readStats(
      <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
        this.query<R>('stats', text, values),
      limit,
    );
  }

  private async finish(
    op: string,
    claim: TipClaim,
    status: 'posted' | 'skipped',
    tipId: string | null,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    const result = await this.query(
      op,
      `UPDATE casebot_tip_posts SET status = $4, tip_id = $5, reason = $6, done_at = $7
       WHERE subscription_id = $1 AND seq = $2 AND token = $3
         AND status IN ('claimed', 'sending')`,
      [claim.subscriptionId, claim.seq, claim.token, status, tipId, reason, now],
    );
    if (result.rowCount !== 1) throw claimLost(op, claim);
  }

  async loadCaseVectors(casebook: string, model: string): Promise<CaseVector[]> {
    const result = await this.query<{ case_id: string; lang: CaseVector['lang']; vector: Buffer }>(
      'loadCaseVectors',
      'SELECT case_id, lang, vector FROM casebot_case_vectors WHERE model = $1 AND casebook = $2',
      [model, casebook],
    );
    return result.rows.map((r) => ({
      caseId: r.case_id,
      lang: r.lang,
      vector: bytesVector(r.vector),
    }));
  }

  async saveCaseVectors(
    casebook: string,
    model: string,
    vectors: readonly CaseVector[],
  ): Promise<void> {
    // One statement: the older versions go and the new vectors come in atomically.
    await this.query(
      'saveCaseVectors',
      `WITH gone AS (
         DELETE FROM casebot_case_vectors WHERE model = $2 AND casebook <> $1
       )
       INSERT INTO casebot_case_vectors (casebook, model, case_id, lang, vector)
       SELECT $1, $2, v.case_id, v.lang, v.vector
       FROM unnest($3::text[], $4::text[], $5::bytea[]) AS v (case_id, lang, vector)
       ON CONFLICT (model, casebook, case_id, lang) DO UPDATE SET vector = EXCLUDED.vector`,
      [
        casebook,
        model,
        vectors.map((v) => v.caseId),
        vectors.map((v) => v.lang),
        vectors.map((v) => Buffer.from(vectorBytes(v.vector))),
      ],
    );
  }

  async setChannelMode(
    setting: Omit<ChannelModeSetting, 'changedAt'>,
    now: Date,
  ): Promise<ChannelModeSetting> {
    return channels.setChannelMode(this.runner('setChannelMode'), setting, now);
  }

  async getChannelMode(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<ChannelModeSetting | null> {
    return channels.getChannelMode(this.runner('getChannelMode'), platform, channelId);
  }

  async rememberThread(thread: AnsweredThread, now: Date): Promise<void> {
    await this.purgeThreads(now);
    await channels.rememberThread(this.runner('rememberThread'), thread, now);
  }

  async claimThread(thread: AnsweredThread, now: Date): Promise<boolean> {
    await this.purgeThreads(now);
    return channels.claimThread(this.runner('claimThread'), thread, now);
  }

  async recallThread(key: ThreadKey, since: Date): Promise<string | null> {
    return channels.recallThread(this.runner('recallThread'), key, since);
  }

  async dismissThread(key: ThreadKey): Promise<void> {
    await channels.dismissThread(this.runner('dismissThread'), key);
  }

  async takeAnswerSlot(
    platform: SubscriptionPlatform,
    channelId: string,
    now: Date,
    maxPerHour: number,
  ): Promise<boolean> {
    return channels.takeAnswerSlot(
      this.runner('takeAnswerSlot'),
      platform,
      channelId,
      now,
      maxPerHour,
    );
  }

  private async purgeThreads(now: Date): Promise<void> {
    if (!this.threadPurge.due(now)) return;
    const purged = await channels.purgeThreads(this.runner('purgeThreads'), now);
    if (purged > 0) this.logger.debug({ purged }, 'old thread memories purged');
  }

  /** `query` under one operation name, for the helpers that hold the SQL. */
  private runner(op: string): RunQuery {
    return <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      this.query<R>(op, text, values);
  }

  private ensureReady(): Promise<void> {
    if (!this.ready) {
      this.ready = runMigrations(this.pool, this.migrations, this.logger).catch(
        (error: unknown) => {
          this.ready = null;
          throw this.wrap('init', error);
        },
      );
    }
    return this.ready;
  }

  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    op: string,
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    await this.ensureReady();
    try {
      const name = values.length > 0 && !text.includes('*') ? this.statementName(text) : undefined;
      return await this.pool.query<R>(name ? { name, text, values } : { text, values });
    } catch (error) {
      throw this.wrap(op, error);
    }
  }

  /** Runs `fn` on the (migrated) pool; its failures become the store's coded errors. */
  private async withPool<T>(op: string, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    await this.ensureReady();
    try {
      return await fn(this.pool);
    } catch (error) {
      throw this.wrap(op, error);
    }
  }

  /**
   * Statements with parameters that name their columns are prepared once per connection, so
   * PostgreSQL does not parse and plan them on every call (about 40 % of their server time, and
   * a tips pass runs four per channel). Those with a `*` are not: a column that another
   * replica's migration adds would break their cached plan.
   */
  private statementName(text: string): string {
    let name = this.statementNames.get(text);
    if (!name) {
      name = `casebot_${this.statementNames.size + 1}`;
      this.statementNames.set(text, name);
    }
    return name;
  }

  private wrap(op: string, error: unknown) {
    if (error instanceof CasebotError) return error;
    return storeError(
      this.closed || isUnavailable(error)
        ? 'store_unavailable'
        : WRITES.has(op) && isWriteRefused(error)
          ? 'store_write_failed'
          : 'store_failed',
      `PostgreSQL store ${op} failed`,
      error,
    );
  }
}
