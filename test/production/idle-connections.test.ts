import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type Harness, startHarness, until } from '../adapters/slack/harness.js';

/** A raw connection: what it received, and when the server closed it. */
interface Probe {
  readonly socket: Socket;
  received(): string;
  readonly closed: Promise<void>;
}

function probe(port: number, send?: string): Probe {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => undefined);
  if (send !== undefined) socket.once('connect', () => socket.write(send));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => received, closed };
}

const connections = (h: Harness) =>
  new Promise<number>((resolve, reject) =>
    h.server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

describe('connections that send nothing useful are closed (short limits injected)', () => {
  let h: Harness;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness({
      logger: createLogger({ level: 'warn', destination }),
      limits: {
        headersTimeoutMs: 300,
        requestTimeoutMs: 600,
        keepAliveTimeoutMs: 300,
        timeoutCheckMs: 50,
        maxConnections: 3,
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    logs.length = 0;
    await until(() => h.server.server.listening, 1_000, 'listening');
  });

  it('closes a connection that never sends a byte', async () => {
    const silent = probe(h.server.port);
    await silent.closed;
    expect(silent.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers half a request line with 408 and closes the connection', async () => {
    const partial = probe(h.server.port, 'POST /slack/ev');
    await partial.closed;
    expect(partial.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a keep-alive connection left idle after an answer', async () => {
    const idle = probe(h.server.port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    await idle.closed;
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(idle.received()).toContain('keep-alive');
  });

  it('refuses connections past the cap, logs it, and serves again once the idle ones are gone', async () => {
    const held = [probe(h.server.port), probe(h.server.port), probe(h.server.port)];
    await until(() => held.every((p) => p.socket.readyState === 'open'), 2_000, 'connected');
    expect(await connections(h)).toBe(3);
    const extra = probe(h.server.port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toBe('');
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'connections refused: the server is at its connection limit',
        maxConnections: 3,
      }),
    );
    await Promise.all(held.map((p) => p.closed));
    const res = await fetch(`http://127.0.0.1:${h.server.port}/healthz`);
    expect(res.status).toBe(200);
  });
});
