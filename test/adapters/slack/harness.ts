import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterDeps,
} from '../../../src/adapters/slack/index.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import type { ExpertsChannels } from '../../../src/catalog/schema.js';
import { type Core, createCore } from '../../../src/core/core.js';
import {
  type RunningServer,
  type ServerLimits,
  startHttpServer,
} from '../../../src/http/server.js';
import { type Logger, silentLogger } from '../../../src/logger.js';
import { DEFAULT_DIAGRAMS, type DiagramOptions } from '../../../src/render/diagram.js';
import type { SemanticRanking } from '../../../src/search/hybrid.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { signedHeaders } from './sign.js';

export const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const API_ORIGIN = 'http://127.0.0.1:9';
export const API_URL = `${API_ORIGIN}/api/`;
export const HOOKS = 'https://hooks.slack.com';
export const BOT_USER = 'UBOT123';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/slack');

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

/** The real slash-command form body with some fields replaced. */
export function slashCommandBody(fields: Record<string, string>): string {
  const form = new URLSearchParams(readFileSync(path.join(FIXTURES, 'slash-command.txt'), 'utf8'));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form.toString();
}

/** `/case TEXT` to a casebot listening on `port`, as Slack sends it: a form body signed with SECRET. */
export function postSlashCommand(port: number, text: string): Promise<Response> {
  const body = slashCommandBody({ text });
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
    body,
  });
}

/** A Web API call as Slack's stand-in received it (form fields, `blocks` parsed). */
export interface ApiCall {
  readonly [field: string]: unknown;
  readonly channel?: string;
  readonly thread_ts?: string;
  readonly text?: string;
  readonly blocks?: { type: string; [k: string]: unknown }[];
}

export function parseApiBody(body: unknown): ApiCall {
  const fields: Record<string, unknown> =
    typeof body === 'string'
      ? Object.fromEntries(new URLSearchParams(body))
      : { ...(body as object) };
  for (const key of ['blocks', 'view', 'prompts', 'unfurls']) {
    if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key] as string);
  }
  return fields as ApiCall;
}

