import path from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';
import {
  type Activity,
  cardOf,
  connector,
  fixture,
  type Harness,
  SERVICE_URL,
  startTeams,
} from '../adapters/teams/harness.js';

/*
 * "Ask a person" end to end on Teams: the real botbuilder adapter behind the real server, nock
 * as the Bot Framework connector.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const OWN = path.join(ROOT, 'test/fixtures/casebook-own');
const SEED = path.join(ROOT, 'cases');
const THREAD = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2;messageid=1748938442517';
const ASKER = '29:1Xq0mPYkzKq9Wd3vB8Ufz4cN2T7eR5sYhGJ6iL0oA';

let teams: Harness;
let out: ReturnType<typeof connector>['sent'] = [];
async function start(options: Parameters<typeof startTeams>[0]) {
  teams = await startTeams(options);
  out = connector().sent;
}
afterEach(async () => {
  nock.cleanAll();
  await teams?.close();
});

const inChannel = (text: string): Activity => ({
  ...fixture('channel-mention'),
  text: `<at>casebot</at> ${text}`,
});

/** Posts an activity as Teams would; what casebot sent to the connector in reply. */
async function post(activity: Activity) {
  const before = out.length;
  const res = await teams.post(activity);
  expect(res.status).toBe(200);
  return out.slice(before);
}

type Action = { type: string; title: string; data?: Record<string, unknown> };
function actionOf(card: Record<string, unknown>, casebot: string): Action {
  const actions: Action[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Submit') actions.push(o as unknown as Action);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  const found = actions.find((a) => a.data?.casebot === casebot);
  if (!found) throw new Error(`no ${casebot} button in ${JSON.stringify(card).slice(0, 300)}`);
  return found;
}

/** A press of a card button, as Teams sends it: the button's data as `value`, replying to the card. */
const pressOf = (
  action: Action,
  replyToId: string,
  from = fixture('channel-mention').from,
): Activity => ({
  ...fixture('submit-feedback'),
  id: `press-${Math.random().toString(36).slice(2)}`,
  from,
  replyToId,
  value: action.data,
  serviceUrl: SERVICE_URL,
});

describe('Ask a person on Teams, a team casebook with owners', () => {
  it('no match → Ask a person → the default owners mentioned by UPN in the thread, once', async () => {
    await start({ casesDir: OWN });
    const [answer] = await post(inChannel('how do we run chaos experiments on kafka'));
    const card = cardOf(answer!.body);
    const ask = actionOf(card, 'handoff');
    expect(ask.title).toBe('🙋 Ask a person');

    const sent = await post(pressOf(ask, 'reply-1'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toContain(`/v3/conversations/${THREAD}/activities`);
    const handoff = cardOf(sent[0]!.body) as { body: unknown; msteams?: { entities: unknown[] } };
    expect(cardSchemaErrors(handoff)).toEqual([]);
    const text = JSON.stringify(handoff.body);
    expect(text).toContain('<at>Wei Zhang</at> asked for a person');
    expect(text).toContain('<at>Platform team</at>, can you help?');
    expect(handoff.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Wei Zhang</at>', mentioned: { id: ASKER, name: 'Wei Zhang' } },
      {
        type: 'mention',
        text: '<at>Platform team</at>',
        mentioned: { id: 'platform-leads@example.com', name: 'Platform team' },
      },
    ]);

    const again = await post(pressOf(ask, 'reply-1', { id: '29:other', name: 'Li Na' }));
    expect(again).toHaveLength(1);
    expect(JSON.stringify(cardOf(again[0]!.body))).toContain(
      '<at>Wei Zhang</at> already asked for a person about this on {{DATE(',
    );
    expect(await teams.store.listHandoffs()).toHaveLength(1);
  });

  it('"Did you mean" → the case owner, by Entra object id', async () => {
    await start({ casesDir: OWN });
    const [answer] = await post(inChannel('ci pipeline trace'));
    const sent = await post(pressOf(actionOf(cardOf(answer!.body), 'handoff'), 'reply-1'));
    const handoff = cardOf(sent[0]!.body) as {
      msteams?: { entities: { mentioned: { id: string } }[] };
    };
    expect(handoff.msteams?.entities.map((e) => e.mentioned.id)).toEqual([
      ASKER,
      '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
    ]);
  });

  it('Mark answered updates the hand-off card in place', async () => {
    await start({ casesDir: OWN });
    const [answer] = await post(inChannel('quantum key distribution for our VPN'));
    const [posted] = await post(pressOf(actionOf(cardOf(answer!.body), 'handoff'), 'reply-1'));
    const updates: { path: string; body: Activity }[] = [];
    nock(SERVICE_URL)
      .put(/^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/)
      .reply((uri, body) => {
        updates.push({ path: decodeURIComponent(uri), body: body as Activity });
        return [200, { id: 'reply-2' }];
      });
    const mark = actionOf(cardOf(posted!.body), 'answered');
    const sent = await post(pressOf(mark, 'reply-2', { id: '29:dana', name: 'Dana Okafor' }));
    expect(sent).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.path).toBe(`/v3/conversations/${THREAD}/activities/reply-2`);
    const text = JSON.stringify(cardOf(updates[0]!.body).body);
    expect(text).toContain('Answered: marked by <at>Dana Okafor</at>');
    expect(text).not.toContain('"answered"');
  });
});

describe('Ask a person on Teams, the seed casebook (nobody named)', () => {
  it('with EXPERTS_CHANNEL: a new post in that channel with a link back, and a note in the thread', async () => {
    const experts = '19:experts0config@thread.tacv2';
    await start({ casesDir: SEED, experts: { teams: experts } });
    const [answer] = await post(inChannel('edge inference'));
    const created: Record<string, unknown>[] = [];
    nock(SERVICE_URL)
      .post('/v3/conversations')
      .reply((_uri, body) => {
        created.push(body as Record<string, unknown>);
        return [200, { id: `${experts};messageid=9`, activityId: '9' }];
      });
    const sent = await post(pressOf(actionOf(cardOf(answer!.body), 'handoff'), 'reply-1'));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      isGroup: true,
      channelData: {
        channel: { id: experts },
        tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      },
    });
    const post0 = JSON.stringify(cardOf(created[0]!.activity as Activity).body);
    expect(post0).toContain('<at>Wei Zhang</at> asked for a person');
    expect(post0).toContain(
      '[Asked here](https://teams.microsoft.com/l/message/19%3A9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e%40thread.tacv2/reply-1?tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47&parentMessageId=1748938442517)',
    );
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(cardOf(sent[0]!.body))).toContain(
      'I’ve asked the experts in their channel',
    );
  });

  it('without: in the thread, saying how to name an owner; a personal chat is told privately', async () => {
    await start({ casesDir: SEED });
    const [answer] = await post(inChannel('how do we run chaos experiments on kafka'));
    const ask = actionOf(cardOf(answer!.body), 'handoff');
    const [here] = await post(pressOf(ask, 'reply-1'));
    expect(JSON.stringify(cardOf(here!.body))).toContain('Nobody is named for this yet');

    const personal = fixture('personal-message');
    const [dm] = await post({
      ...pressOf(ask, 'reply-9'),
      conversation: personal.conversation,
      channelData: personal.channelData,
    });
    expect(JSON.stringify(cardOf(dm!.body))).toContain(
      'This is a private chat, and nobody is named',
    );
  });
});
