import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from './card-schema.js';
import {
  type Activity,
  connector,
  fixture,
  type Harness,
  SERVICE_URL,
  startTeams,
} from './harness.js';

let teams: Harness;
beforeAll(async () => {
  teams = await startTeams();
});
afterAll(() => teams.close());
afterEach(() => nock.cleanAll());

const PRESSER = '29:1Xq0mPYkzKq9Wd3vB8Ufz4cN2T7eR5sYhGJ6iL0oA';
const PERSONAL = 'a:1pB7xQ9vZk3mN5rT8wY2cF6hJ0lS4dG7aE1uI3oK9qW5eR';

interface InvokeReply {
  statusCode: number;
  type: string;
  value: Record<string, unknown> & {
    refresh?: { action: { type: string; data: unknown }; userIds: string[] };
  };
}

/**
 * Presses an `Action.Execute` button: the invoke Teams sends. Nothing may reach the connector (no
 * new message, no update of the card for everyone): the answer is the HTTP response.
 */
async function press(
  data: Record<string, unknown>,
  where: 'channel' | 'personal' = 'channel',
): Promise<{ status: number; body: InvokeReply }> {
  const { sent } = connector();
  const updates: string[] = [];
  nock(SERVICE_URL)
    .persist()
    .put(/.*/)
    .reply((uri) => {
      updates.push(uri);
      return [200, {}];
    });
  const activity: Activity = fixture('card-action');
  const value = activity.value as { action: Record<string, unknown> };
  const invoke = {
    ...activity,
    value: { ...value, action: { ...value.action, verb: String(data.casebot), data } },
    ...(where === 'personal' && {
      conversation: { conversationType: 'personal', tenantId: 't', id: PERSONAL },
    }),
  };
  const res = await teams.post(invoke);
  expect(sent).toEqual([]);
  expect(updates).toEqual([]);
  return { status: res.status, body: (await res.json()) as InvokeReply };
}

describe('Teams: a button press changes the card in place (Action.Execute)', () => {
  it.each([
    ['en', 'architecture', 'Open the diagram in the editor'],
    ['zh', 'challenges', '技术挑战'],
  ] as const)(
    '%s: a view button returns the %s view as the new card, kept for the presser only',
    async (lang, section, said) => {
      const data = { casebot: 'show', caseId: 'ecommerce', section, lang };
      const { status, body } = await press(data);
      expect(status).toBe(200);
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = body.value;
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(card.version).toBe('1.5');
      expect(card.lang).toBe(lang);
      expect(JSON.stringify(card.body)).toContain(said);
      expect(JSON.stringify(card.body)).toContain(lang === 'zh' ? '📋 概要' : '📋 Summary');
      // The presser's view survives a refresh on their other clients; nobody else's changes.
      expect(card.refresh?.userIds).toEqual([PRESSER]);
      expect(card.refresh?.action).toMatchObject({ type: 'Action.Execute', data });
    },
  );

  it('in personal chat the card itself changes the same way', async () => {
    const { body } = await press(
      { casebot: 'show', caseId: 'edge', section: 'solutions', lang: 'en' },
      'personal',
    );
    expect(cardSchemaErrors(body.value)).toEqual([]);
    expect(JSON.stringify(body.value.body)).toContain('🛠️ Solutions');
  });

  it.each(['en', 'zh'] as const)(
    '%s: a "Did you mean" choice returns the other case',
    async (lang) => {
      const { body } = await press({ casebot: 'show', caseId: 'finance', section: null, lang });
      expect(JSON.stringify(body.value.body)).toContain(lang === 'zh' ? '金融系统' : 'Financial');
    },
  );

  it.each([
    ['en', true, 'Glad it helped'],
    ['zh', false, '感谢反馈'],
  ] as const)(
    '%s: 👍/👎 is recorded and the same view comes back with the thanks',
    async (lang, helpful, said) => {
      const before = (await teams.store.stats()).feedback;
      const { body } = await press({
        casebot: 'feedback',
        caseId: 'ai-inference',
        helpful,
        query: 'GPU cost',
        section: 'metrics',
        lang,
      });
      const after = (await teams.store.stats()).feedback.find((f) => f.caseId === 'ai-inference')!;
      const was = before.find((f) => f.caseId === 'ai-inference') ?? { helpful: 0, notHelpful: 0 };
      expect(helpful ? after.helpful - was.helpful : after.notHelpful - was.notHelpful).toBe(1);
      const json = JSON.stringify(body.value.body);
      expect(json).toContain(said);
      expect(json).not.toContain('"casebot":"feedback"');
      // After a 👎 the question can still go to a person; a 👍 needs nobody.
      expect(json.includes('"casebot":"handoff"')).toBe(!helpful);
      expect(cardSchemaErrors(body.value)).toEqual([]);
      // A refresh shows the view again; it never votes a second time.
      expect(body.value.refresh?.action.data).toMatchObject({
        casebot: 'show',
        caseId: 'ai-inference',
      });
    },
  );

  it('an "ask" button (the case list) answers with that card, in place', async () => {
    const { body } = await press({ casebot: 'ask', text: 'list', lang: 'en' });
    expect(cardSchemaErrors(body.value)).toEqual([]);
    expect(JSON.stringify(body.value.body)).toContain('The casebook');
  });

  it('a press that is not one of ours, or has no action, is refused with a 400; the bot goes on', async () => {
    const forged = await press({ casebot: 'show', caseId: '../../etc/passwd', lang: 'en' });
    expect(forged.status).toBe(400);
    expect(forged.body.type).toBe('application/vnd.microsoft.error');
    const activity = fixture('card-action');
    const res = await teams.post({ ...activity, value: { trigger: 'manual' } });
    expect(res.status).toBe(400);
    const ok = await press({ casebot: 'show', caseId: 'ecommerce', section: null, lang: 'en' });
    expect(ok.status).toBe(200);
  });
});

describe('Teams: a press that fails', () => {
  it('is apologised for beside the card (which stays), with the request id; the bot goes on', async () => {
    const failing = await startTeams({
      wrapCore: (core) => ({
        ...core,
        catalog: core.catalog,
        index: core.index,
        handle: async () => {
          throw new Error('store exploded');
        },
      }),
    });
    try {
      const { sent } = connector();
      const res = await failing.post(fixture('card-action'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { statusCode: number; type: string; value: string };
      expect(body.type).toBe('application/vnd.microsoft.activity.message');
      expect(body.value).toMatch(/sorry/i);
      expect(sent).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});
