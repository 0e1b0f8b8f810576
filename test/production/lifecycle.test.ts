import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { parseScrape, series } from '../metrics/scrape.js';
import { RawConnection } from './raw-http.js';
import {
  type ServeProcess,
  signedSlashCommand,
  startServe,
  startSlackStub,
} from './serve-process.js';

const SECRET = 'lifecycle-signing-secret';
const running: ServeProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const clean of cleanups.splice(0)) await clean();
});

async function serve(env: Record<string, string> = {}) {
  const p = await startServe(env);
  running.push(p);
  return p;
}

async function slackServe(extra: Record<string, string> = {}) {
  const stub = await startSlackStub();
  cleanups.push(stub.close);
  const p = await serve({
    SLACK_BOT_TOKEN: 'xoxb-0000-lifecycle',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${stub.url}/api/`,
    ...extra,
  });
  await p.waitForLog((l) => l.msg === 'slack ready');
  return { p, stub, responseUrl: `${stub.url}/commands/T0TEST/1/lifecycle` };
}

/** Status and body of one request, on a fresh connection. */
function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('casebot serve as a process', () => {
  it('answers /healthz and /readyz, echoes the request id, logs only JSON lines, and exits 0 on SIGTERM', async () => {
    const p = await serve();
    const health = await send(`${p.url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const ready = await send(`${p.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'ready',
      checks: { casebook: true, store: true },
    });
    const missing = await send(`${p.url}/nope`, { headers: { 'x-request-id': 'req-42' } });
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe('req-42');
    expect(p.logs.every((l) => !l.raw && typeof l.level === 'number')).toBe(true);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.logs.map((l) => l.msg)).toContain('stopped');
  });

  it('on SIGTERM finishes a request whose body is still arriving, then exits 0', async () => {
    const { p, stub, responseUrl } = await slackServe({ SHUTDOWN_GRACE_MS: '8000' });
    const { body, headers } = signedSlashCommand(SECRET, 'show finance', responseUrl);
    const half = Math.floor(body.length / 2);

    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${p.url}/slack/events`,
        { method: 'POST', headers, agent: false },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      // Headers and half the body are on the wire; the server is reading the rest.
      setTimeout(() => {
        p.child.kill('SIGTERM');
        void p.waitForLog((l) => l.msg === 'shutting down').then(() => req.end(body.slice(half)));
      }, 300);
    });

    const shutting = await p.waitForLog((l) => l.msg === 'shutting down');
    expect(shutting.inFlight).toBe(1);
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(await p.exited).toBe(0);
    // The answer went out before the process left (in the ack, or through the response_url):
    // nothing half-done.
    const viaResponseUrl = stub.calls.some(
      (c) => c.path.startsWith('/commands/') && c.body.includes('blocks'),
    );
    expect(viaResponseUrl || JSON.parse(answered.text).blocks.length > 0).toBe(true);
    // New connections are refused once shutdown began.
    await expect(send(`${p.url}/healthz`)).rejects.toThrow();
  });

  it('on SIGTERM under load answers every request sent on an open connection', async () => {
    const { p, responseUrl } = await slackServe({ SHUTDOWN_GRACE_MS: '8000' });
    // Eight keep-alive connections, each sending signed commands back to back.
    const connections = Array.from({ length: 8 }, () => new RawConnection(p.port));
    cleanups.push(async () => {
      for (const c of connections) c.close();
    });
    await Promise.all(connections.map((c) => c.ready));
    const command = () => signedSlashCommand(SECRET, 'flash sale', responseUrl);
    // Every connection is accepted and has been answered once before the signal.
    for (const res of await Promise.all(
      connections.map((c) => {
        const { body, headers } = command();
        return c.request('POST', '/slack/events', headers, body);
      }),
    )) {
      expect(res.status).toBe(200);
    }
    let signalled = false;
    const results = await Promise.all(
      connections.map(async (connection) => {
        const statuses: number[] = [];
        for (;;) {
          const { body, headers } = command();
          try {
            const res = await connection.request('POST', '/slack/events', headers, body);
            statuses.push(res.status);
            // The server answers what it accepted, then asks the client to go elsewhere.
            if (res.headers.connection === 'close') return { statuses, error: null, signalled };
          } catch (error) {
            return { statuses, error: (error as NodeJS.ErrnoException).code ?? 'error', signalled };
          }
          if (statuses.length === 3 && connection === connections[0]) {
            signalled = true;
            p.child.kill('SIGTERM');
          }
        }
      }),
    );
    expect(await p.exited).toBe(0);
    expect(results.filter((r) => r.error !== null)).toEqual([]);
    expect(results.flatMap((r) => r.statuses).every((s) => s === 200)).toBe(true);
    expect(p.logs.map((l) => l.msg)).toContain('stopped');
  });

  it('on a port already in use logs the error as a JSON line and exits 1, tips scheduler or not', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const stub = await startSlackStub();
    cleanups.push(stub.close);
    const run = await runCli(['serve'], {
      env: {
        PORT: String((taken.address() as AddressInfo).port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_URL: 'memory',
        TIPS_SCHEDULER: 'on',
        SLACK_BOT_TOKEN: 'xoxb-0000-lifecycle',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${stub.url}/api/`,
      },
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    const logs = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const failure = logs.find((l) => l.level === 50 || l.level === 60);
    expect(failure?.msg).toMatch(/port .*in use/i);
    expect(JSON.stringify(failure?.err)).toContain('EADDRINUSE');
    expect(logs.map((l) => l.msg)).not.toContain('casebot is listening');
  });

  it('on SIGHUP keeps serving the previous casebook when the new one is broken', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-hup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(path.join(ROOT, 'cases'), dir, { recursive: true });
    const p = await serve({ CASES_DIR: dir });

    const file = path.join(dir, 'finance.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^rating: \d+$/m, 'rating: nine'));
    p.child.kill('SIGHUP');
    const failed = await p.waitForLog((l) => String(l.msg).startsWith('casebook reload failed'));
    expect(JSON.stringify(failed.err)).toContain('finance.yaml: rating');
    expect((await send(`${p.url}/readyz`)).status).toBe(200);

    // The repaired casebook, with a fifth case: what casebot serves afterwards shows the reload.
    await writeFile(file, good);
    await writeFile(
      path.join(dir, 'finance-2.yaml'),
      good.replace(/^id: finance$/m, 'id: finance-2'),
    );
    p.child.kill('SIGHUP');
    const reloaded = await p.waitForLog((l) => l.msg === 'casebook reloaded');
    expect(reloaded.cases).toBe(5);
    expect((await send(`${p.url}/readyz`)).status).toBe(200);
    const metrics = parseScrape((await send(`${p.url}/metrics`)).body);
    expect(metrics.get('casebot_casebook_cases')).toBe(5);
    expect(metrics.get(series('casebot_casebook_reloads_total', { result: 'failure' }))).toBe(1);
    expect(metrics.get(series('casebot_casebook_reloads_total', { result: 'success' }))).toBe(1);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('on SIGHUP refuses a FIFO in the casebook folder, names it, and keeps answering signals', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-fifo-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(path.join(ROOT, 'cases'), dir, { recursive: true });
    const p = await serve({ CASES_DIR: dir });

    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    p.child.kill('SIGHUP');
    const failed = await p.waitForLog((l) => String(l.msg).startsWith('casebook reload failed'));
    expect(JSON.stringify(failed.err)).toContain(
      'pipe.yaml: is a FIFO (named pipe), not a regular file',
    );

    await rm(path.join(dir, 'pipe.yaml'));
    p.child.kill('SIGHUP');
    expect((await p.waitForLog((l) => l.msg === 'casebook reloaded')).cases).toBe(4);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
