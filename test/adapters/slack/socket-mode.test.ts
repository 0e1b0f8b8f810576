import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/index.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { createCore } from '../../../src/core/core.js';
import { startHttpServer } from '../../../src/http/server.js';
import { silentLogger } from '../../../src/logger.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { API_URL, fixture, startHarness } from './harness.js';

describe('Socket Mode', () => {
  it('builds without a signing secret, is not ready before start, and does not serve /slack/events', async () => {
    const catalog = await loadCatalog(path.resolve(import.meta.dirname, '../../../cases'));
    const store = new MemoryStore();
    const now = () => new Date();
    const core = createCore({
      catalog,
      store,
      defaultLocale: 'en',
      now,
    });
    const logger = silentLogger();
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: API_URL },
      core,
      store,
      logger,
      diagrams: DEFAULT_DIAGRAMS,
      now,
    });
    expect(adapter.ready()).toBe(false);
    const server = await startHttpServer(
      { logger, adapters: [adapter], readiness: [] },
      0,
      '127.0.0.1',
    );
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(404);
    } finally {
      await server.close(100);
    }
  });

  it('refuses HTTP mode without a signing secret', () => {
    expect(() =>
      createSlackAdapter({
        config: { botToken: 'xoxb-test' },
        core: {} as never,
        store: new MemoryStore(),
        logger: silentLogger(),
        diagrams: DEFAULT_DIAGRAMS,
        now: () => new Date(),
      }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('start-up token check', () => {
  it('serves (and acks at once) when the stand-in has no auth.test', async () => {
    const h = await startHarness({ authReply: { ok: false, error: 'unknown_method' } });
    try {
      expect(h.adapter.ready()).toBe(true);
      const started = performance.now();
      const res = await h.postJson(fixture('message-im.json'));
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1_000);
      await h.settled();
      expect(h.calls['chat.postMessage']).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('refuses to start with a token Slack rejects', async () => {
    await expect(startHarness({ authReply: { ok: false, error: 'invalid_auth' } })).rejects.toThrow(
      /invalid_auth/,
    );
    nock.cleanAll();
  });
});
