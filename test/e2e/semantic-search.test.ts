import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { API_ORIGIN, API_URL, postSlashCommand, SECRET } from '../adapters/slack/harness.js';
import { type EmbeddingsStandIn, startEmbeddingsStandIn } from '../helpers/fake-embeddings.js';
import { moved, scrape, series } from '../metrics/scrape.js';

/**
 * Semantic search through the composition root: `/case` as Slack sends it, the real server, and
 * a local OpenAI-compatible embeddings stand-in (a bag-of-concepts "model").
 */
const MISSED_BY_WORDS = 'our storefront melts when the crowds arrive';
const FALLBACKS = 'casebot_embeddings_fallbacks_total';

let service: EmbeddingsStandIn;
const apps: App[] = [];

async function start(env: Record<string, string>): Promise<App> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: API_URL,
    TIPS_SCHEDULER: 'off',
    ...env,
  });
  const app = await startApp({ config, logger: silentLogger(), store: new MemoryStore() });
  apps.push(app);
  return app;
}

/** `/case TEXT`; the answer is the ack itself. */
async function slash(app: App, text: string): Promise<string> {
  const res = await postSlashCommand(app.port, text);
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  nock(API_ORIGIN)
    .persist()
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: 'UBOT123', bot_id: 'BBOT123', team_id: 'T0001' });
  service = await startEmbeddingsStandIn();
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await service.close();
  nock.cleanAll();
});

describe('semantic search end to end', () => {
  it('is off by default: nothing is sent, the question finds nothing, nothing is counted', async () => {
    const app = await start({});
    expect(await slash(app, MISSED_BY_WORDS)).toContain('No case in the casebook is about');
    expect(service.received).toEqual([]);
    expect([...(await scrape(app.port)).keys()].some((k) => k.startsWith(FALLBACKS))).toBe(false);
  });

  it('answers a question by meaning, and lexically (counted) while the service fails', async () => {
    const app = await start({
      EMBEDDINGS_URL: `${service.url}/v1`,
      EMBEDDINGS_MODEL: 'fake-concepts',
      EMBEDDINGS_API_KEY: 'sk-e2e',
      EMBEDDINGS_TIMEOUT_MS: '300',
    });
    // Answered lexically until the case vectors are ready, then by meaning.
    await vi.waitFor(
      async () => expect(await slash(app, MISSED_BY_WORDS)).toContain('E-commerce platform'),
      { timeout: 10_000, interval: 50 },
    );
    expect(service.received[0]!.headers.authorization).toBe('Bearer sk-e2e');

    const before = await scrape(app.port);
    service.behaviour = 'error';
    const answer = await slash(app, '顾客太多网站卡死');
    expect(answer).toContain('案例库里没有关于');
    expect(moved(before, await scrape(app.port), FALLBACKS)).toEqual({
      [series(FALLBACKS, { reason: 'http_error' })]: 1,
    });
    service.behaviour = 'ok';
    expect(await slash(app, '顾客太多网站卡死')).toContain('电商平台');
  });
});
