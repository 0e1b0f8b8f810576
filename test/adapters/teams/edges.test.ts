import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandIn } from '../../helpers/stand-in.js';
import { cardSchemaErrors } from './card-schema.js';
import { cardOf, connector, fixture, outsideAddress, postFrom, startTeams } from './harness.js';

interface SearchResult {
  contentType: string;
  content: { body: { text?: string; items?: { text?: string }[] }[] };
  preview: {
    contentType: string;
    content: { title: string; subtitle: string; images?: { url: string }[] };
  };
}
interface SearchResponse {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: SearchResult[];
    text?: string;
  };
}

afterEach(() => nock.cleanAll());

describe('Teams search messaging extension', () => {
  it('returns the one confident match as a preview and an Adaptive Card, in the HTTP response', async () => {
    const teams = await startTeams();
    const { sent } = connector();
    try {
      const res = await teams.post(fixture('compose-extension-query'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as SearchResponse;
      expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
      // "GPU inference cost" is confidently about one case only: no also-rans.
      expect(body.composeExtension.attachments.map((a) => a.preview.content.title)).toEqual([
        'AI inference',
      ]);
      const [first] = body.composeExtension.attachments;
      expect(first!.content.body[0]!.text).toBe('AI inference');
      expect(first!.preview).toMatchObject({
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: 'AI inference', subtitle: expect.stringContaining('★') },
      });
      expect(first!.preview.content.images![0]!.url).toMatch(/^https:\/\/mermaid\.ink\/img\//);
      for (const a of body.composeExtension.attachments)
        expect(cardSchemaErrors(a.content)).toEqual([]);
      expect(sent).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it('lists every case for an empty query, in casebook order, in the query language', async () => {
    const teams = await startTeams();
    try {
      const invoke = fixture('compose-extension-query');
      const value = { commandId: 'searchCases', parameters: [{ name: 'query', value: '' }] };
      const res = await teams.post({ ...invoke, value });
      const body = (await res.json()) as SearchResponse;
      const titles = body.composeExtension.attachments.map((a) => a.preview.content.title);
      expect(titles).toEqual(teams.core.catalog.cases.map((c) => c.title.en));
      const zh = await teams.post({
        ...invoke,
        value: { ...value, parameters: [{ name: 'query', value: '边缘计算' }] },
      });
      const zhBody = (await zh.json()) as SearchResponse;
      expect(zhBody.composeExtension.attachments[0]!.preview.content.title).toBe('边缘计算');
    } finally {
      await teams.close();
    }
  });
  it('answers a failing search with the apology in the invoke response', async () => {
    const teams = await startTeams({
      wrapCore: (core) => ({
        get catalog(): typeof core.catalog {
          throw new Error('catalog gone');
        },
        index: core.index,
        handle: (request) => core.handle(request),
        consider: (message) => core.consider(message),
        noteThread: (request, answer) => core.noteThread(request, answer),
      }),
    });
    try {
      const res = await teams.post(fixture('compose-extension-query'), {
        'x-request-id': 'req-me-1',
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as SearchResponse;
      expect(body.composeExtension).toMatchObject({ type: 'message' });
      expect(body.composeExtension.text).toContain('req-me-1');
    } finally {
      await teams.close();
    }
  });
});

describe('Teams transport and security', () => {
  it('refuses a foreign serviceUrl without credentials: 401 and no outbound call', async () => {
    const teams = await startTeams();
    const foreign = nock('https://smba.trafficmanager.net').persist().post(/.*/).reply(200, {});
    const { sent } = connector();
    try {
      const res = await teams.post(
        fixture('channel-mention', 'https://smba.trafficmanager.net/amer/'),
      );
      expect(res.status).toBe(401);
      const evil = await teams.post(fixture('personal-message', 'http://169.254.169.254/latest/'));
      expect(evil.status).toBe(401);
      const invoke = await teams.post(fixture('compose-extension-query', 'https://evil.example/'));
      expect(invoke.status).toBe(401);
      expect(foreign.isDone()).toBe(false);
      expect(sent).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it('without credentials, replies only to a local emulator’s exact origin: anything else is a 401 and no outbound call', async () => {
    // A real local service the bot must not be turned against.
    const local = await startStandIn(() => undefined);
    const port = new URL(local.url).port;
    const teams = await startTeams();
    // Anything casebot sends to its own port (one of the URLs below) shows up here.
    const toItself: string[] = [];
    teams.server.server.on('request', (req: { url?: string }) => {
      if (req.url !== '/api/messages') toItself.push(req.url ?? '');
    });
    try {
      for (const serviceUrl of [
        `http://127.0.0.1:${port}/internal/admin?x=`,
        `http://127.0.0.1:${port}/internal/admin`,
        `http://127.0.0.1:${port}/?x=`,
        `http://2130706433:${port}/`,
        `http://0x7f000001:${port}/`,
        `http://127.1:${port}/`,
        `http://localhost:${teams.server.port}/`,
      ]) {
        const res = await teams.post(fixture('personal-message', serviceUrl));
        expect(res.status, serviceUrl).toBe(401);
        expect(await res.json(), serviceUrl).toMatchObject({ error: 'unauthorized' });
      }
      expect(local.received).toEqual([]);
      expect(toItself).toEqual([]);
      // The exact origin is replied to, so the stand-in would have seen any post above.
      const ok = await teams.post(fixture('personal-message', `http://127.0.0.1:${port}`));
      expect(ok.status).toBe(200);
      expect(local.received.map((r) => r.path)).toEqual([
        expect.stringMatching(/^\/v3\/conversations\/[^/]+\/activities/),
      ]);
    } finally {
      await teams.close();
      await local.close();
    }
  });

  it('with TEAMS_DEV_SERVICE_URL, replies only to that origin', async () => {
    const teams = await startTeams({ config: { devServiceUrl: 'http://127.0.0.1:3978' } });
    const pinned = nock('http://127.0.0.1:3978')
      .post(/^\/v3\/conversations\//)
      .reply(200, { id: 'reply-1' });
    const { sent } = connector();
    try {
      expect((await teams.post(fixture('personal-message'))).status).toBe(401);
      expect(sent).toEqual([]);
      const res = await teams.post(fixture('personal-message', 'http://127.0.0.1:3978/'));
      expect(res.status).toBe(200);
      expect(pinned.isDone()).toBe(true);
    } finally {
      await teams.close();
    }
  });

  const outside = outsideAddress();
  it.skipIf(!outside).each([false, true])(
    'without credentials, answers only clients on this machine, judged by the socket (lazy: %s)',
    async (lazy) => {
      const teams = await startTeams({ host: '0.0.0.0', lazy });
      const { sent } = connector();
      try {
        const status = await postFrom(outside!, teams.server.port, fixture('personal-message'));
        expect(status).toBe(403);
        expect(sent).toEqual([]);
        expect((await teams.post(fixture('personal-message'))).status).toBe(200);
        expect(sent).toHaveLength(1);
      } finally {
        await teams.close();
      }
    },
  );

  it('without credentials, refuses a body that is not JSON (what a web page could send) with 415 and sends nothing', async () => {
    for (const lazy of [false, true]) {
      const teams = await startTeams({ lazy });
      const { sent } = connector();
      try {
        const body = JSON.stringify({ ...fixture('personal-message'), text: 'help' });
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
          const res = await teams.post(body, { 'content-type': type });
          expect(res.status, `${type} (lazy: ${lazy})`).toBe(415);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
        }
        expect(sent).toHaveLength(0);
        const ok = await teams.post(body, { 'content-type': 'application/json; charset=utf-8' });
        expect(ok.status).toBe(200);
        // Media types are case-insensitive.
        const upper = await teams.post(body, { 'content-type': 'Application/JSON' });
        expect(upper.status).toBe(200);
        expect(sent).toHaveLength(2);
      } finally {
        await teams.close();
        nock.cleanAll();
      }
    }
  });

  it('refuses an activity over 1 MiB with 413 and sends nothing', async () => {
    const teams = await startTeams();
    const { sent } = connector();
    try {
      const huge = {
        ...fixture('personal-message'),
        text: `flash sale ${'x'.repeat(1024 * 1024)}`,
      };
      const res = await teams.post(huge);
      expect(res.status).toBe(413);
      expect(sent).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it('answers 400 to a malformed body and keeps serving', async () => {
    const teams = await startTeams();
    const { sent } = connector();
    try {
      expect((await teams.post('{"type": "message", ')).status).toBe(400);
      expect((await teams.post('[1,2]')).status).toBe(400);
      expect((await teams.post({ text: 'no type' })).status).toBe(400);
      const ok = await teams.post({ ...fixture('personal-message'), text: 'help' });
      expect(ok.status).toBe(200);
      expect(sent).toHaveLength(1);
    } finally {
      await teams.close();
    }
  });

  it('with credentials, rejects an unauthenticated request with 401', async () => {
    const teams = await startTeams({
      config: {
        credentials: {
          appId: '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
          appPassword: 'not-a-real-secret',
          appType: 'SingleTenant',
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        },
      },
    });
    const { sent } = connector();
    try {
      const res = await teams.post(fixture('channel-mention'));
      expect(res.status).toBe(401);
      expect(sent).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it('apologises for nothing in a channel when deciding about a message nobody addressed to it fails', async () => {
    const teams = await startTeams({
      wrapCore: (core) => ({
        get catalog() {
          return core.catalog;
        },
        index: core.index,
        handle: (request) => core.handle(request),
        consider: async () => {
          throw new Error('boom');
        },
        noteThread: (request, answer) => core.noteThread(request, answer),
      }),
    });
    const { sent } = connector();
    try {
      const unaddressed = fixture('channel-mention');
      unaddressed.text = 'how do we survive flash sale traffic spikes?';
      unaddressed.entities = [];
      unaddressed.timestamp = new Date().toISOString();
      expect((await teams.post(unaddressed)).status).toBe(200);
      expect(sent).toEqual([]);
      // A mention still gets its answer.
      expect((await teams.post(fixture('channel-mention'))).status).toBe(200);
      expect(sent).toHaveLength(1);
    } finally {
      await teams.close();
    }
  });

  it('sends the apology with the request id when the core throws, and keeps serving', async () => {
    let fail = true;
    const teams = await startTeams({
      wrapCore: (core) => ({
        get catalog() {
          return core.catalog;
        },
        index: core.index,
        handle: async (request) => {
          if (fail) throw new Error('boom');
          return core.handle(request);
        },
        consider: (message) => core.consider(message),
        noteThread: (request, answer) => core.noteThread(request, answer),
      }),
    });
    const { sent } = connector();
    try {
      const res = await teams.post(fixture('channel-mention'), { 'x-request-id': 'req-teams-42' });
      expect(res.status).toBe(200);
      expect(sent).toHaveLength(1);
      const card = cardOf(sent[0]!.body);
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(JSON.stringify(card)).toContain('req-teams-42');
      const invoke = await teams.post(fixture('compose-extension-query'), {
        'x-request-id': 'req-43',
      });
      const body = (await invoke.json()) as SearchResponse;
      // The search needs no core.handle: it still answers.
      expect(body.composeExtension.type).toBe('result');
      fail = false;
      expect((await teams.post(fixture('personal-message'))).status).toBe(200);
      expect(sent).toHaveLength(2);
    } finally {
      await teams.close();
    }
  });
});
