import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { createCore } from '../../../src/core/core.js';
import { silentLogger } from '../../../src/logger.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { API_ORIGIN, API_URL, type ApiCall, fixture, parseApiBody, until } from './harness.js';
import { type SocketModeServer, startSocketModeServer } from './socket-server.js';

/**
 * Socket Mode as Slack runs it: apps.connections.open (nock) hands out the URL of a local
 * WebSocket server that speaks Slack's envelopes; the real Bolt SocketModeReceiver connects,
 * and casebot's answers come back as acks (commands) and Web API calls (mentions).
 */
const APP_TOKEN = 'xapp-1-A0CASEBOT-1234-abcdef';

let slack: SocketModeServer;
let adapter: SlackAdapter;
const calls: Record<string, { body: ApiCall; authorization: string }[]> = {};
const posts = () => calls['chat.postMessage'] ?? [];

beforeAll(async () => {
  slack = await startSocketModeServer();
  const replies: Record<string, unknown> = {
    'apps.connections.open': { ok: true, url: slack.url },
    'auth.test': { ok: true, user_id: 'UBOT123', bot_id: 'BBOT123', team_id: 'T0001' },
    'chat.postMessage': { ok: true, channel: 'C2147483705', ts: '1515449600.000100' },
  };
  nock(API_ORIGIN)
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply(function reply(uri, body) {
      const method = uri.replace('/api/', '');
      const authorization = String(this.req.headers.authorization ?? '');
      calls[method] = [...(calls[method] ?? []), { body: parseApiBody(body), authorization }];
      return [200, (replies[method] ?? { ok: false, error: 'unknown_method' }) as nock.Body];
    });
  const catalog = await loadCatalog(path.resolve(import.meta.dirname, '../../../cases'));
  const store = new MemoryStore();
  const now = () => new Date();
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', appToken: APP_TOKEN, apiUrl: API_URL },
    core: createCore({ catalog, store, defaultLocale: 'en', now }),
    store,
    logger: silentLogger(),
    diagrams: DEFAULT_DIAGRAMS,
    now,
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  nock.cleanAll();
});
beforeEach(() => {
  delete calls['chat.postMessage'];
});

describe('Socket Mode answering', () => {
  it('opens the connection with the app-level token and is ready once Slack says hello', () => {
    expect(calls['apps.connections.open']).toHaveLength(1);
    expect(calls['apps.connections.open']![0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(slack.connections).toBe(1);
    expect(adapter.ready()).toBe(true);
  });

  it('answers a slash command in its ack: the ephemeral card for that question', async () => {
    const form = new URLSearchParams(
      readFileSync(path.resolve(import.meta.dirname, '../../fixtures/slack/slash-command.txt'), {
        encoding: 'utf8',
      }),
    );
    form.set('text', 'ecommerce');
    const ack = await slack.deliver('slash_commands', Object.fromEntries(form), 'env-command-1');
    expect(ack.envelope_id).toBe('env-command-1');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack.payload!.text)).toContain('E-commerce platform');
    expect(JSON.stringify(ack.payload!.blocks)).toContain('E-commerce platform');
    expect(posts()).toEqual([]);
  });

  it('acks a mention at once and answers it in its thread with chat.postMessage', async () => {
    const ack = await slack.deliver('events_api', fixture('app-mention.json'), 'env-mention-1');
    expect(ack).toEqual({ envelope_id: 'env-mention-1', payload: {} });
    await until(() => posts().length === 1, 5_000, 'the answer to the mention');
    const [post] = posts();
    expect(post!.authorization).toBe('Bearer xoxb-test-token');
    expect(post!.body).toMatchObject({ channel: 'C2147483705', thread_ts: '1515449438.000011' });
    expect(JSON.stringify(post!.body.blocks)).toContain('E-commerce platform');
  });

  it('answers a mention Slack delivers twice (a retry on a new envelope) only once', async () => {
    const body = { ...fixture('app-mention.json'), event_id: 'Ev0SOCKETRETRY' };
    await slack.deliver('events_api', body, 'env-retry-1');
    await until(() => posts().length === 1, 5_000, 'the answer to the mention');
    await slack.deliver('events_api', body, 'env-retry-2');
    // A later mention in another thread, answered after the copy: the copy had its chance.
    const later = fixture<{ event: Record<string, unknown> }>('app-mention.json');
    await slack.deliver(
      'events_api',
      {
        ...later,
        event_id: 'Ev0SOCKETLATER',
        event: { ...later.event, thread_ts: '1515449999.000001' },
      },
      'env-later-1',
    );
    await until(() => posts().length >= 2, 5_000, 'the answer to the later mention');
    expect(posts().map((p) => p.body.thread_ts)).toEqual([
      '1515449438.000011',
      '1515449999.000001',
    ]);
  });

  it('acks another workspace’s mention and answers nothing, as over HTTP', async () => {
    const other = {
      ...fixture('app-mention.json'),
      event_id: 'Ev0SOCKETFOREIGN',
      team_id: 'T0OTHER',
      authorizations: [{ team_id: 'T0OTHER', user_id: 'UBOT999', is_bot: true }],
    };
    const ack = await slack.deliver('events_api', other, 'env-foreign-1');
    expect(ack).toEqual({ envelope_id: 'env-foreign-1', payload: {} });
    // Its own workspace's next mention is answered, and is the only answer.
    const ours = { ...fixture('app-mention.json'), event_id: 'Ev0SOCKETOURS' };
    await slack.deliver('events_api', ours, 'env-ours-1');
    await until(() => posts().length === 1, 5_000, 'the answer to our mention');
    expect(posts()).toHaveLength(1);
  });
});
