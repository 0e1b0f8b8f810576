import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../src/http/server.js';
import type { HttpAdapter } from '../../src/http/types.js';
import { silentLogger } from '../../src/logger.js';

/** The shared server's routing: each platform's path takes POST only; anything else is a 404. */
let server: RunningServer;
const handled: string[] = [];
beforeAll(async () => {
  const adapter = (name: 'slack' | 'teams', path: string): HttpAdapter => ({
    name,
    path,
    async handle(req, res) {
      handled.push(`${req.method} ${path}`);
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    },
    start: async () => {},
    stop: async () => {},
    ready: () => true,
  });
  server = await startHttpServer(
    {
      logger: silentLogger(),
      adapters: [adapter('slack', '/slack/events'), adapter('teams', '/api/messages')],
      readiness: [],
    },
    0,
    '127.0.0.1',
  );
});
afterAll(() => server.close(1_000));

const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

describe('routes', () => {
  it('hands a POST to the platform whose path it is', async () => {
    expect((await fetch(url('/slack/events'), { method: 'POST' })).status).toBe(200);
    expect((await fetch(url('/api/messages?x=1'), { method: 'POST' })).status).toBe(200);
    expect(handled).toEqual(['POST /slack/events', 'POST /api/messages']);
  });

  it('answers any other method on a platform path with 405 and Allow: POST, unhandled', async () => {
    handled.length = 0;
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/slack/events', '/api/messages']) {
        const res = await fetch(url(path), { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
        expect(await res.json()).toEqual({ error: 'method_not_allowed' });
      }
    }
    expect(handled).toEqual([]);
  });

  it('answers an unknown path with 404, and a POST to a probe path too', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/slack'],
      ['POST', '/healthz'],
      ['GET', '/metrics'],
    ] as const) {
      const res = await fetch(url(path), { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
    }
  });
});
