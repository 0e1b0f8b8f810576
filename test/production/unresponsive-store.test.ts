import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { until } from '../adapters/slack/harness.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { scrape, series } from '../metrics/scrape.js';

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

/**
 * How often each store operation has failed so far (`casebot_store_errors_total`). Against the
 * black hole an operation fails only when the pool gives up on its connection (5 s): an answer
 * that arrives while its operation's count is still 0 did not wait for the database.
 */
async function storeErrors(port: number): Promise<(operation: string) => number> {
  const scraped = await scrape(port);
  return (operation) => scraped.get(series('casebot_store_errors_total', { operation })) ?? 0;
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

  it('makes /readyz say "not ready" without waiting for the database to give up', async () => {
    const baseline = await storeErrors(app.port);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base()}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ checks: { store: false, casebook: true } });
      // The probe's own bound (STORE_READY_TIMEOUT_MS, under Kubernetes' 1 s) answered, not the
      // pool's 5 s: the database's calls are still waiting.
      const failed = await storeErrors(app.port);
      const given = (op: string) => failed(op) - baseline(op);
      expect(given('init') + given('ping'), 'the probe waited for the pool').toBe(0);
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
    expect((await send('help')).status).toBe(200);
    const baseline = await storeErrors(app.port);
    expect((await send(OFF_TOPIC)).status).toBe(200);
    const replies = platform.received.filter((r) => r.path.startsWith('/v3/conversations/'));
    expect(replies).toHaveLength(2);
    // Replied while the miss is still on its way to the database (it fails only after 5 s).
    const after = await storeErrors(app.port);
    expect(after('recordMiss') - baseline('recordMiss'), 'the reply waited for the store').toBe(0);
  });

  it('does not delay a Slack mention that finds nothing (event dedupe and the miss)', async () => {
    const event = JSON.parse(readFileSync('test/fixtures/slack/app-mention.json', 'utf8'));
    event.event_id = 'Ev-unresponsive-store';
    event.event.text = `<@UBOT123> ${OFF_TOPIC}`;
    const body = JSON.stringify(event);
    const posted = () => platform.received.filter((r) => r.path === '/api/chat.postMessage');
    const baseline = await storeErrors(app.port);
    const res = await fetch(`${base()}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, 'application/json'),
      body,
    });
    expect(res.status).toBe(200);
    await until(() => posted().length === 1, 10_000, 'the answer in Slack');
    // Answered while the dedupe and the miss still wait on the database (they fail after 5 s):
    // the dedupe's own bound (DEDUPE_TIMEOUT_MS) let the answer through.
    const failed = await storeErrors(app.port);
    const given = (op: string) => failed(op) - baseline(op);
    expect(given('rememberEvent'), 'the answer waited for the dedupe').toBe(0);
    expect(given('recordMiss'), 'the answer waited for the miss').toBe(0);
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
    const logged: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          logged.push(String(JSON.parse(line).msg));
        }
        done();
      },
    });
    let app: App | undefined;
    const starting = startApp({
      config,
      logger: createLogger({ level: 'info', destination }),
    }).then((a) => {
      app = a;
    });
    try {
      await starting;
      // Listening while the database's first call still waits (the pool gives up after 5 s):
      // the start waited only as long as a readiness probe would.
      expect(logged).toContain(
        'store not answering at start; lookups still work, it joins when it answers',
      );
      expect(logged).not.toContain('store unavailable at start; lookups still work');
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
