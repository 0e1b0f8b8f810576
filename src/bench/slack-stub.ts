import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API and for `response_url`s, on loopback: `{ok: true}` (with a bot
 * identity, for `auth.test`) to every request; `GET /stats` counts the answers posted to
 * `/commands/…`. Its own process, so its CPU is not counted against the server under test.
 * Prints `{"port": N}` on stdout.
 */
const BODY = JSON.stringify({
  ok: true,
  url: 'https://bench.slack.com/',
  team: 'bench',
  team_id: 'T0BENCH',
  user: 'casebot',
  user_id: 'U0BOT',
  bot_id: 'B0BOT',
  channel: 'C0BENCH',
  ts: '1700000000.000100',
});

/** Answers posted to `response_url`s (the bench checks every command got one). */
let responses = 0;
const server = createServer((req, res) => {
  const body = req.method === 'GET' && req.url === '/stats' ? JSON.stringify({ responses }) : BODY;
  if (req.url?.startsWith('/commands/')) responses++;
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
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
