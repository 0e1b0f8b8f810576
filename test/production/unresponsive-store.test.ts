import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';

/**
 * A "PostgreSQL" that accepts connections and never answers (the pool's 5 s connection timeout is
 * the only thing that ends a wait on it). Until `hang()` it closes connections at once, so
 * `casebot serve` starts quickly; then the database stops answering, as in a network partition.
 */
async function startBlackHole() {
  const sockets = new Set<Socket>();
  let hanging = false;
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    if (!hanging) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgres://casebot@127.0.0.1:${port}/casebot`,
    connections: () => sockets.size,
    hang() {
      hanging = true;
    },
    close() {
      hanging = false;
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls (no fixed sleep) until `done()`; the elapsed milliseconds, or a failure at `limitMs`. */
async function msUntil(done: () => boolean, limitMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

const SECRET = 'unresponsive-store-secret';
const OFF_TOPIC = 'what is the weather like tomorrow';

describe('a database that accepts connections but never answers', () => {
  let hole: Awaited<ReturnType<typeof startBlackHole>>;
  let platform: StandIn;
  let app: App;
  const base = () => `http://127.0.0.1:${app.port}`;

  beforeAll(async () => {
    hole = await startBlackHole();
    platform = await startStandIn((req) => {
      if (req.path === '/api/auth.test') {
        return { body: { ok: true, user_id: 'UBOT123', bot_id: 'BBOT', team_id: 'T0001' } };
      }
      if (req.path.startsWith('/v3/conversations/')) return { body: { id: 'activity-1' } };
      return undefined;
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${platform.url}/api/`,
      DATABASE_URL: hole.url,
      TIPS_SCHEDULER: 'off',
    });
    app = await startApp({ config, logger: silentLogger() });
    hole.hang();
  });

  afterAll(async () => {
    await hole?.close();
    await app?.stop();
    await platform?.close();
  });

  it('makes /readyz say "not ready" well inside the 1 s probe timeout', async () => {
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const res = await fetch(`${base()}/readyz`);
      const elapsed = performance.now() - started;
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ checks: { store: false, casebook: true } });
      expect(elapsed).toBeLessThan(900);
    }
    expect(hole.connections()).toBeGreaterThan(0);
  });

  it('does not delay a Teams message that finds nothing', async () => {
    const activity = JSON.parse(readFileSync('test/fixtures/teams/personal-message.json', 'utf8'));
    const send = (text: string) =>
      fetch(`${base()}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, serviceUrl: platform.url, text }),
      });
    // The first activity loads botbuilder; that is not what is measured.
    expect((await send('help')).status).toBe(200);
    const started = performance.now();
    expect((await send(OFF_TOPIC)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    const replies = platform.received.filter((r) => r.path.startsWith('/v3/conversations/'));
    expect(replies).toHaveLength(2);
  });

  it('does not delay a Slack mention that finds nothing (event dedupe and the miss)', async () => {
    const event = JSON.parse(readFileSync('test/fixtures/slack/app-mention.json', 'utf8'));
    event.event_id = 'Ev-unresponsive-store';
    event.event.text = `<@UBOT123> ${OFF_TOPIC}`;
    const body = JSON.stringify(event);
    const posted = () => platform.received.filter((r) => r.path === '/api/chat.postMessage');
    const started = performance.now();
    const res = await fetch(`${base()}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, 'application/json'),
      body,
    });
    expect(res.status).toBe(200);
    await msUntil(() => posted().length === 1, 2_000, 'the answer in Slack');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(posted()[0]!.body)).toContain(OFF_TOPIC);
  });
});

describe('a database that hangs from the start', () => {
  it('does not hold the start: the server answers at once, not ready until the store answers', async () => {
    const hole = await startBlackHole();
    hole.hang();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: hole.url,
      TIPS_SCHEDULER: 'off',
    });
    let app: App | undefined;
    const starting = startApp({ config, logger: silentLogger() }).then((a) => {
      app = a;
    });
    try {
      // The pool gives up on a connection after 5 s; the server must be up well before that.
      await msUntil(() => app !== undefined, 3_000, 'the server listening');
      await starting;
      const base = `http://127.0.0.1:${app!.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { store: false, casebook: true } });
    } finally {
      await hole.close();
      await starting;
      await app?.stop();
    }
  });
});
