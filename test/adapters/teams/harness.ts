import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import {
  createTeamsAdapter,
  type TeamsAdapter,
  type TeamsAdapterDeps,
} from '../../../src/adapters/teams/index.js';
import { createLazyTeamsAdapter } from '../../../src/adapters/teams/lazy.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import type { ExpertsChannels } from '../../../src/catalog/schema.js';
import type { TeamsConfig } from '../../../src/config.js';
import { type Core, createCore } from '../../../src/core/core.js';
import {
  type RunningServer,
  type ServerLimits,
  startHttpServer,
} from '../../../src/http/server.js';
import { silentLogger } from '../../../src/logger.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

/**
 * The stand-in Bot Framework connector, where a local emulator is: `http://localhost:PORT`
 * (never the port our own server is on).
 */
export const SERVICE_URL = 'http://localhost:3978/';
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/teams');
const CASES_DIR = path.resolve(import.meta.dirname, '../../../cases');
export const NOW = new Date('2025-06-03T08:00:00Z');

export type Activity = Record<string, unknown>;

/** A fixture as Teams sent it, pointed at the stand-in connector unless told otherwise. */
export function fixture(name: string, serviceUrl = SERVICE_URL): Activity {
  const activity = JSON.parse(
    readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'),
  ) as Activity;
  return { ...activity, serviceUrl };
}

export interface Harness {
  readonly server: RunningServer;
  readonly adapter: TeamsAdapter;
  readonly store: MemoryStore;
  readonly core: Core;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTeams(
  options: {
    config?: TeamsConfig;
    wrapCore?: (core: Core) => Core;
    host?: string;
    /** The adapter `casebot serve` uses without credentials (botbuilder loaded on first use). */
    lazy?: boolean;
    /** The casebook to serve (the shipped one by default). */
    casesDir?: string;
    /** CASES_URL. */
    casesUrl?: string;
    /** EXPERTS_CHANNEL. */
    experts?: ExpertsChannels;
    /** The server's limits, where a test needs them small. */
    limits?: Partial<ServerLimits>;
    /** The clock and sleep of rate-limit waits (real ones by default). */
    waits?: TeamsAdapterDeps['waits'];
  } = {},
): Promise<Harness> {
  const catalog = await loadCatalog(options.casesDir ?? CASES_DIR);
  const store = new MemoryStore();
  const real = createCore({
    catalog,
    store,
    defaultLocale: 'en',
    now: () => NOW,
    random: () => 0,
    ...(options.experts && { experts: options.experts }),
  });
  const core = options.wrapCore ? options.wrapCore(real) : real;
  const logger = silentLogger();
  const adapter = (options.lazy ? createLazyTeamsAdapter : createTeamsAdapter)({
    config: options.config ?? {},
    core,
    store,
    logger,
    diagrams: DEFAULT_DIAGRAMS,
    now: () => NOW,
    ...(options.casesUrl && { casesUrl: options.casesUrl }),
    ...(options.waits && { waits: options.waits }),
  });
  await adapter.start();
  const server = await startHttpServer(
    {
      logger,
      adapters: [adapter],
      readiness: [],
      ...(options.limits && { limits: options.limits }),
    },
    0,
    options.host ?? '127.0.0.1',
  );
  return {
    server,
    adapter,
    store,
    core,
    post: (body, headers = {}) =>
      fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await server.close(1000);
      await adapter.stop();
    },
  };
}

/** Catches every activity casebot posts to the stand-in connector. */
export function connector(): { sent: { path: string; body: Activity }[]; scope: nock.Scope } {
  const sent: { path: string; body: Activity }[] = [];
  const scope = nock(SERVICE_URL)
    .persist()
    .post(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply((uri, body) => {
      sent.push({ path: decodeURIComponent(uri), body: body as Activity });
      return [200, { id: `reply-${sent.length}` }];
    });
  return { sent, scope };
}

/** The Adaptive Card of a posted activity. */
export function cardOf(activity: Activity): Record<string, unknown> {
  const attachments = activity.attachments as {
    contentType: string;
    content: Record<string, unknown>;
  }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no adaptive card in ${JSON.stringify(activity).slice(0, 200)}`);
  return card.content;
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
export function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

/**
 * POSTs an activity to `address:port` from that same (non-loopback) address, on a raw socket: the
 * server sees a client on another interface, and nock (which allows only loopback) stays out.
 * The forwarding headers claim loopback; they must not count.
 */
export function postFrom(address: string, port: number, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port, localAddress: address });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(received.split(' ')[1])));
    socket.write(
      [
        'POST /api/messages HTTP/1.1',
        `host: ${address}:${port}`,
        'content-type: application/json',
        'x-forwarded-for: 127.0.0.1',
        'forwarded: for=127.0.0.1',
        `content-length: ${Buffer.byteLength(text)}`,
        'connection: close',
        '',
        text,
      ].join('\r\n'),
    );
  });
}
