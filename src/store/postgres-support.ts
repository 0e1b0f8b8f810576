import type pg from 'pg';
import type { Lang } from '../catalog/schema.js';
import { MIGRATION_LOCK_KEY, MIGRATIONS_TABLE_SQL, type Migration } from './postgres-schema.js';
import type { Stats, Subscription, SubscriptionPlatform } from './store.js';
import type { Logger } from './support.js';

export interface SubscriptionRow {
  id: string;
  platform: SubscriptionPlatform;
  workspace_id: string;
  channel_id: string;
  reference: unknown;
  time: string;
  time_zone: string;
  lang: Lang;
  created_by: string;
  created_at: Date;
  active: boolean;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
]);
/** SQLSTATEs that mean "cannot talk to the database now" rather than "this statement is wrong". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '28000',
  '28P01',
]);

/**
 * SQLSTATEs of a write the database refused although it answers: read-only (a hot standby,
 * `default_transaction_read_only`), out of disk or memory, a deadlock or lock timeout. Nothing
 * was changed; trying again later may work.
 */
export function isWriteRefused(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return (
    code === '25006' ||
    (code.startsWith('53') && code !== '53300') ||
    code === '40001' ||
    code === '40P01' ||
    code === '55P03'
  );
}

export function isUnavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connect E|Client has encountered a connection error/i.test(
    message,
  );
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    reference: row.reference ?? null,
    time: row.time,
    timeZone: row.time_zone,
    lang: row.lang,
    createdBy: row.created_by,
    createdAt: row.created_at,
    active: row.active,
  };
}

/**
 * Applies pending migrations in one transaction. Replicas starting together queue on the advisory
 * lock; the first applies, the others then find nothing to do. A database that has them all is
 * only read (so a read-only one, e.g. a hot standby, still serves reads).
 */
export async function runMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[],
  logger: Logger,
): Promise<void> {
  if (await allApplied(pool, migrations)) return;
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    // Replicas starting together queue here; the first applies, the others find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await client.query(MIGRATIONS_TABLE_SQL);
    const done = await client.query<{ version: number }>('SELECT version FROM casebot_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO casebot_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      logger.info({ version: m.version, name: m.name }, 'PostgreSQL migration applied');
    }
    await client.query('COMMIT');
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

async function allApplied(pool: pg.Pool, migrations: readonly Migration[]): Promise<boolean> {
  const table = await pool.query<{ found: boolean }>(
    `SELECT to_regclass('casebot_migrations') IS NOT NULL AS found`,
  );
  if (!table.rows[0]?.found) return false;
  const done = await pool.query<{ version: number }>('SELECT version FROM casebot_migrations');
  const applied = new Set(done.rows.map((r) => r.version));
  return migrations.every((m) => applied.has(m.version));
}

/** Runs one query (the store's: its readiness, errors and op name). */
export type RunQuery = <R extends pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

/** The counts behind `casebot stats`, four queries at once. */
export async function readStats(query: RunQuery, limit: number): Promise<Stats> {
  const [subs, posted, feedback, misses] = await Promise.all([
    query<{ active: string; retired: string }>(
      `SELECT count(*) FILTER (WHERE active) AS active,
              count(*) FILTER (WHERE NOT active) AS retired
       FROM casebot_subscriptions`,
    ),
    query<{ n: string }>(
      `SELECT count(*) AS n FROM casebot_tip_posts p
       JOIN casebot_subscriptions s ON s.id = p.subscription_id WHERE p.status = 'posted'`,
    ),
    query<{ case_id: string; helpful: string; not_helpful: string }>(
      `SELECT case_id, count(*) FILTER (WHERE helpful) AS helpful,
              count(*) FILTER (WHERE NOT helpful) AS not_helpful
       FROM casebot_feedback GROUP BY case_id ORDER BY case_id`,
    ),
    query<{ query: string; count: string }>(
      `SELECT query, count(*) AS count FROM casebot_misses GROUP BY query
       ORDER BY count(*) DESC, query LIMIT $1`,
      [limit],
    ),
  ]);
  const s = subs.rows[0];
  return {
    subscriptions: { active: Number(s?.active ?? 0), retired: Number(s?.retired ?? 0) },
    tipsPosted: Number(posted.rows[0]?.n ?? 0),
    feedback: feedback.rows.map((r) => ({
      caseId: r.case_id,
      helpful: Number(r.helpful),
      notHelpful: Number(r.not_helpful),
    })),
    misses: misses.rows.map((r) => ({ query: r.query, count: Number(r.count) })),
  };
}
