import path from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/index.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { createCore } from '../../../src/core/core.js';
import { startHttpServer } from '../../../src/http/server.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { API_URL, fixture, slashCommandBody, startHarness, until } from './harness.js';

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
  it('serves when the stand-in has no auth.test, and never holds an ack for the look-up', async () => {
    let clock = Date.now();
    const failedLookups: unknown[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          if (JSON.parse(line).msg === 'slack auth.test failed') failedLookups.push(line);
        }
        done();
      },
    });
    const h = await startHarness({
      authReply: { ok: false, error: 'unknown_method' },
      now: () => new Date(clock),
      logger: createLogger({ level: 'warn', destination }),
    });
    try {
      expect(h.adapter.ready()).toBe(true);
      // A minute later the identity is looked up again, in the background: held here, so the
      // look-up is still unfinished (nothing logged about it) when the ack arrives.
      clock += 61_000;
      const held = h.holdNext('auth.test');
      const res = await h.postJson(fixture('message-im.json'));
      expect(res.status).toBe(200);
      expect(failedLookups, 'the ack waited for auth.test').toEqual([]);
      await until(() => h.calls['auth.test']?.length === 2, 5_000, 'the second auth.test');
      held.open();
      await h.settled();
      expect(h.calls['chat.postMessage']).toHaveLength(1);
      await until(() => failedLookups.length === 1, 5_000, 'the look-up to end');

      // A slash command is acked by its listener, after authorize: the look-up must not hold it.
      clock += 61_000;
      const heldAgain = h.holdNext('auth.test');
      const command = await h.postForm(slashCommandBody({ text: 'help' }));
      expect(command.status).toBe(200);
      expect(failedLookups, 'the ack waited for auth.test').toHaveLength(1);
      expect(JSON.parse(await command.text())).toMatchObject({ response_type: 'ephemeral' });
      heldAgain.open();
      await h.settled();
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
