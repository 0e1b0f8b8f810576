import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';

/** casebot on its embedded SQLite file when the file misbehaves (issue 23, items 4 and 14). */
const SECRET = 'sqlite-faults-secret';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function start(dbPath: string, store?: Store): Promise<{ app: App; platform: StandIn }> {
  const platform = await startStandIn((req) =>
    req.path === '/api/auth.test'
      ? { body: { ok: true, user_id: 'UBOT', bot_id: 'B1' } }
      : undefined,
  );
  cleanups.push(() => platform.close());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${dbPath}`,
    TIPS_SCHEDULER: 'off',
    DIAGRAM_RENDERER: 'none',
    SLACK_BOT_TOKEN: 'xoxb-sqlite-faults',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${platform.url}/api/`,
  });
  const app = await startApp({ config, logger: silentLogger(), ...(store && { store }) });
  cleanups.push(() => app.stop());
  return { app, platform };
}

async function slash(app: App, platform: StandIn, text: string, channel = 'C1'): Promise<string> {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: channel,
    channel_name: 'general',
    user_id: 'U1',
    command: '/case',
    text,
    api_app_id: 'A1',
    response_url: `${platform.url}/hooks/${channel}`,
    trigger_id: '1.2.3',
  }).toString();
  const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
    body,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'casebot-sqlite-faults-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('while another process holds the SQLite write lock', () => {
  it('answers health, readiness and look-ups while a subscribe waits; the subscribe asks to try again', async () => {
    const dbPath = path.join(tempDir(), 'casebot.db');
    const store = new SqliteStore(dbPath, undefined, { writeWaitMs: 400 });
    let writing!: () => void;
    const writeStarted = new Promise<void>((resolve) => {
      writing = resolve;
    });
    // The same store, telling the test when a subscribe reaches it.
    const watched = new Proxy(store, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'subscribe') writing();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const { app, platform } = await start(dbPath, watched);
    const other = new (loadSqlite().DatabaseSync)(dbPath);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    other.exec(`INSERT INTO misses (query, lang, at) VALUES ('held', 'en', 0)`);

    const order: string[] = [];
    const subscribe = slash(app, platform, 'subscribe 09:00 UTC').then((text) => {
      order.push('subscribe');
      return text;
    });
    await writeStarted;
    const base = `http://127.0.0.1:${app.port}`;
    const others = [
      fetch(`${base}/healthz`).then((res) => order.push(`healthz ${res.status}`)),
      fetch(`${base}/readyz`).then((res) => order.push(`readyz ${res.status}`)),
      slash(app, platform, 'flash sale').then((text) => order.push(`lookup ${text.slice(0, 10)}`)),
    ];
    await Promise.all(others);
    const refused = await subscribe;
    // Everything else was answered while the subscribe was still waiting for the lock.
    expect(order.slice(0, 3).sort()).toEqual(['healthz 200', 'lookup E-commerce', 'readyz 200']);
    expect(order[3]).toBe('subscribe');
    expect(refused).toMatch(/couldn’t save .*try again/);
    other.exec('ROLLBACK');
    expect(await slash(app, platform, 'subscribe 09:00 UTC')).toMatch(/^✅ Subscribed/);
  });
});

describe('when the data folder is deleted at run time', () => {
  it('reports the store not ready and says a subscribe was not saved', async () => {
    const data = path.join(tempDir(), 'data');
    const { app, platform } = await start(path.join(data, 'casebot.db'));
    const readyz = () => fetch(`http://127.0.0.1:${app.port}/readyz`);
    expect((await readyz()).status).toBe(200);
    expect(await slash(app, platform, 'subscribe 09:00 UTC', 'C1')).toMatch(/^✅ Subscribed/);

    rmSync(data, { recursive: true, force: true });
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { store: false, casebook: true } });
    expect(await slash(app, platform, 'subscribe 09:00 UTC', 'C2')).toMatch(
      /couldn’t save .*try again/,
    );
    expect(await slash(app, platform, 'flash sale')).toMatch(/^E-commerce/);
  });
});
