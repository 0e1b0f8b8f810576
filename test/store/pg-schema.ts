import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by CI (`.ci/run`); the PostgreSQL suites are skipped without it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

// CI (`.ci/run`) sets REQUIRE_POSTGRES: there a skipped PostgreSQL suite is a failure.
if (process.env.REQUIRE_POSTGRES && !TEST_DATABASE_URL) {
  throw new Error(
    'REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not: the PostgreSQL suite must run',
  );
}

export const PG_SKIP_MESSAGE =
  'PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://user@host:5432/db to run it';

/** `url` with `search_path` set to `schema`, through the connection string's `options`. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh schema for one test, so tests never see each other's rows; `drop()` removes it. */
export async function createTestSchema(
  baseUrl: string,
): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `casebot_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    url: withSearchPath(baseUrl, schema),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
