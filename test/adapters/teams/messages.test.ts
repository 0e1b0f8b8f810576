import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from './card-schema.js';
import { cardOf, connector, fixture, type Harness, SERVICE_URL, startTeams } from './harness.js';

let teams: Harness;
beforeAll(async () => {
  teams = await startTeams();
});
afterAll(() => teams.close());
afterEach(() => nock.cleanAll());

const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

describe('Teams messages through the real server (no credentials, loopback connector)', () => {
  it('answers a channel mention in the thread with a valid Adaptive Card', async () => {
    const { sent } = connector();
    const res = await teams.post(fixture('channel-mention'));
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    expect(reply!.path).toBe(
      `/v3/conversations/${CHANNEL};messageid=1748938442517/activities/1748938442517`,
    );
    expect(reply!.body).toMatchObject({ type: 'message', replyToId: '1748938442517' });
    const card = cardOf(reply!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('E-commerce platform');
    expect(json).toContain('99.99%');
    expect(json).toContain('"type":"Table"');
    expect(card.fallbackText).toMatch(/E-commerce platform/);
    expect(reply!.body.summary).toMatch(/E-commerce platform/);
    // The question the 👍/👎 carry is the one asked, without casebot's mention; Alice's name stays.
    expect(json).toContain('"query":"how do we survive flash sale traffic spikes? cc Alice Chen"');
    expect(json).not.toContain('<at>');
  });

  it('answers a Chinese question in Chinese, in personal chat without a mention', async () => {
    const { sent } = connector();
    const res = await teams.post(fixture('personal-message'));
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(card.lang).toBe('zh');
    expect(JSON.stringify(card)).toContain('电商平台');
    expect(JSON.stringify(card)).toContain('优化后');
  });

  it('lists the casebook on `list`', async () => {
    const { sent } = connector();
    const activity = fixture('channel-mention');
    await teams.post({ ...activity, text: '<at>casebot</at> list' });
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    for (const title of ['E-commerce platform', 'AI inference', 'Edge computing', 'Financial']) {
      expect(json).toMatch(new RegExp(title, 'i'));
    }
  });

  it('stays silent in a channel when casebot is not mentioned', async () => {
    const { sent } = connector();
    const activity = fixture('channel-mention');
    const res = await teams.post({
      ...activity,
      text: 'flash sale question for <at>Alice Chen</at>',
      entities: (activity.entities as { mentioned?: { name: string } }[]).filter(
        (e) => e.mentioned?.name !== 'casebot',
      ),
    });
    expect(res.status).toBe(200);
    expect(sent).toEqual([]);
  });

  it('records 👍 from an Action.Submit click and thanks in the card language', async () => {
    const { sent } = connector();
    const res = await teams.post(fixture('submit-feedback'));
    expect(res.status).toBe(200);
    const stats = await teams.store.stats();
    expect(stats.feedback).toEqual([{ caseId: 'ecommerce', helpful: 1, notHelpful: 0 }]);
    expect(JSON.stringify(cardOf(sent[0]!.body))).toContain('Thanks');
  });

  it('opens a focus view from a card button, in the language the button carries', async () => {
    const { sent } = connector();
    const click = fixture('submit-feedback');
    await teams.post({
      ...click,
      value: { casebot: 'show', caseId: 'finance', section: 'challenges', lang: 'zh' },
    });
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('技术挑战');
    expect(JSON.stringify(card)).toContain('📋 概要');
  });

  it('subscribes a channel with the conversation reference, tenant and kind', async () => {
    const { sent } = connector();
    await teams.post({
      ...fixture('channel-mention'),
      text: '<at>casebot</at> subscribe 09:30 Europe/Berlin',
    });
    const sub = await teams.store.getSubscription('teams', CHANNEL);
    expect(sub).toMatchObject({
      workspaceId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      time: '09:30',
      timeZone: 'Europe/Berlin',
      reference: {
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
        conversation: { id: CHANNEL, conversationType: 'channel' },
        bot: { id: '28:4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c' },
      },
    });
    expect((sub!.reference as Record<string, unknown>).activityId).toBeUndefined();
    expect(JSON.stringify(cardOf(sent[0]!.body))).toContain('Subscribed');
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus', 'Mars/Olympus'],
    ['5,000 characters', 'Mars/'.repeat(1000), 'Mars/Mars/Mars/'],
  ])(
    'subscribes at UTC, and says why, when Teams sends %s as the local time zone',
    async (_what, zone, echoed) => {
      const { sent } = connector();
      await teams.post({
        ...fixture('channel-mention'),
        text: '<at>casebot</at> subscribe 09:00',
        localTimezone: zone,
      });
      expect(await teams.store.getSubscription('teams', CHANNEL)).toMatchObject({
        time: '09:00',
        timeZone: 'UTC',
      });
      const card = cardOf(sent[0]!.body);
      expect(cardSchemaErrors(card)).toEqual([]);
      const json = JSON.stringify(card);
      expect(json).toContain('09:00 (UTC)');
      expect(json).toContain(`“${echoed}`);
      expect(json).toMatch(/not a time zone I know/);
      expect(json.length).toBeLessThan(10_000);
    },
  );

  it('keeps a Teams local time zone it knows, in its current name', async () => {
    connector();
    await teams.post({
      ...fixture('channel-mention'),
      text: '<at>casebot</at> subscribe 09:00',
      localTimezone: 'Asia/Calcutta',
    });
    expect(await teams.store.getSubscription('teams', CHANNEL)).toMatchObject({
      timeZone: 'Asia/Kolkata',
    });
  });

  it('welcomes when casebot is added to a team, and ignores other members joining', async () => {
    const { sent } = connector();
    expect((await teams.post(fixture('members-added'))).status).toBe(200);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('I’m casebot');
    const someoneElse = { ...fixture('members-added'), membersAdded: [{ id: '29:someone' }] };
    expect((await teams.post(someoneElse)).status).toBe(200);
    expect(sent).toHaveLength(1);
  });

  it('answers 200 and sends nothing for activities it does not handle', async () => {
    const { sent } = connector();
    const reaction = fixture('message-reaction');
    expect((await teams.post(reaction)).status).toBe(200);
    expect((await teams.post({ ...reaction, type: 'typing' })).status).toBe(200);
    expect(
      (await teams.post({ ...reaction, type: 'installationUpdate', action: 'add' })).status,
    ).toBe(200);
    expect(sent).toEqual([]);
  });
});
