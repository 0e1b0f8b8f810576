import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { loadConfig } from '../../src/config.js';
import { type Logger, silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { type ApiCall, parseApiBody } from '../adapters/slack/harness.js';
import { signedHeaders } from '../adapters/slack/sign.js';

/**
 * casebot as `casebot serve` composes it (config → store → core → Slack and Teams adapters →
 * server, metrics on) with an injected clock, for the auto-answer end-to-end tests: nock stands in
 * for Slack's Web API and the Bot Framework connector (Teams without credentials, as the
 * Emulator uses it), and requests are signed as Slack signs them, at the clock's time.
 */
export const SECRET = 'auto-answer-e2e-secret';
export const SLACK_API = 'http://127.0.0.1:9';
export const CONNECTOR = 'http://localhost:3978';
export const BOT_USER = 'UBOT';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export function clock(start: Date): Clock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance(ms) {
      at += ms;
    },
  };
}

/** What the stand-ins received: Slack Web API calls by method, connector requests in order. */
export interface Platforms {
  readonly slack: Record<string, ApiCall[]>;
  readonly teams: { method: string; path: string; body: Record<string, unknown> }[];
  reset(): void;
}

/** Installs the stand-ins (until `nock.cleanAll()`). */
export function standIns(): Platforms {
  const slack: Record<string, ApiCall[]> = {};
  const teams: Platforms['teams'] = [];
  let ts = 0;
  nock(SLACK_API)
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply((uri, body) => {
      const method = uri.replace('/api/', '');
      const call = parseApiBody(body);
      slack[method] = [...(slack[method] ?? []), call];
      switch (method) {
        case 'auth.test':
          return [200, { ok: true, user_id: BOT_USER, bot_id: 'BBOT', team_id: 'T1' }];
        case 'chat.postMessage': {
          const posted = `1800000000.${String(++ts).padStart(6, '0')}`;
          // Recorded with the call: the `ts` Slack gave the message.
          (call as Record<string, unknown>).posted_ts = posted;
          return [200, { ok: true, ts: posted }];
        }
        case 'conversations.info':
          return [200, { ok: true, channel: { id: 'C1', is_member: true } }];
        default:
          return [200, { ok: true }];
      }
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply((_uri, body) => {
      // Recorded as `response_url`: what casebot answered through a command's or button's URL.
      slack.response_url = [...(slack.response_url ?? []), body as ApiCall];
      return [200, { ok: true }];
    });
  let id = 0;
  nock(CONNECTOR)
    .persist()
    .post(/^\/v3\/conversations\/.+$/)
    .reply((uri, body) => {
      teams.push({ method: 'POST', path: decodeURIComponent(uri), body: body as never });
      return [200, { id: `card-${++id}` }];
    })
    .delete(/^\/v3\/conversations\/.+$/)
    .reply((uri) => {
      teams.push({ method: 'DELETE', path: decodeURIComponent(uri), body: {} });
      return [200, {}];
    });
  return {
    slack,
    teams,
    reset() {
      for (const k of Object.keys(slack)) delete slack[k];
      teams.length = 0;
    },
  };
}

export interface RunningCasebot {
  readonly app: App;
  /** POSTs a signed Events API body; resolves once casebot has answered it (or not). */
  event(body: unknown): Promise<void>;
  /** `/case TEXT` in `channel`: the parsed ack (the answer itself, when ready in time). */
  slash(text: string, channel?: string, user?: string): Promise<Record<string, unknown>>;
  /** A click on a button of a message casebot posted (`message` as Slack echoes it). */
  click(
    button: { action_id: string; value: string },
    message: { ts: string; thread_ts?: string },
    user?: string,
  ): Promise<void>;
  /** POSTs a Teams activity. */
  teams(activity: unknown): Promise<void>;
  /** `/metrics`, as text. */
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

export async function startCasebot(options: {
  databaseUrl: string;
  clock: Clock;
  maxPerHour?: number;
  logger?: Logger;
}): Promise<RunningCasebot> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-auto',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${SLACK_API}/api/`,
    DATABASE_URL: options.databaseUrl,
    TIPS_SCHEDULER: 'off',
    ...(options.maxPerHour !== undefined && {
      AUTO_ANSWER_MAX_PER_HOUR: String(options.maxPerHour),
    }),
  });
  const app = await startApp({
    config,
    logger: options.logger ?? silentLogger(),
    now: options.clock.now,
  });
  const base = `http://127.0.0.1:${app.port}`;
  const settled = async () => {
    for (let i = 0; i < 400 && app.server.inFlight() > 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const slack = async (
    body: string,
    type: 'application/json' | 'application/x-www-form-urlencoded',
  ) => {
    const at = Math.floor(options.clock.now().getTime() / 1000);
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, type, at),
      body,
    });
    if (res.status !== 200) throw new Error(`slack answered ${res.status}: ${await res.text()}`);
    const text = await res.text();
    await settled();
    return text;
  };
  return {
    app,
    async event(body) {
      await slack(JSON.stringify(body), 'application/json');
    },
    async slash(text, channel = 'C1', user = 'U1') {
      const form = new URLSearchParams({
        team_id: 'T1',
        channel_id: channel,
        channel_name: 'ask-platform',
        user_id: user,
        command: '/case',
        text,
        api_app_id: 'A1',
        response_url: 'https://hooks.slack.com/commands/T1/1/auto',
        trigger_id: '1.2.3',
      }).toString();
      return JSON.parse(await slack(form, 'application/x-www-form-urlencoded'));
    },
    async click(button, message, user = 'U2') {
      const payload = {
        type: 'block_actions',
        user: { id: user, team_id: 'T1' },
        api_app_id: 'A1',
        team: { id: 'T1' },
        container: { type: 'message', message_ts: message.ts, channel_id: 'C1' },
        channel: { id: 'C1' },
        message: { type: 'message', user: BOT_USER, ...message },
        response_url: 'https://hooks.slack.com/actions/T1/1/auto',
        actions: [{ type: 'button', block_id: 'actions', ...button }],
      };
      await slack(
        `payload=${encodeURIComponent(JSON.stringify(payload))}`,
        'application/x-www-form-urlencoded',
      );
    },
    async teams(activity) {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (res.status !== 200) throw new Error(`teams answered ${res.status}: ${await res.text()}`);
      await settled();
    },
    metrics: async () => (await fetch(`${base}/metrics`)).text(),
    stop: () => app.stop(),
  };
}

/** The value of one series of `/metrics` (0 when absent). */
export function metric(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.split(' ').pop());
  }
  return 0;
}

export function teamsFixture(name: string): Record<string, unknown> {
  const activity = JSON.parse(readFileSync(path.join(FIXTURES, 'teams', `${name}.json`), 'utf8'));
  return { ...activity, serviceUrl: `${CONNECTOR}/` };
}
