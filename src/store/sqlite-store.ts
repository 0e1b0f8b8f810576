import { setImmediate as nextTurn } from 'node:timers/promises';
import * as channels from './sqlite-channels.js';
import { type Db, DEFAULT_WRITE_WAIT_MS, SqliteConnection } from './sqlite-connection.js';
import { immediateTransaction } from './sqlite-driver.js';
import * as handoffs from './sqlite-handoffs.js';
import { readStats, type SubscriptionRow, toSubscription } from './sqlite-schema.js';
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

export interface SqliteStoreOptions {
  /**
   * How long a write waits while another process holds the write lock before it fails with
   * `store_write_failed` (the wait yields to the event loop).
   */
  readonly writeWaitMs?: number;
}

/**
 * The embedded default: one SQLite file (WAL) through Node's built-in `node:sqlite`, safe for
 * several processes on one file. Every call is one short statement or one short transaction;
 * reads never wait for a writer, writes wait briefly and fail cleanly (see `SqliteConnection`).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: SqliteConnection;
  private readonly purge = new PurgeTimer();
  private readonly threadPurge = new PurgeTimer();

  constructor(
    path: string,
    private readonly logger: Logger = silentLogger,
    options: SqliteStoreOptions = {},
  ) {
    this.db = new SqliteConnection(path, logger, options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS);
  }

  async init(): Promise<void> {
    await this.db.open();
  }

  /** Answers without taking a lock: the file can be opened, is still there and is writable. */
  async ping(): Promise<void> {
    await this.db.read('ping', (db) => db.one('SELECT 1'));
    this.db.checkFile('ping');
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async rememberEvent(eventId: string, now: Date, ttlMs: number): Promise<boolean> {
    const at = now.getTime();
    return this.db.write('rememberEvent', (db) => {
      if (this.purge.due(now)) {
        const { changes } = db.run('DELETE FROM events WHERE seen_at <= ?', at - ttlMs);
        if (changes > 0) this.logger.debug({ purged: changes }, 'old event ids purged');
      }
      const row = db.returning(
        `INSERT INTO events (event_id, seen_at) VALUES (?, ?)
         ON CONFLICT (event_id) DO UPDATE SET seen_at = excluded.seen_at
         WHERE events.seen_at <= ?
         RETURNING event_id`,
        eventId,
        at,
        at - ttlMs,
      );
      return row !== undefined;
    });
  }

  async markGreeted(
    platform: SubscriptionPlatform,
    workspaceId: string,
    userId: string,
    now: Date,
  ): Promise<boolean> {
    const row = await this.db.write('markGreeted', (db) =>
      db.returning(
        `INSERT INTO greetings (platform, workspace_id, user_id, greeted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        platform,
        workspaceId,
        userId,
        now.getTime(),
      ),
    );
    return row !== undefined;
  }

  async recordFeedback(f: Feedback): Promise<void> {
    await this.db.write('recordFeedback', (db) =>
      db.run(
        `INSERT INTO feedback (platform, user_id, case_id, query, helpful, at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, user_id, case_id, query)
         DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
        f.platform,
        f.userId,
        f.caseId,
        f.query,
        f.helpful ? 1 : 0,
        f.at.getTime(),
      ),
    );
  }

  async recordMiss(miss: Miss): Promise<void> {
    const query = missColumn(miss.query);
    if (query === null) return;
    await this.db.write('recordMiss', (db) =>
      db.run(
        'INSERT INTO misses (query, lang, at) VALUES (?, ?, ?)',
        query,
        miss.lang,
        miss.at.getTime(),
      ),
    );
  }

  async purgeStats(before: Date): Promise<PurgedStats> {
    const purge = async (table: 'misses' | 'feedback') => {
      let total = 0;
      for (;;) {
        const { changes } = await this.db.write('purgeStats', (db) =>
          db.run(
            `DELETE FROM ${table} WHERE rowid IN (
               SELECT rowid FROM ${table} WHERE at < ? LIMIT ${PURGE_BATCH})`,
            before.getTime(),
          ),
        );
        total += Number(changes);
        if (Number(changes) < PURGE_BATCH) return total;
        await nextTurn();
      }
    };
    return { misses: await purge('misses'), feedback: await purge('feedback') };
  }

  async listFeedback(query?: FeedbackQuery): Promise<Feedback[]> {
    return this.db.read('listFeedback', (db) => handoffs.listFeedback(db, query));
  }

  async requestHandoff(handoff: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest> {
    return this.db.write('requestHandoff', (db) => handoffs.requestHandoff(db, handoff, limit));
  }

  async answerHandoff(id: string, by: string, at: Date): Promise<Handoff | null> {
    return this.db.write('answerHandoff', (db) => handoffs.answerHandoff(db, id, by, at));
  }

  async listHandoffs(query?: HandoffQuery): Promise<Handoff[]> {
    return this.db.read('listHandoffs', (db) => handoffs.listHandoffs(db, query));
  }

  async subscribe(sub: NewSubscription, now: Date): Promise<Subscription> {
    const row = await this.db.write('subscribe', (db) =>
      db.returning<SubscriptionRow>(
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
    const { changes } = await this.db.write('unsubscribe', (db) =>
      db.run(
        'UPDATE subscriptions SET active = 0 WHERE platform = ? AND channel_id = ? AND active = 1',
        platform,
        channelId,
      ),
    );
    return Number(changes) > 0;
  }

  async getSubscription(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<Subscription | null> {
    const row = await this.db.read('getSubscription', (db) =>
      db.one<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?',
        platform,
        channelId,
      ),
    );
    return row ? toSubscription(row) : null;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const rows = await this.db.read('listActiveSubscriptions', (db) =>
      db.all<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE active = 1 ORDER BY created_at, id',
      ),
    );
    return rows.map(toSubscription);
  }

  async retireSubscription(id: string, reason: string, now: Date): Promise<void> {
    await this.db.write('retireSubscription', (db) =>
      db.run(
        'UPDATE subscriptions SET active = 0, retired_at = ?, retired_reason = ? WHERE id = ?',
        now.getTime(),
        reason,
        id,
      ),
    );
  }

  async claimTip(
    subscriptionId: string,
    day: LocalDay,
    now: Date,
    leaseMs: number,
  ): Promise<TipClaim | null> {
    const token = newId();
    // One statement, so atomic across processes: the day's post is the last one if it was claimed
    // since the day began, else the next one; insert it, or take over an expired claim of it.
    const row = await this.db.write('claimTip', (db) =>
      db.returning<{ seq: number }>(
        `INSERT INTO tip_posts (subscription_id, seq, day, token, claimed_at, status)
         SELECT ?1, COALESCE((
             SELECT CASE WHEN claimed_at >= ?5 THEN seq ELSE seq + 1 END FROM tip_posts
             WHERE subscription_id = ?1 ORDER BY seq DESC LIMIT 1
           ), 1), ?2, ?3, ?4, 'claimed'
         WHERE true
         ON CONFLICT (subscription_id, seq) DO UPDATE
           SET token = excluded.token, claimed_at = excluded.claimed_at
           WHERE tip_posts.status = 'claimed' AND tip_posts.claimed_at <= ?6
         RETURNING seq`,
        subscriptionId,
        day.date,
        token,
        now.getTime(),
        day.start.getTime(),
        now.getTime() - leaseMs,
      ),
    );
    return row ? { subscriptionId, day: day.date, seq: Number(row.seq), token } : null;
  }

  async markTipSending(claim: TipClaim, _now: Date): Promise<void> {
    const { changes } = await this.db.write('markTipSending', (db) =>
      db.run(
        `UPDATE tip_posts SET status = 'sending'
         WHERE subscription_id = ? AND seq = ? AND token = ? AND status = 'claimed'`,
        claim.subscriptionId,
        claim.seq,
        claim.token,
      ),
    );
    if (Number(changes) !== 1) throw claimLost('markTipSending', claim);
  }

  async confirmTip(claim: TipClaim, tipId: string, now: Date): Promise<void> {
    await this.finish('confirmTip', claim, 'posted', tipId, null, now);
  }

  async skipTip(claim: TipClaim, reason: string, now: Date): Promise<void> {
    await this.finish('skipTip', claim, 'skipped', null, reason, now);
  }

  async releaseTip(claim: TipClaim): Promise<void> {
    await this.db.write('releaseTip', (db) =>
      db.run(
        `DELETE FROM tip_posts
         WHERE subscription_id = ? AND seq = ? AND token = ?
           AND status IN ('claimed', 'sending')`,
        claim.subscriptionId,
        claim.seq,
        claim.token,
      ),
    );
  }

  async postedTips(subscriptionId: string): Promise<string[]> {
    const rows = await this.db.read('postedTips', (db) =>
      db.all<{ tip_id: string }>(
        `SELECT tip_id FROM tip_posts WHERE subscription_id = ? AND status = 'posted'
         ORDER BY done_at, seq`,
        subscriptionId,
      ),
    );
    return rows.map((r) => r.tip_id);
  }

  async stats(limit = DEFAULT_STATS_LIMIT): Promise<Stats> {
    return this.db.read('stats', (db) => readStats(db, limit));
  }

  async topMisses({ since, limit = DEFAULT_STATS_LIMIT }: MissQuery = {}): Promise<MissSummary[]> {
    const rows = await this.db.read('topMisses', (db) =>
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
    const rows = await this.db.read('loadCaseVectors', (db) =>
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
    await this.db.write('saveCaseVectors', (db) =>
      immediateTransaction(db.raw, () => {
        db.run('DELETE FROM case_vectors WHERE model = ? AND casebook <> ?', model, casebook);
        for (const v of vectors) {
          db.run(
            `INSERT INTO case_vectors (casebook, model, case_id, lang, vector) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (model, casebook, case_id, lang) DO UPDATE SET vector = excluded.vector`,
            casebook,
            model,
            v.caseId,
            v.lang,
            vectorBytes(v.vector),
          );
        }
      }),
    );
  }

  async setChannelMode(
    setting: Omit<ChannelModeSetting, 'changedAt'>,
    now: Date,
  ): Promise<ChannelModeSetting> {
    return this.db.write('setChannelMode', (db) => channels.setChannelMode(db, setting, now));
  }

  async getChannelMode(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<ChannelModeSetting | null> {
    return this.db.read('getChannelMode', (db) => channels.getChannelMode(db, platform, channelId));
  }

  async rememberThread(thread: AnsweredThread, now: Date): Promise<void> {
    await this.db.write('rememberThread', (db) => {
      this.purgeThreads(db, now);
      channels.rememberThread(db, thread, now);
    });
  }

  async claimThread(thread: AnsweredThread, now: Date): Promise<boolean> {
    return this.db.write('claimThread', (db) => {
      this.purgeThreads(db, now);
      return channels.claimThread(db, thread, now);
    });
  }

  async recallThread(key: ThreadKey, since: Date): Promise<string | null> {
    return this.db.read('recallThread', (db) => channels.recallThread(db, key, since));
  }

  async dismissThread(key: ThreadKey): Promise<void> {
    await this.db.write('dismissThread', (db) => channels.dismissThread(db, key));
  }

  async takeAnswerSlot(
    platform: SubscriptionPlatform,
    channelId: string,
    now: Date,
    maxPerHour: number,
  ): Promise<boolean> {
    return this.db.write('takeAnswerSlot', (db) =>
      channels.takeAnswerSlot(db, platform, channelId, now, maxPerHour),
    );
  }

  private purgeThreads(db: Db, now: Date): void {
    if (!this.threadPurge.due(now)) return;
    const purged = channels.purgeThreads(db, now);
    if (purged > 0) this.logger.debug({ purged }, 'old thread memories purged');
  }

  private async finish(
    op: string,
    claim: TipClaim,
    status: 'posted' | 'skipped',
    tipId: string | null,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    const { changes } = await this.db.write(op, (db) =>
      db.run(
        `UPDATE tip_posts SET status = ?, tip_id = ?, reason = ?, done_at = ?
         WHERE subscription_id = ? AND seq = ? AND token = ?
           AND status IN ('claimed', 'sending')`,
        status,
        tipId,
        reason,
        now.getTime(),
        claim.subscriptionId,
        claim.seq,
        claim.token,
      ),
    );
    if (Number(changes) !== 1) throw claimLost(op, claim);
  }
}