/** Polls until `done()` (no fixed sleeps); fails after `timeoutMs`. */
export async function until(
  done: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface CannedReply {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  /** Answer only after this many milliseconds (a slow Slack). */
  readonly delayMs?: number;
  /** Answer only once this settles (a Slack that is slow for as long as the test says). */
  readonly until?: Promise<unknown>;
  /**
   * Fail on the network instead of answering: `ECONNRESET` after reading the body (Slack may
   * have it: the call is recorded), or `ECONNREFUSED` (it never arrived: not recorded).
   */
  readonly error?: 'ECONNRESET' | 'ECONNREFUSED';
}

/** A held reply: the call waits until the test opens the gate (or 10 s pass, so nothing hangs). */
export interface Gate {
  open(): void;
  /** Whether the call may have been answered: false means it is still held. */
  readonly isOpen: boolean;
}

const GATE_SAFETY_MS = 10_000;

function gate(): Gate & { readonly opened: Promise<void> } {
  let open = () => {};
  let isOpen = false;
  const opened = new Promise<void>((resolve) => {
    open = () => {
      isOpen = true;
      clearTimeout(safety);
      resolve();
    };
  });
  const safety = setTimeout(open, GATE_SAFETY_MS);
  return {
    opened,
    open: () => open(),
    get isOpen() {
      return isOpen;
    },
  };
}

/** A network error as Node reports it, with its `code`. */
function networkError(code: string): Error {
  return Object.assign(new Error(code === 'ECONNRESET' ? 'socket hang up' : `connect ${code}`), {
    code,
  });
}

export interface Harness {
  readonly adapter: SlackAdapter;
  readonly server: RunningServer;
  readonly store: MemoryStore;
  /** The core the adapter calls (spy on `handle` to see whether a request reached it). */
  readonly core: Core;
  readonly url: string;
  /** Web API calls by method name, in order. */
  readonly calls: Record<string, ApiCall[]>;
  /** The methods of all Web API calls, in the order they came in. */
  readonly sequence: string[];
  /** response_url posts, in order (refused ones included). */
  readonly responses: Record<string, unknown>[];
  /** Waits the adapter asked for (rate limits, reconnects), in ms; none is really slept. */
  readonly sleeps: number[];
  /** Make the next call of `method` (or `response_url`) answer this (once each), maybe late. */
  failNext(method: string, reply: CannedReply): void;
  /**
   * Holds the answer to the next call of `method` (or `response_url`) until the gate opens: the
   * usual answer, or `reply`.
   */
  holdNext(method: string, reply?: CannedReply): Gate;
  /** POSTs `body` (a string goes as UTF-8; bytes go as they are), signed over those bytes. */
  post(
    body: string | Uint8Array,
    contentType: 'application/json' | 'application/x-www-form-urlencoded',
    headers?: Record<string, string>,
  ): Promise<Response>;
  postJson(body: unknown, headers?: Record<string, string>): Promise<Response>;
  postForm(body: string, headers?: Record<string, string>): Promise<Response>;
  /** Forgets the recorded Web API calls and response_url posts (between tests). */
  reset(): void;
  /** Resolves when every request (and the work after its ack) is finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The real Bolt app behind the real HTTP server on port 0, nock standing in for Slack. */
export async function startHarness(
  options: {
    now?: () => Date;
    authReply?: Record<string, unknown>;
    diagrams?: DiagramOptions;
    logger?: Logger;
    /** The casebook to serve (the shipped one by default). */
    casesDir?: string;
    /** Search by meaning (embeddings); a slow one makes answers slow. */
    semantic?: SemanticRanking;
    /** CASES_URL. */
    casesUrl?: string;
    /** EXPERTS_CHANNEL. */
    experts?: ExpertsChannels;
    /** Web API answers besides the defaults (method → body, or a function of the call). */
    replies?: Record<string, unknown | ((call: ApiCall) => unknown)>;
    /** The server's limits, where a test needs them small. */
    limits?: Partial<ServerLimits>;
    /** The clock and sleep of rate-limit waits (by default a virtual clock, recorded in `sleeps`). */
    waits?: SlackAdapterDeps['waits'];
  } = {},
): Promise<Harness> {
  const calls: Record<string, ApiCall[]> = {};
  const sequence: string[] = [];
  const responses: Record<string, unknown>[] = [];
  const failures: Record<string, CannedReply[]> = {};
  const ok: Record<string, unknown> = {
    'auth.test': options.authReply ?? {
      ok: true,
      user_id: BOT_USER,
      bot_id: 'BBOT123',
      team: 'Example',
      team_id: 'T0001',
    },
    'chat.postMessage': { ok: true, channel: 'C2147483705', ts: '1700000000.000100' },
    'views.publish': { ok: true },
    'conversations.info': { ok: true, channel: { id: 'C2147483705', is_member: true } },
    'users.info': { ok: true, user: { id: 'U2147483697', tz: 'Europe/Berlin' } },
    'assistant.threads.setSuggestedPrompts': { ok: true },
    'assistant.threads.setStatus': { ok: true },
    'chat.unfurl': { ok: true },
    'chat.update': { ok: true },
    'chat.getPermalink': {
      ok: true,
      channel: 'C2147483705',
      permalink: 'https://example.slack.com/archives/C2147483705/p1515449438000011',
    },
    ...options.replies,
  };
  nock(API_ORIGIN)
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply((uri, body, callback) => {
      const method = uri.replace('/api/', '');
      sequence.push(method);
      const failure = failures[method]?.shift();
      if (failure?.error !== 'ECONNREFUSED') {
        calls[method] = [...(calls[method] ?? []), parseApiBody(body)];
      }
      if (failure?.error) {
        callback(networkError(failure.error), [0, '']);
        return;
      }
      if (!failure) {
        const answer = ok[method] ?? { ok: false, error: 'unknown_method' };
        const reply = typeof answer === 'function' ? answer(calls[method]!.at(-1)) : answer;
        callback(null, [200, reply as nock.Body]);
        return;
      }
      const canned: nock.ReplyFnResult = [
        failure.status ?? 200,
        failure.body as nock.Body,
        failure.headers ?? {},
      ];
      void Promise.resolve(failure.until).then(() =>
        setTimeout(() => callback(null, canned), failure.delayMs ?? 0),
      );
    });
  nock(HOOKS)
    .persist()
    .post(/.*/)
    .reply((_uri, body, callback) => {
      const failure = failures.response_url?.shift();
      if (failure?.error !== 'ECONNREFUSED') {
        responses.push(
          typeof body === 'string' ? JSON.parse(body) : (body as Record<string, unknown>),
        );
      }
      if (failure?.error) return callback(networkError(failure.error), [0, '']);
      if (!failure) return callback(null, [200, { ok: true }]);
      void Promise.resolve(failure.until).then(() =>
        callback(null, [failure.status ?? 200, failure.body as nock.Body, failure.headers ?? {}]),
      );
    });

  const catalog = await loadCatalog(
    options.casesDir ?? path.resolve(import.meta.dirname, '../../../cases'),
  );
  const store = new MemoryStore();
  const now = options.now ?? (() => new Date());
  const core = createCore({
    catalog,
    store,
    defaultLocale: 'en',
    now,
    ...(options.semantic && { semantic: options.semantic }),
    ...(options.experts && { experts: options.experts }),
  });
  const logger = options.logger ?? silentLogger();
  const sleeps: number[] = [];
  let virtualMs = 0;
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret: SECRET, apiUrl: API_URL },
    core,
    store,
    logger,
    diagrams: options.diagrams ?? DEFAULT_DIAGRAMS,
    now,
    ...(options.casesUrl && { casesUrl: options.casesUrl }),
    // Rate-limit and reconnect waits are recorded, not slept: a virtual clock moves instead.
    waits: options.waits ?? {
      now: () => virtualMs,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        virtualMs += ms;
      },
    },
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
    '127.0.0.1',
  );
  const url = `http://127.0.0.1:${server.port}/slack/events`;

  const post = (
    body: string | Uint8Array,
    contentType: 'application/json' | 'application/x-www-form-urlencoded',
    headers = {},
  ) =>
    fetch(url, {
      method: 'POST',
      body,
      headers: { ...signedHeaders(SECRET, body, contentType), ...headers },
    });
  return {
    adapter,
    server,
    store,
    core,
    url,
    calls,
    sequence,
    responses,
    sleeps,
    failNext(method, reply) {
      failures[method] = [...(failures[method] ?? []), reply];
    },
    holdNext(method, reply) {
      const held = gate();
      const body = reply?.body ?? (method === 'response_url' ? { ok: true } : ok[method]);
      failures[method] = [...(failures[method] ?? []), { ...reply, body, until: held.opened }];
      return held;
    },
    post,
    postJson: (body, headers) => post(JSON.stringify(body), 'application/json', headers),
    postForm: (body, headers) => post(body, 'application/x-www-form-urlencoded', headers),
    reset() {
      responses.length = 0;
      sequence.length = 0;
      sleeps.length = 0;
      for (const k of Object.keys(calls)) delete calls[k];
    },
    settled: () => until(() => server.inFlight() === 0, 10_000, 'requests in flight'),
    async close() {
      await server.close(1_000);
      await adapter.stop();
      nock.cleanAll();
    },
  };
}
