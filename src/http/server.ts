import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import type { Logger } from '../logger.js';
import { BodyBudget, type BodyRefusal, closeUnread, readBody } from './request-body.js';
import type { HttpAdapter, ReadBody } from './types.js';

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

/**
 * What one replica accepts, chosen for Slack and Teams behind a load balancer. Slack and the Bot
 * Framework send small bodies (a few KB; Bot Framework activities stay well under 1 MiB) all at
 * once, and give up on an answer after 3 s (Slack) or 15 s (Teams); a load balancer keeps a
 * pool of keep-alive connections and closes those idle for 60 s (AWS ALB, ingress-nginx).
 */
export interface ServerLimits {
  /** Largest body of one request (bytes): 413 past it. */
  readonly bodyBytes: number;
  /**
   * Body bytes held across every request in flight, each until it has been handled: 503 past it
   * (see BodyBudget). Hundreds of Slack or Teams bodies; small enough that a flood of unfinished
   * bodies stays well inside the Deployment's 256 MiB (docs/benchmarks.md).
   */
  readonly bodyBudgetBytes: number;
  /** A body not complete this long after its headers is cut: 408, connection closed. */
  readonly bodyTimeoutMs: number;
  /**
   * A connection that has not sent a whole request head this long after it opened (or after it
   * started a new request) gets Node's 408 and is closed: silent sockets, half a request line.
   */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this; longer than the balancer's 60 s. */
  readonly keepAliveTimeoutMs: number;
  /** The whole request (head and body) must arrive within this; the backstop of the two above. */
  readonly requestTimeoutMs: number;
  /** Connections open at once; one past it is closed as it arrives. */
  readonly maxConnections: number;
  /** How often Node looks for connections past the header and request timeouts. */
  readonly timeoutCheckMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1024 * 1024,
  bodyBudgetBytes: 8 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 65_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1024,
  timeoutCheckMs: 2_000,
};

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly adapters: readonly HttpAdapter[];
  readonly readiness: readonly ReadinessCheck[];
  /** Absent (METRICS=off): `/metrics` is a 404 like any unknown path. */
  readonly metrics?: MetricsEndpoint;
  /** DEFAULT_LIMITS, with these replaced (tests make them small). */
  readonly limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Bytes of request bodies held right now (against `ServerLimits.bodyBudgetBytes`). */
  bodyBytesInFlight(): number;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes
   * idle and remaining connections.
   */
  close(graceMs: number): Promise<void>;
}

/** While draining, connections quiet for this long are closed (their clients have moved on). */
const DRAIN_QUIET_MS = 250;
/** A connection whose request body was left unread is closed this long after the answer. */
const UNREAD_LINGER_MS = 1_000;
/** Connections refused at the cap are logged at most this often (with how many there were). */
const DROP_LOG_EVERY_MS = 10_000;

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
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
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const bodyLimits = { maxBytes: limits.bodyBytes, timeoutMs: limits.bodyTimeoutMs };
  const budget = new BodyBudget(limits.bodyBudgetBytes);
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
    // Answered before its body was all read (refused, or a route that reads none): the rest is
    // not read, where Node would read and drop all of it. Registered after Node's own 'finish'
    // listener, which resumes an unread request.
    res.once('finish', () => closeUnread(req, UNREAD_LINGER_MS));
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
    /** Body bytes this request holds against the budget until it has been handled. */
    let held = 0;
    let reading: Promise<Buffer | null> | null = null;
    const body: ReadBody = () => {
      reading ??= readBody(req, bodyLimits, budget).then((outcome) => {
        if (outcome.ok) {
          held = outcome.body.length;
          return outcome.body;
        }
        refuseBody(req, res, requestId, url, outcome.refusal);
        return null;
      });
      return reading;
    };
    try {
      await adapter.handle(req, res, requestId, body);
    } catch (error) {
      // The adapters have their own error sinks; this is the last line of defence.
      logger.error({ err: error, requestId, route: url }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal_error', requestId });
      else if (!res.writableEnded) res.end();
    } finally {
      budget.give(held);
      inFlight--;
    }
  };

  /** A body not read: a JSON answer, a log line, and the connection freed of the rest. */
  const refuseBody = (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    route: string,
    refusal: BodyRefusal,
  ) => {
    logger.warn(
      {
        requestId,
        route,
        status: refusal.status,
        reason: refusal.error,
        received: refusal.received,
        bodyBytesInFlight: budget.inUse(),
      },
      'request body refused',
    );
    if (res.headersSent) return void req.socket.destroy();
    req.pause();
    const answer = { error: refusal.error, message: refusal.message, requestId };
    const headers: Record<string, string> =
      refusal.status === 503
        ? { 'retry-after': '1' }
        : refusal.status === 413
          ? {}
          : // A client this slow (or gone) is not waited for again on this connection.
            { connection: 'close' };
    json(res, refusal.status, answer, headers);
  };

  const server = createServer(
    { connectionsCheckingInterval: limits.timeoutCheckMs },
    (req, res) => {
      onRequest(req, res).catch((error) => {
        logger.error({ err: error }, 'unhandled request error');
        if (!res.headersSent) json(res, 500, { error: 'internal_error' });
      });
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.maxConnections = limits.maxConnections;
  let dropped = 0;
  let droppedLoggedAt = Number.NEGATIVE_INFINITY;
  server.on('drop', () => {
    dropped++;
    if (Date.now() - droppedLoggedAt < DROP_LOG_EVERY_MS) return;
    logger.warn(
      { dropped, maxConnections: limits.maxConnections },
      'connections refused: the server is at its connection limit',
    );
    dropped = 0;
    droppedLoggedAt = Date.now();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        inFlight: () => inFlight,
        bodyBytesInFlight: () => budget.inUse(),
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
