import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/store/store.js';
import { cardSchemaErrors } from './card-schema.js';
import { cardOf, connector, fixture, type Harness, SERVICE_URL, startTeams } from './harness.js';

const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

let teams: Harness;
let sub: Subscription;
beforeAll(async () => {
  teams = await startTeams();
  connector();
  await teams.post({
    ...fixture('channel-mention'),
    text: '<at>casebot</at> 订阅 08:00 Asia/Shanghai zh',
  });
  nock.cleanAll();
  sub = (await teams.store.getSubscription('teams', CHANNEL))!;
});
afterAll(() => teams.close());
afterEach(() => nock.cleanAll());

describe('Teams TipSender (proactive tips)', () => {
  it('posts the tip as a new message in the channel: a valid Adaptive Card with "Read the case"', async () => {
    const { sent } = connector();
    const tip = teams.core.catalog.tips.find((t) => t.caseId === 'ecommerce')!;
    expect(sub.lang).toBe('zh');
    await expect(teams.adapter.tipSender.send(sub, tip)).resolves.toEqual({ kind: 'sent' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(sent[0]!.body.replyToId).toBeUndefined();
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('每日技巧');
    const row = (card.body as { type: string; actions?: unknown[] }[]).find(
      (e) => e.type === 'ActionSet',
    ) as {
      actions: unknown[];
    };
    expect(row.actions[0]).toEqual(
      expect.objectContaining({
        type: 'Action.Execute',
        title: '📘 查看案例',
        data: expect.objectContaining({ caseId: 'ecommerce' }),
        fallback: expect.objectContaining({ type: 'Action.Submit' }),
      }),
    );
  });

  it('posts a new message even when the stored reference names a message (never a reply under it)', async () => {
    const { sent } = connector();
    // A reference as botbuilder's getConversationReference gives it: with the message's id.
    const reference = { ...(sub.reference as object), activityId: '1748938442517' };
    const outcome = await teams.adapter.tipSender.send(
      { ...sub, reference },
      teams.core.catalog.tips[0]!,
    );
    expect(outcome).toEqual({ kind: 'sent' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(sent[0]!.body).not.toHaveProperty('replyToId');
  });

  it('retires a conversation casebot was removed from; throws on a server error (posted or not is unknown)', async () => {
    const tip = teams.core.catalog.tips[0]!;
    nock(SERVICE_URL)
      .post(/\/activities$/)
      .reply(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    await expect(teams.adapter.tipSender.send(sub, tip)).resolves.toMatchObject({ kind: 'retire' });
    nock(SERVICE_URL)
      .post(/\/activities$/)
      .reply(501, 'not implemented');
    await expect(teams.adapter.tipSender.send(sub, tip)).rejects.toMatchObject({
      code: 'delivery_unknown',
    });
    nock.cleanAll();
    nock(SERVICE_URL)
      .post(/\/activities$/)
      .reply(403, { error: { code: 'Forbidden' } });
    await expect(teams.adapter.tipSender.send(sub, tip)).resolves.toMatchObject({
      kind: 'retry-later',
    });
  });

  it('without credentials, never posts to a non-loopback service URL', async () => {
    const foreign = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});
    const reference = {
      ...(sub.reference as object),
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
    };
    const outcome = await teams.adapter.tipSender.send(
      { ...sub, reference },
      teams.core.catalog.tips[0]!,
    );
    expect(outcome).toMatchObject({ kind: 'retire' });
    expect(foreign.isDone()).toBe(false);
    await expect(
      teams.adapter.tipSender.send({ ...sub, reference: null }, teams.core.catalog.tips[0]!),
    ).resolves.toMatchObject({
      kind: 'retire',
    });
  });
});
