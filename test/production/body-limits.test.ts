import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import {
  type Harness,
  SECRET,
  slashCommandBody,
  startHarness,
  until,
} from '../adapters/slack/harness.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { startTeams, type Harness as TeamsHarness } from '../adapters/teams/harness.js';
import { RawConnection } from './raw-http.js';

const FORM = 'application/x-www-form-urlencoded';
const KIB = 1024;

/** A socket that sends the head of a chunked POST and `bytes` of its body, and never the end. */
function unfinishedBody(
  port: number,
  route: string,
  bytes: number,
  headers: Record<string, string> = {},
): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const head = [`POST ${route} HTTP/1.1`, 'host: 127.0.0.1', 'transfer-encoding: chunked']
    .concat(Object.entries(headers).map(([k, v]) => `${k}: ${v}`))
    .join('\r\n');
  socket.on('error', () => undefined);
  socket.write(`${head}\r\n\r\n`);
  if (bytes > 0) socket.write(`${bytes.toString(16)}\r\n${'a'.repeat(bytes)}\r\n`);
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (received.includes('\r\n\r\n')) resolve(received);
    });
    socket.on('close', () => resolve(received));
  });
  return { socket, answer };
}

/** A `/case help` slash command padded with an extra signed field to about `bytes`. */
function paddedCommand(bytes: number): string {
  const body = slashCommandBody({ text: 'help' });
  return `${body}&pad=${'p'.repeat(Math.max(0, bytes - body.length - 5))}`;
}

describe('request bodies on the shared server (Slack)', () => {
  let h: Harness;
  const logs: Record<string, unknown>[] = [];
  const open: Socket[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness({
      logger: createLogger({ level: 'warn', destination }),
      limits: { bodyBytes: 48 * KIB, bodyBudgetBytes: 64 * KIB, bodyTimeoutMs: 15_000 },
    });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.reset();
    logs.length = 0;
  });
  afterEach(async () => {
    for (const s of open.splice(0)) s.destroy();
    await until(() => h.server.bodyBytesInFlight() === 0, 5_000, 'bodies released');
    vi.restoreAllMocks();
  });

  it('refuses a signed command with 503 while other bodies hold the budget, and answers it once they are gone', async () => {
    const held = unfinishedBody(h.server.port, '/slack/events', 40 * KIB, {
      'content-type': FORM,
    });
    open.push(held.socket);
    await until(() => h.server.bodyBytesInFlight() >= 40 * KIB, 5_000, 'the first body held');
    const handle = vi.spyOn(h.core, 'handle');

    const body = paddedCommand(30 * KIB);
    const refused = await h.post(body, FORM);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const answer = (await refused.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ error: 'server_busy', requestId: expect.any(String) });
    expect(answer.message).toMatch(/retry/i);
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'request body refused',
        reason: 'server_busy',
        status: 503,
        requestId: answer.requestId,
      }),
    );
    expect(handle).not.toHaveBeenCalled();

    held.socket.destroy();
    await until(() => h.server.bodyBytesInFlight() === 0, 5_000, 'the held body released');
    const answered = await h.post(body, FORM);
    expect(answered.status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('refuses a chunked body that runs past the budget while it arrives, tells the client, and stops reading it', async () => {
    const held = unfinishedBody(h.server.port, '/slack/events', 40 * KIB, {
      'content-type': FORM,
    });
    open.push(held.socket);
    await until(() => h.server.bodyBytesInFlight() >= 40 * KIB, 5_000, 'the first body held');
    const second = unfinishedBody(h.server.port, '/slack/events', 30 * KIB, {
      'content-type': FORM,
    });
    open.push(second.socket);
    const response = await second.answer;
    expect(response).toMatch(/^HTTP\/1\.1 503 /);
    expect(response).toMatch(/retry-after: 1/i);
    const closed = new Promise((resolve) => second.socket.once('close', resolve));
    await closed;
    expect(h.server.bodyBytesInFlight()).toBe(40 * KIB);
  });

  it('answers a body sent to an unknown path with 404 and reads no more of it', async () => {
    const lost = unfinishedBody(h.server.port, '/nowhere', 16 * KIB);
    open.push(lost.socket);
    expect(await lost.answer).toMatch(/^HTTP\/1\.1 404 /);
    await new Promise((resolve) => lost.socket.once('close', resolve));
  });

  it('refuses a body over the per-request limit with 413 before reading it all', async () => {
    const res = await h.post(paddedCommand(60 * KIB), FORM);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      error: 'body_too_large',
      requestId: expect.any(String),
    });
    expect(logs).toContainEqual(expect.objectContaining({ reason: 'body_too_large', status: 413 }));
  });
});

describe('a body that arrives too slowly', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ limits: { bodyTimeoutMs: 200 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('is cut after the body timeout with a 408 and the connection closed; nothing handled', async () => {
    const handle = vi.spyOn(h.core, 'handle');
    const body = slashCommandBody({ text: 'help' });
    const connection = new RawConnection(h.server.port);
    await connection.ready;
    const res = await connection.request(
      'POST',
      '/slack/events',
      { ...signedHeaders(SECRET, body, FORM), 'content-length': String(body.length) },
      body.slice(0, 20),
    );
    expect(res.status).toBe(408);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ error: 'body_timeout' });
    await expect(connection.request('GET', '/healthz', {})).rejects.toThrow();
    expect(handle).not.toHaveBeenCalled();
    expect(h.server.bodyBytesInFlight()).toBe(0);
  });
});

describe('Teams with credentials: the Authorization header is checked before the body is read', () => {
  let teams: TeamsHarness;
  const open: Socket[] = [];
  beforeAll(async () => {
    teams = await startTeams({
      config: {
        credentials: {
          appId: '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
          appPassword: 'not-a-real-secret',
          appType: 'SingleTenant',
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        },
      },
    });
  });
  afterAll(async () => {
    for (const s of open.splice(0)) s.destroy();
    await teams.close();
  });

  const jwtPart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const NOT_BEARER: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a Bearer that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
    ['a JWT whose parts are not JSON', { authorization: 'Bearer abc.def.ghi' }],
    [
      'a JWT header without alg',
      { authorization: `Bearer ${jwtPart({ typ: 'JWT' })}.${jwtPart({})}.c2ln` },
    ],
  ];

  it.each(NOT_BEARER)(
    '%s → 401 at once, while the body is still arriving (it is never read)',
    async (_, headers) => {
      const handle = vi.spyOn(teams.core, 'handle');
      const { socket, answer } = unfinishedBody(teams.server.port, '/api/messages', 32 * KIB, {
        'content-type': 'application/json',
        ...headers,
      });
      open.push(socket);
      const response = await answer;
      expect(response.split(' ')[1]).toBe('401');
      const json = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as Record<
        string,
        unknown
      >;
      expect(json).toMatchObject({ error: 'unauthorized', requestId: expect.any(String) });
      expect(json.message).toMatch(/Bearer/);
      expect(teams.server.bodyBytesInFlight()).toBe(0);
      expect(handle).not.toHaveBeenCalled();
      socket.destroy();
    },
  );
});
