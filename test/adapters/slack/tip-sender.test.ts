import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatPoster } from '../../../src/adapters/slack/chat-post.js';
import { createSlackTipSender } from '../../../src/adapters/slack/tip-sender.js';
import { type Catalog, loadCatalog } from '../../../src/catalog/load.js';
import { createCore } from '../../../src/core/core.js';
import { silentLogger } from '../../../src/logger.js';
import { RateGate } from '../../../src/rate-gate.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Subscription } from '../../../src/store/store.js';
import { checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { API_ORIGIN, API_URL, parseApiBody } from './harness.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.resolve(import.meta.dirname, '../../../cases'));
});
/** Rate-limit waits the sender asked for (no real sleeping in tests). */
const waits: number[] = [];
afterEach(() => {
  nock.cleanAll();
  waits.length = 0;
});

function sender(apiUrl = API_URL) {
  const store = new MemoryStore();
  const core = createCore({
    catalog,
    store,
    defaultLocale: 'en',
    now: () => new Date(),
  });
  const post = chatPoster({ apiUrl, token: 'xoxb-test', timeoutMs: 5_000 });
  // A virtual clock: waits are recorded and pass at once.
  let clock = 0;
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  return createSlackTipSender({
    post,
    gate: new RateGate({ sleep, now: () => clock }),
    core,
    diagrams: DEFAULT_DIAGRAMS,
    logger: silentLogger(),
  });
}

const sub = (lang: 'en' | 'zh' = 'en'): Subscription => ({
  id: 'sub-1',
  platform: 'slack',
  workspaceId: 'T0001',
  channelId: 'C0TIPS',
  reference: null,
  time: '09:00',
  timeZone: 'UTC',
  lang,
  createdBy: 'U1',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  active: true,
});

describe('Slack tip sender', () => {
  it('posts the tip card with a "Read the case" button, after waiting out a 429', async () => {
    const bodies: ReturnType<typeof parseApiBody>[] = [];
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' })
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => {
        bodies.push(parseApiBody(body));
        return { ok: true, ts: '1.2' };
      });
    const tip = catalog.tips.find((t) => t.caseId)!;
    expect(await sender().send(sub('zh'), tip)).toEqual({ kind: 'sent' });
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([7_000]);
    const post = bodies[0]!;
    expect(post.channel).toBe('C0TIPS');
    expect(post.text).toContain(tip.text.zh.slice(0, 10));
    expect(JSON.stringify(post.blocks)).toContain('查看案例');
    expect(checkBlockKitLimits({ text: post.text, blocks: post.blocks! })).toEqual([]);
  });

  it.each(['channel_not_found', 'is_archived', 'account_inactive'])(
    'retires the subscription on %s',
    async (error) => {
      nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: false, error });
      expect(await sender().send(sub(), catalog.tips[0]!)).toEqual({
        kind: 'retire',
        reason: error,
      });
    },
  );

  it('tries again later when the bot is not in the channel', async () => {
    nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(200, { ok: false, error: 'not_in_channel' });
    expect(await sender().send(sub(), catalog.tips[0]!)).toEqual({
      kind: 'retry-later',
      reason: 'not_in_channel',
    });
  });

  it('throws (whether it was posted is unknown) when the connection resets, and sends it once', async () => {
    const scope = nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, ts: '1.2' });
    await expect(sender().send(sub(), catalog.tips[0]!)).rejects.toMatchObject({
      code: 'delivery_unknown',
    });
    expect(scope.pendingMocks()).toHaveLength(1); // the second post was never made
  });

  it('answers not-sent when the connection is refused (Slack never got it), so a later pass tries again', async () => {
    // A real refused connection on loopback: a port that was open a moment ago.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await sender(`http://127.0.0.1:${port}/api/`).send(sub(), catalog.tips[0]!)).toEqual({
      kind: 'not-sent',
      reason: 'ECONNREFUSED',
    });
    expect(waits).toEqual([250, 500]); // tried twice more, briefly: nothing could have arrived
  });

  it('does not wait out a long rate limit: not sent, so a later pass tries again', async () => {
    nock(API_ORIGIN).post('/api/chat.postMessage').reply(429, {}, { 'retry-after': '600' });
    expect(await sender().send(sub(), catalog.tips[0]!)).toEqual({
      kind: 'not-sent',
      reason: 'ratelimited',
    });
    expect(waits).toEqual([]);
  });
});
