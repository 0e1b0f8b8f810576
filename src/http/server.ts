import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import type { Logger } from '../logger.js';
import type { HttpAdapter } from './types.js';

/**
 * `node:http` as its CommonJS module: an ESM `import` of it reads every export, and one of them
 * (`WebSocket`) loads Node's bundled undici, ~40 ms and ~13 MB RSS that nothing here uses
 * (nodejs/node#57649).
 */
const { createServer } = process.getBuiltinModule('node:http');

export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

/** The Prometheus exposition behind `GET /metrics`. */
export interface MetricsEndpoint {
  readonly contentType: string;
  render(): Promise<string>;
}

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly adapters: readonly HttpAdapter[];
  readonly readiness: readonly ReadinessCheck[];
  /** Absent (METRICS=off): `/metrics` is a 404 like any unknown path. */
  readonly metrics?: MetricsEndpoint;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Requests being handled right now. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes
   * idle and remaining connections.
   */
  close(graceMs: number): Promise<void>;
}

/** While draining, connections quiet for this long are closed (their clients have moved on). */
const DRAIN_QUIET_MS = 250;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function serveMetrics(res: ServerResponse, metrics: MetricsEndpoint): Promise<void> {
  const text = await metrics.render();
  res.writeHead(200, {
    'content-type': metrics.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** One server, one port: Slack, Teams, health, readiness and metrics. */
export function startHttpServer(
  deps: HttpServerDeps,
  port: number,
  host: string,
): Promise<RunningServer> {
  const { logger } = deps;
  const routes = new Map(deps.adapters.map((a) => [a.path, a]));
  let inFlight = 0;
  let closing = false;
  let lastRequestAt = 0;

  const readiness = async () => {
    const results = await Promise.all(
      deps.readiness.map(async (r) => {
        try {
          return [r.name, await r.check()] as const;
        } catch {
          return [r.name, false] as const;
        }
      }),
    );
    return Object.fromEntries(results) as Record<string, boolean>;
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    lastRequestAt = Date.now();
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && url === '/healthz') return json(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url === '/readyz') {
      const checks = await readiness();
      const ok = !closing && Object.values(checks).every(Boolean);
      return json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', closing, checks });
    }
    if (req.method === 'GET' && url === '/metrics' && deps.metrics) {
      return serveMetrics(res, deps.metrics);
    }
    const adapter = routes.get(url);
    if (!adapter) return json(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return json(res, 405, { error: 'method_not_allowed' });
    }
    // While shutting down, a request that still arrives on an open connection is served,
    // and the client is told to reconnect (to another replica).
    if (closing) res.setHeader('connection', 'close');
    inFlight++;
    try {
      await adapter.handle(req, res, requestId);
    } catch (error) {
      // The adapters have their own error sinks; this is the last line of defence.
      logger.error({ err: error, requestId, route: url }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal_error', requestId });
      else if (!res.writableEnded) res.end();
    } finally {
      inFlight--;
    }
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error) => {
      logger.error({ err: error }, 'unhandled request error');
      if (!res.headersSent) json(res, 500, { error: 'internal_error' });
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        inFlight: () => inFlight,
        async close(graceMs) {
          closing = true;
          // Stop accepting connections but keep the open keep-alive ones for now: a request a
          // client has already put on one is served (with `Connection: close`) instead of being
          // reset. (http.Server#close would drop idle keep-alive connections at once, racing
          // with requests already on the wire.)
          const closed = new Promise<void>((done) =>
            NetServer.prototype.close.call(server, () => done()),
          );
          const deadline = Date.now() + graceMs;
          while (
            Date.now() < deadline &&
            (inFlight > 0 || Date.now() - lastRequestAt < DRAIN_QUIET_MS)
          ) {
            await new Promise((r) => setTimeout(r, 20));
          }
          server.closeAllConnections();
          await closed;
        },
      });
    });
  });
}
