import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  CLI,
  firstJsonLine,
  freePort,
  memoryMb,
  ROOT,
  spawnNode,
  stop,
  waitForStatus,
} from './processes.js';
import type { Row } from './report.js';

/**
 * Issue #23's unauthenticated memory blow-up, measured: many connections each send ~1 MB of a
 * chunked body that never ends, to a real `casebot serve`. What the server keeps in memory
 * meanwhile (RSS), and whether it still answers `/healthz`.
 */
export interface FloodOptions {
  readonly connections: number;
  /** Bytes each connection sends before it goes quiet (the body never ends). */
  readonly bytesEach: number;
  /** How long the sockets are held open after the last byte is written. */
  readonly holdMs: number;
}

export interface FloodResult {
  readonly path: string;
  readonly connections: number;
  readonly rssBeforeMb: number;
  readonly rssDuringMb: number;
  readonly peakMb: number;
  /** Connections the server answered (any status), by status. */
  readonly answered: Record<string, number>;
  /** Connections the server closed without an answer. */
  readonly closedSilently: number;
  /** Connections still open when the hold ended. */
  readonly stillOpen: number;
  readonly healthzDuring: number | string;
}

const CHUNK = 64 * 1024;

/** One connection that sends `bytes` of a chunked body and never sends the last chunk. */
function floodOne(
  port: number,
  route: string,
  headers: Record<string, string>,
  bytes: number,
): { socket: Socket; status: () => string | null; closed: () => boolean; written: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let status: string | null = null;
  let closed = false;
  socket.on('data', (data: Buffer) => {
    status ??= data.toString('latin1').split(' ')[1] ?? '?';
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
  });
  const written = new Promise<void>((resolve) => {
    socket.once('connect', async () => {
      const head = [`POST ${route} HTTP/1.1`, 'host: 127.0.0.1', 'transfer-encoding: chunked']
        .concat(Object.entries(headers).map(([k, v]) => `${k}: ${v}`))
        .join('\r\n');
      socket.write(`${head}\r\n\r\n`);
      const chunk = Buffer.alloc(CHUNK, 0x61);
      for (let sent = 0; sent < bytes && !closed; sent += CHUNK) {
        const ok = socket.write(`${CHUNK.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
        if (!ok) await new Promise((r) => socket.once('drain', r).once('close', r));
      }
      resolve();
    });
    socket.once('close', () => resolve());
  });
  return { socket, status: () => status, closed: () => closed, written };
}

async function healthz(base: string): Promise<number | string> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    return (error as Error).name;
  }
}

/** Floods `route` of a server on `port`, whose process is `pid`. */
export async function flood(
  pid: number,
  port: number,
  route: string,
  headers: Record<string, string>,
  options: FloodOptions,
): Promise<FloodResult> {
  const base = `http://127.0.0.1:${port}`;
  const before = memoryMb(pid);
  const streams = Array.from({ length: options.connections }, () =>
    floodOne(port, route, headers, options.bytesEach),
  );
  await Promise.all(streams.map((s) => s.written));
  await new Promise((r) => setTimeout(r, options.holdMs));
  const during = memoryMb(pid);
  const healthzDuring = await healthz(base);
  const answered: Record<string, number> = {};
  let closedSilently = 0;
  let stillOpen = 0;
  for (const s of streams) {
    const status = s.status();
    if (status) answered[status] = (answered[status] ?? 0) + 1;
    else if (s.closed()) closedSilently++;
    if (!s.closed()) stillOpen++;
    s.socket.destroy();
  }
  return {
    path: route,
    connections: options.connections,
    rssBeforeMb: before.rss,
    rssDuringMb: during.rss,
    peakMb: during.peak,
    answered,
    closedSilently,
    stillOpen,
    healthzDuring,
  };
}

/** A JWT-shaped bearer token that no one signed (the header check lets it through). */
export const FORGED_BEARER =
  'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImZvcmdlZCIsInR5cCI6IkpXVCJ9.' +
  'eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIn0.' +
  'c2lnbmF0dXJl';

/** `casebot serve` with Slack (HTTP mode) and Teams (with credentials), flooded on both routes. */
export async function benchFlood(
  log: string,
  stubUrl: string,
  options: FloodOptions,
): Promise<FloodResult[]> {
  const results: FloodResult[] = [];
  const routes: [string, Record<string, string>][] = [
    [
      '/slack/events',
      {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
      },
    ],
    ['/api/messages', { 'content-type': 'application/json', authorization: FORGED_BEARER }],
  ];
  for (const [route, headers] of routes) {
    const port = await freePort();
    const proc = spawnNode(
      CLI,
      ['serve'],
      {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_URL: 'memory',
        TIPS_SCHEDULER: 'off',
        SLACK_BOT_TOKEN: 'xoxb-0000-bench',
        SLACK_SIGNING_SECRET: 'bench-flood-secret',
        SLACK_API_URL: `${stubUrl}/api/`,
        MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000',
        MICROSOFT_APP_PASSWORD: 'bench-flood-password',
        MICROSOFT_APP_TYPE: 'MultiTenant',
      },
      log,
    );
    try {
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200);
      results.push(await flood(proc.pid, port, route, headers, options));
    } finally {
      await stop(proc);
    }
  }
  return results;
}

/** The connections and bytes `npm run bench` floods with (issue #23's probe). */
export const FLOOD: FloodOptions = {
  connections: 300,
  bytesEach: 1024 * 1024 - CHUNK,
  holdMs: 2_000,
};
/** The Deployment's memory limit (manifests/k8s/deployment.yaml), in MiB. */
const LIMIT_MIB = 256;

export function floodRows(results: readonly FloodResult[]): Row[] {
  return results.flatMap((r) => [
    {
      metric: `peak RSS, ${r.connections} unfinished ~1 MB bodies to ${r.path}`,
      casebot: `${r.peakMb.toFixed(0)} MB (from ${r.rssBeforeMb.toFixed(0)} MB)`,
      bare: '—',
      target: `≤ ${LIMIT_MIB} MiB (the Deployment's limit)`,
      met: r.peakMb <= LIMIT_MIB,
    },
    {
      metric: `answers during that flood (${r.path}): refused · /healthz`,
      casebot: `${Object.entries(r.answered)
        .map(([status, n]) => `${n} × ${status}`)
        .join(', ')} · ${r.healthzDuring}`,
      bare: '—',
      target: '/healthz 200',
      met: r.healthzDuring === 200,
    },
  ]);
}

export const FLOOD_MEASURES = `## Unfinished request bodies (issue #23)

\`src/bench/body-flood.ts\` (also \`node dist/bench/body-flood.js [connections] [bytes]\` on its own):
\`casebot serve\` with Slack (HTTP mode) and Teams (with credentials), in-memory store; ${FLOOD.connections}
connections each send the head of a chunked \`POST\` and ~1 MB of body, then nothing more (the
body never ends), first to \`/slack/events\` (with Slack's signature headers, wrong), then to a
fresh server's \`/api/messages\` (with a well-formed but forged \`Authorization: Bearer\` JWT, so the
body is read). RSS is VmRSS 2 s after the last byte is written, peak is VmHWM; "refused" counts
the connections that got an answer, by status. Before the server's body limits (commit 2ed437a,
not re-measured here), the same flood took RSS from 145 to 432 MB on either route and was
answered nothing. What remains now is Node reading each connection's first 64 KiB (before any
handler runs) into buffers that are freed at the next garbage collection.
`;

/** `node dist/bench/body-flood.js [connections] [bytesEach]`: prints the results as JSON. */
async function main(): Promise<void> {
  const [connections = '300', bytesEach = String(1024 * 1024 - CHUNK)] = process.argv.slice(2);
  const log = path.join(os.tmpdir(), 'casebot-body-flood.log');
  const stub = spawnNode(path.join(ROOT, 'dist/bench/slack-stub.js'), [], {}, log);
  try {
    const stubUrl = `http://127.0.0.1:${(await firstJsonLine<{ port: number }>(stub.child)).port}`;
    const results = await benchFlood(log, stubUrl, {
      ...FLOOD,
      connections: Number(connections),
      bytesEach: Number(bytesEach),
    });
    for (const r of results) console.log(JSON.stringify(r));
  } finally {
    await stop(stub);
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(ROOT, 'dist/bench/body-flood.js')
) {
  await main();
}
