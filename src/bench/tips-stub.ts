import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API for the tips bench, in its own process: every
 * `chat.postMessage` is answered after DELAY_MS (Slack's own time, as seen from a pod); between
 * LIMIT_FROM_MS and LIMIT_FROM_MS + LIMIT_FOR_MS after the first post it answers 429 with
 * `Retry-After: RETRY_AFTER_S` instead (Slack's workspace limit, for a while). `GET /stats`
 * counts the posts taken, per channel (a channel posted twice is a double). Prints
 * `{"port": N}` on stdout.
 */
const DELAY_MS = Number(process.env.DELAY_MS ?? 100);
const LIMIT_FROM_MS = Number(process.env.LIMIT_FROM_MS ?? 0);
const LIMIT_FOR_MS = Number(process.env.LIMIT_FOR_MS ?? 0);
const RETRY_AFTER_S = Number(process.env.RETRY_AFTER_S ?? 1);

const perChannel = new Map<string, number>();
let refused = 0;
let firstPost = 0;
let lastPost = 0;

const IDENTITY = JSON.stringify({
  ok: true,
  team_id: 'T0BENCH',
  user_id: 'U0BOT',
  bot_id: 'B0BOT',
});

function stats(): string {
  let doubles = 0;
  let posted = 0;
  for (const n of perChannel.values()) {
    posted += n;
    doubles += n - 1;
  }
  return JSON.stringify({
    posted,
    channels: perChannel.size,
    doubles,
    refused,
    spanMs: lastPost - firstPost,
  });
}

function answer(
  res: import('node:http').ServerResponse,
  status: number,
  body: string,
  headers = {},
) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/stats') return answer(res, 200, stats());
    if (!req.url?.endsWith('/chat.postMessage')) return answer(res, 200, IDENTITY);
    const now = Date.now();
    firstPost ||= now;
    const text = Buffer.concat(chunks).toString('utf8');
    const channel = (req.headers['content-type'] ?? '').includes('json')
      ? String((JSON.parse(text) as { channel?: unknown }).channel)
      : String(new URLSearchParams(text).get('channel'));
    const since = now - firstPost;
    const limited = since >= LIMIT_FROM_MS && since < LIMIT_FROM_MS + LIMIT_FOR_MS;
    setTimeout(() => {
      if (limited) {
        refused += 1;
        return answer(res, 429, JSON.stringify({ ok: false, error: 'ratelimited' }), {
          'retry-after': String(RETRY_AFTER_S),
        });
      }
      perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
      lastPost = Date.now();
      answer(res, 200, JSON.stringify({ ok: true, channel, ts: '1700000000.000100' }));
    }, DELAY_MS);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
