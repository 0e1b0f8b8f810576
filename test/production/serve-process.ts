import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI, ROOT } from '../helpers/run-cli.js';

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

export interface ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  readonly url: string;
  /** Every JSON log line so far (stderr). */
  readonly logs: LogLine[];
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  readonly exited: Promise<number | null>;
}

/**
 * `node dist/cli.js serve` as a process, JSON logs on stderr (not a TTY), an empty stdin that is
 * closed at once (the server keeps running), port 0: the port is read from the
 * 'casebot is listening' log line. `fileSizeLimitKb` caps every file it writes (bash's
 * `ulimit -f`), as a full disk would.
 */
export async function startServe(
  env: Record<string, string>,
  options: { fileSizeLimitKb?: number } = {},
): Promise<ServeProcess> {
  const [command, args] =
    options.fileSizeLimitKb === undefined
      ? [process.execPath, [CLI, 'serve']]
      : [
          'bash',
          [
            '-c',
            'ulimit -f "$1" && shift && exec "$@"',
            'bash',
            String(options.fileSizeLimitKb),
            process.execPath,
            CLI,
            'serve',
          ],
        ];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'memory',
      TIPS_SCHEDULER: 'off',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  child.stdout.resume();
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const text = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        logs.push(JSON.parse(text) as LogLine);
      } catch {
        logs.push({ msg: text, raw: true });
      }
      newline = buffered.indexOf('\n');
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 15_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`no matching log line; got:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`),
        );
      }, timeoutMs);
      if (!check()) waiters.add(check);
      void exited.then(() => setTimeout(() => check(), 50));
    });

  const listening = await waitForLog((l) => l.msg === 'casebot is listening');
  const port = Number(listening.port);
  return { child, port, url: `http://127.0.0.1:${port}`, logs, waitForLog, exited };
}

/** A stand-in for Slack's Web API and response_urls: `{ok: true}` to everything, recorded. */
export async function startSlackStub(): Promise<{
  url: string;
  calls: { path: string; body: string }[];
  close(): Promise<void>;
}> {
  const calls: { path: string; body: string }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body });
      const text = JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team: 'test' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A `/case` slash command body and Slack's v0 signature headers for it. */
export function signedSlashCommand(
  secret: string,
  text: string,
  responseUrl: string,
  channelId = 'C0TEST',
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    team_id: 'T0TEST',
    team_domain: 'test',
    channel_id: channelId,
    channel_name: 'architecture',
    user_id: 'U0TEST',
    user_name: 'tester',
    command: '/case',
    text,
    api_app_id: 'A0TEST',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${signature}`,
    },
  };
}
