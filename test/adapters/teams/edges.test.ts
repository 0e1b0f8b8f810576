import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from './card-schema.js';
import { cardOf, connector, fixture, startTeams } from './harness.js';

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
  it('returns previews and Adaptive Cards, best match first, in the HTTP response', async () => {
    const teams = await startTeams();
    const { sent } = connector();
    try {
      const started = performance.now();
      const res = await teams.post(fixture('compose-extension-query'));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(res.status).toBe(200);
      const body = (await res.json()) as SearchResponse;
      expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
      const [first, ...rest] = body.composeExtension.attachments;
      expect(first!.content.body[0]!.text).toBe('AI inference');
      expect(first!.preview).toMatchObject({
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: 'AI inference', subtitle: expect.stringContaining('★') },
      });
      expect(first!.preview.content.images![0]!.url).toMatch(/^https:\/\/mermaid\.ink\/img\//);
      expect(rest.length).toBeLessThan(10);
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
