import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ID,
  type BotFramework,
  CONNECTOR_AUDIENCE,
  credentialsConfig,
  standInBotFramework,
  TEAMS_SERVICE_URL,
} from './bot-framework.js';
import { cardSchemaErrors } from './card-schema.js';
import { cardOf, fixture, type Harness, startTeams } from './harness.js';

/**
 * Teams as it runs in production: an app id and secret, every activity carrying a Bot Framework
 * token, every reply carrying casebot's own token from Entra ID. The Bot Framework's keys, the
 * token endpoint and the connector are stood in (bot-framework.ts); botbuilder does the rest.
 */
const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

let teams: Harness;
let bf: BotFramework;
beforeAll(async () => {
  teams = await startTeams({ config: credentialsConfig });
});
afterAll(() => teams.close());
beforeEach(() => {
  bf = standInBotFramework();
  // botbuilder prints refused tokens with console.error; the assertions say what was refused.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  nock.cleanAll();
  vi.restoreAllMocks();
});

const activity = (name: string, changes: Record<string, unknown> = {}) => ({
  ...fixture(name, TEAMS_SERVICE_URL),
  ...changes,
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface SearchResponse {
  composeExtension: { type: string; attachments: { preview: { content: { title: string } } }[] };
}

describe('Teams with credentials', () => {
  it('answers a signed activity, replying with a token for the connector issued to its app id', async () => {
    const res = await teams.post(activity('channel-mention'), bearer(bf.channelToken()));
    expect(res.status).toBe(200);
    expect(bf.refused).toEqual([]);
    expect(bf.posts).toHaveLength(1);
    const [reply] = bf.posts;
    expect(reply!.path).toBe(
      `/amer/v3/conversations/${CHANNEL};messageid=1748938442517/activities/1748938442517`,
    );
    expect(reply!.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const card = cardOf(reply!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('E-commerce platform');
    expect(bf.tokenRequests).not.toHaveLength(0);
    for (const request of bf.tokenRequests) {
      expect(request).toMatchObject({
        grant_type: 'client_credentials',
        client_id: APP_ID,
        scope: `${CONNECTOR_AUDIENCE}/.default`,
      });
    }
  });

  it.each([
    ['a token for another app id', { audience: '0d5c1a2b-9e8f-4a7b-8c6d-5e4f3a2b1c0d' }],
    ['an expired token', { expiresInSeconds: -15 * 60 }],
    ['a token for another service URL', { serviceUrl: 'https://evil.example/amer/' }],
  ])('refuses %s with 401 and sends nothing', async (_name, options) => {
    const res = await teams.post(activity('channel-mention'), bearer(bf.channelToken(options)));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    expect(bf.posts).toEqual([]);
    expect(bf.refused).toEqual([]);
  });

  it('refuses a token signed with a key the Bot Framework never published with 401 and sends nothing', async () => {
    const forged = bf.channelToken({ foreignKey: true });
    const res = await teams.post(activity('channel-mention'), bearer(forged));
    expect(res.status).toBe(401);
    expect(bf.posts).toEqual([]);
    expect(bf.tokenRequests).toEqual([]);
  });

  it('refuses an activity without a token with 401, even from a local emulator’s service URL', async () => {
    const res = await teams.post(fixture('personal-message'));
    expect(res.status).toBe(401);
    expect(bf.posts).toEqual([]);
  });

  it('answers a signed search invoke in the HTTP response, and refuses an unsigned one', async () => {
    const invoke = activity('compose-extension-query');
    const unsigned = await teams.post(invoke);
    expect(unsigned.status).toBe(401);
    const expired = await teams.post(invoke, bearer(bf.channelToken({ expiresInSeconds: -900 })));
    expect(expired.status).toBe(401);

    const res = await teams.post(invoke, bearer(bf.channelToken()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchResponse;
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachments.map((a) => a.preview.content.title)).toEqual([
      'AI inference',
    ]);
    expect(bf.posts).toEqual([]);
  });

  it('posts a proactive tip with its own token into a channel that subscribed', async () => {
    const subscribe = activity('channel-mention', {
      text: '<at>casebot</at> subscribe 08:00 Asia/Shanghai',
    });
    expect((await teams.post(subscribe, bearer(bf.channelToken()))).status).toBe(200);
    const sub = await teams.store.getSubscription('teams', CHANNEL);
    expect(sub).toMatchObject({ time: '08:00', timeZone: 'Asia/Shanghai', active: true });
    bf.posts.length = 0;

    const tip = teams.core.catalog.tips.find((t) => t.caseId === 'finance')!;
    await expect(teams.adapter.tipSender.send(sub!, tip)).resolves.toEqual({ kind: 'sent' });
    expect(bf.refused).toEqual([]);
    expect(bf.posts).toHaveLength(1);
    expect(bf.posts[0]!.path).toBe(`/amer/v3/conversations/${CHANNEL}/activities`);
    expect(bf.posts[0]!.authorization).toMatch(/^Bearer /);
    const card = cardOf(bf.posts[0]!.body);
    expect(JSON.stringify(card)).toContain(tip.text.en.slice(0, 40));
  });
});
