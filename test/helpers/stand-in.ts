import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in platform received. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * `raw`: sent as it is (not JSON); `hang`: never answered (until the stand-in closes); `reset`:
 * the connection is reset once the body is read (the platform may have taken it); `delayMs`:
 * answered that much later (a slow platform).
 */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body: unknown; delayMs?: number }
  | { status?: number; raw: string }
  | { hang: true }
  | { reset: true };

/**
 * A real HTTP server on loopback standing in for Slack's Web API and the Bot Framework
 * connector, for tests that run casebot as a separate process (nock cannot reach into it).
 */
export interface StandIn {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text);
  const form = Object.fromEntries(new URLSearchParams(text));
  for (const key of ['blocks', 'attachments']) {
    if (typeof form[key] === 'string') form[key] = JSON.parse(form[key] as string);
  }
  return form;
}

export async function startStandIn(
  route: (req: Received, count: number) => Reply | undefined,
): Promise<StandIn> {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const entry = { method: req.method ?? '', path, body, headers: req.headers };
    received.push(entry);
    const count = received.filter((r) => r.path === entry.path).length;
    const reply = route(entry, count) ?? { body: { ok: true } };
    if ('hang' in reply) return;
    if ('reset' in reply) return void req.socket.resetAndDestroy();
    if ('raw' in reply) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.raw);
      return;
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
