/**
 * PostgreSQL migrations, applied in order at start inside one transaction guarded by
 * `pg_advisory_xact_lock`, recorded in `casebot_migrations`. Append only: never edit a migration
 * that has shipped. Tables carry a `casebot_` prefix because the database may be shared.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Any constant; the same for every replica, so they queue on one lock. ("casebot" in ASCII.) */
export const MIGRATION_LOCK_KEY = 0x636173_65626f74n;

export const MIGRATIONS_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS casebot_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE casebot_events (
        event_id text PRIMARY KEY,
        seen_at timestamptz NOT NULL
      );
      CREATE INDEX casebot_events_seen_at ON casebot_events (seen_at);

      CREATE TABLE casebot_feedback (
        platform text NOT NULL,
        user_id text NOT NULL,
        case_id text NOT NULL,
        query text NOT NULL,
        helpful boolean NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (platform, user_id, case_id, query)
      );

      CREATE TABLE casebot_misses (
        id bigserial PRIMARY KEY,
        query text NOT NULL,
        lang text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX casebot_misses_query ON casebot_misses (query);

      CREATE TABLE casebot_subscriptions (
        id text PRIMARY KEY,
        platform text NOT NULL,
        workspace_id text NOT NULL,
        channel_id text NOT NULL,
        reference jsonb,
        time text NOT NULL,
        time_zone text NOT NULL,
        lang text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        active boolean NOT NULL DEFAULT true,
        retired_at timestamptz,
        retired_reason text,
        UNIQUE (platform, channel_id)
      );

      CREATE TABLE casebot_tip_posts (
        subscription_id text NOT NULL,
        day text NOT NULL,
        token text NOT NULL,
        claimed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped')),
        tip_id text,
        reason text,
        done_at timestamptz,
        PRIMARY KEY (subscription_id, day)
      );
    `,
  },
  {
    version: 2,
    name: 'tip sending state',
    sql: `
      ALTER TABLE casebot_tip_posts DROP CONSTRAINT casebot_tip_posts_status_check;
      ALTER TABLE casebot_tip_posts ADD CONSTRAINT casebot_tip_posts_status_check
        CHECK (status IN ('claimed', 'sending', 'posted', 'skipped'));
    `,
  },
  {
    version: 3,
    name: 'case vectors',
    sql: `
      CREATE TABLE casebot_case_vectors (
        casebook text NOT NULL,
        model text NOT NULL,
        case_id text NOT NULL,
        lang text NOT NULL,
        vector bytea NOT NULL,
        PRIMARY KEY (model, casebook, case_id, lang)
      );
    `,
  },
  {
    version: 4,
    name: 'tip posts numbered per subscription',
    // Keyed by number instead of the local date string, so a change of time zone neither skips a
    // day nor posts one twice. Earlier posts are numbered in the order of their dates.
    sql: `
      ALTER TABLE casebot_tip_posts ADD COLUMN seq integer;
      UPDATE casebot_tip_posts p SET seq = n.seq
      FROM (
        SELECT subscription_id, day,
               row_number() OVER (PARTITION BY subscription_id ORDER BY day) AS seq
        FROM casebot_tip_posts
      ) n
      WHERE p.subscription_id = n.subscription_id AND p.day = n.day;
      ALTER TABLE casebot_tip_posts ALTER COLUMN seq SET NOT NULL;
      ALTER TABLE casebot_tip_posts DROP CONSTRAINT casebot_tip_posts_pkey;
      ALTER TABLE casebot_tip_posts ADD PRIMARY KEY (subscription_id, seq);
    `,
  },
  {
    version: 5,
    name: 'stats purged by time',
    // Misses and votes older than STATS_KEEP_DAYS are purged by time.
    sql: `
      CREATE INDEX casebot_misses_at ON casebot_misses (at);
      CREATE INDEX casebot_feedback_at ON casebot_feedback (at);
    `,
  },
  {
    version: 6,
    name: 'channel modes and answered threads',
    sql: `
      CREATE TABLE casebot_channel_modes (
        platform text NOT NULL,
        channel_id text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('mentions', 'auto')),
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE casebot_answered_threads (
        platform text NOT NULL,
        channel_id text NOT NULL,
        thread_id text NOT NULL,
        case_id text NOT NULL,
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (platform, channel_id, thread_id)
      );
      CREATE INDEX casebot_answered_threads_answered_at ON casebot_answered_threads (answered_at);

      -- The epoch milliseconds of a channel's latest unprompted answers, oldest first.
      CREATE TABLE casebot_answer_slots (
        platform text NOT NULL,
        channel_id text NOT NULL,
        recent bigint[] NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
    `,
  },
  {
    version: 7,
    name: 'greetings',
    sql: `
      CREATE TABLE casebot_greetings (
        platform text NOT NULL,
        workspace_id text NOT NULL,
        user_id text NOT NULL,
        greeted_at timestamptz NOT NULL,
        PRIMARY KEY (platform, workspace_id, user_id)
      );
    `,
  },
  {
    version: 8,
    name: 'hand-offs',
    sql: `
      CREATE TABLE casebot_handoffs (
        id text PRIMARY KEY,
        platform text NOT NULL,
        conversation_id text NOT NULL,
        question text NOT NULL,
        question_key text NOT NULL,
        case_id text,
        asker_id text NOT NULL,
        asker_name text,
        lang text NOT NULL,
        at timestamptz NOT NULL,
        answered_at timestamptz,
        answered_by text,
        UNIQUE (platform, conversation_id, question_key)
      );
      CREATE INDEX casebot_handoffs_asker ON casebot_handoffs (platform, asker_id, at);
      CREATE INDEX casebot_handoffs_at ON casebot_handoffs (at);
    `,
  },
];
