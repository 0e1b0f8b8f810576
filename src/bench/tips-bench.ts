import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../store/postgres-store.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { CLI, cpuMs, firstJsonLine, ROOT, spawnNode, stop } from './processes.js';

/** Issue #23's bar: 10,000 due tips, a stand-in Slack taking 100 ms per call. */
export const TIPS_TARGETS = { channels: 10_000, delayMs: 100, oneReplicaS: 60, twoReplicasS: 35 };
const NOW = '2026-06-01T09:30:00Z';

export interface TipsRun {
  readonly name: string;
  /** Spawn of the first `tips post-due` to the exit of the last, in s. */
  readonly seconds: number;
  readonly posted: number;
  readonly doubles: number;
  /** Due channels that got no tip. */
  readonly lost: number;
  /** 429 answers the stand-in gave. */
  readonly refused: number;
  /** CPU time (user + system) of the casebot processes, all replicas together, in s. */
  readonly cpuS: number;
  readonly exitCodes: readonly (number | null)[];
  readonly targetS?: number;
}

interface StubStats {
  posted: number;
  channels: number;
  doubles: number;
  refused: number;
}

async function subscribeAll(store: Store, channels: number): Promise<void> {
  await store.init();
  const created = new Date('2026-05-01T00:00:00Z');
  for (let i = 0; i < channels; i += 1) {
    await store.subscribe(
      {
        platform: 'slack',
        workspaceId: 'T0BENCH',
        channelId: `C${String(i).padStart(6, '0')}`,
        reference: null,
        time: '09:00',
        timeZone: 'UTC',
        lang: i % 3 === 0 ? 'zh' : 'en',
        createdBy: 'U0BENCH',
      },
      created,
    );
  }
  await store.close();
}

/**
 * `casebot tips post-due` in `replicas` processes at once against a stand-in Slack (its own
 * process), on the store at `databaseUrl` already holding the subscriptions.
 */
async function run(
  name: string,
  databaseUrl: string,
  replicas: number,
  stubEnv: Record<string, string>,
  log: string,
  targetS?: number,
): Promise<TipsRun> {
  const here = path.join(ROOT, 'dist/bench');
  const stub = spawnNode(path.join(here, 'tips-stub.js'), [], stubEnv, log);
  try {
    const { port } = await firstJsonLine<{ port: number }>(stub.child);
    const url = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const procs = Array.from({ length: replicas }, () =>
      spawnNode(
        CLI,
        ['tips', 'post-due', '--now', NOW],
        {
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          DATABASE_URL: databaseUrl,
          SLACK_BOT_TOKEN: 'xoxb-0000-bench',
          SLACK_SIGNING_SECRET: 'bench-signing-secret',
          SLACK_API_URL: `${url}/api/`,
        },
        log,
      ),
    );
    // A process's CPU time can only be read while it runs: the last reading before it exits.
    const cpu = procs.map(() => 0);
    const poll = setInterval(() => {
      procs.forEach((p, i) => {
        try {
          cpu[i] = cpuMs(p.pid);
        } catch {
          // Gone already.
        }
      });
    }, 50);
    const exitCodes = await Promise.all(procs.map((p) => p.exited));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(poll);
    const stats = (await (await fetch(`${url}/stats`)).json()) as StubStats;
    return {
      name,
      seconds,
      posted: stats.posted,
      doubles: stats.doubles,
      lost: TIPS_TARGETS.channels - stats.channels,
      refused: stats.refused,
      cpuS: cpu.reduce((a, b) => a + b, 0) / 1000,
      exitCodes,
      ...(targetS !== undefined && { targetS }),
    };
  } finally {
    await stop(stub);
  }
}

async function sqliteRun(
  name: string,
  work: string,
  stubEnv: Record<string, string>,
  log: string,
  targetS?: number,
): Promise<TipsRun> {
  const file = path.join(work, `tips-${randomBytes(4).toString('hex')}.db`);
  await subscribeAll(new SqliteStore(file), TIPS_TARGETS.channels);
  return run(name, `sqlite:${file}`, 1, stubEnv, log, targetS);
}

/** `url` with `search_path` set to `schema`, through the connection string's `options`. */
function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function postgresRun(baseUrl: string, stubEnv: Record<string, string>, log: string) {
  const schema = `casebot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = withSearchPath(baseUrl, schema);
    await subscribeAll(new PostgresStore(url), TIPS_TARGETS.channels);
    return await run('two replicas, PostgreSQL', url, 2, stubEnv, log, TIPS_TARGETS.twoReplicasS);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * The tips bench: one replica on SQLite, two on PostgreSQL (when `databaseUrl` is given), and one
 * replica while the stand-in answers 429 for a while. Each run has its own fresh store.
 */
export async function benchTips(
  work: string,
  log: string,
  databaseUrl: string | undefined,
): Promise<TipsRun[]> {
  const slow = { DELAY_MS: String(TIPS_TARGETS.delayMs) };
  const runs: TipsRun[] = [];
  console.error('bench: tips, one replica…');
  runs.push(await sqliteRun('one replica, SQLite', work, slow, log, TIPS_TARGETS.oneReplicaS));
  if (databaseUrl) {
    console.error('bench: tips, two replicas on PostgreSQL…');
    runs.push(await postgresRun(databaseUrl, slow, log));
  }
  console.error('bench: tips, one replica through a 429 spell…');
  runs.push(
    await sqliteRun(
      'one replica, SQLite, 429 for 5 s (Retry-After: 1)',
      work,
      { ...slow, LIMIT_FROM_MS: '3000', LIMIT_FOR_MS: '5000', RETRY_AFTER_S: '1' },
      log,
    ),
  );
  return runs;
}
