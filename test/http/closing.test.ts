import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/http/server.js';
import type { HttpAdapter } from '../../src/http/types.js';
import { silentLogger } from '../../src/logger.js';
import { RawConnection } from '../production/raw-http.js';

/**
 * The probes while a replica drains (SIGTERM → close): Kubernetes' readiness probe and the load
 * balancer must stop sending it work (`/readyz` 503), but the liveness probe must not restart it
 * (`/healthz` stays 200) while it finishes the requests it has.
 */
const connections: RawConnection[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.close();
});

async function open(port: number): Promise<RawConnection> {
  const c = new RawConnection(port);
  connections.push(c);
  await c.ready;
  return c;
}

/** An adapter whose requests wait until the test lets them finish. */
function heldAdapter() {
  const started: (() => void)[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const adapter: HttpAdapter = {
    name: 'slack',
    path: '/slack/events',
    async handle(_req: IncomingMessage, res: ServerResponse) {
      for (const wake of started.splice(0)) wake();
      await released;
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    },
    start: async () => {},
    stop: async () => {},
    ready: () => true,
  };
  const handling = () => new Promise<void>((resolve) => started.push(resolve));
  return { adapter, handling, release };
}

describe('the probes while the server drains', () => {
  it('/readyz answers 503 (closing) and /healthz still 200 until the last request is done', async () => {
    const held = heldAdapter();
    const server = await startHttpServer(
      {
        logger: silentLogger(),
        adapters: [held.adapter],
        readiness: [{ name: 'store', check: async () => true }],
      },
      0,
      '127.0.0.1',
    );
    // A probe's keep-alive connection, open before the shutdown began.
    const probe = await open(server.port);
    const before = await probe.request('GET', '/readyz', {});
    expect(before.status).toBe(200);
    expect(JSON.parse(before.body)).toMatchObject({ status: 'ready', closing: false });

    // A request in flight keeps the server draining.
    const worker = await open(server.port);
    const handling = held.handling();
    const inFlight = worker.request('POST', '/slack/events', { 'content-length': '0' });
    await handling;
    const closed = server.close(30_000);

    const ready = await probe.request('GET', '/readyz', {});
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'not ready',
      closing: true,
      checks: { store: true },
    });
    const health = await probe.request('GET', '/healthz', {});
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });

    held.release();
    expect((await inFlight).status).toBe(200);
    await closed;
  });
});
