import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ApiCall,
  fixture,
  type Harness,
  SECRET,
  slashCommandBody,
  startHarness,
  until,
} from '../adapters/slack/harness.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { checkBlockKitLimits } from '../render/blockkit-limits.js';

/*
 * "Ask a person" end to end on Slack: the real Bolt app behind the real server, requests signed
 * as Slack signs them, nock as Slack's Web API and response_url.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const OWN = path.join(ROOT, 'test/fixtures/casebook-own');
const SEED = path.join(ROOT, 'cases');
const ASKER = 'U2147483697';
const CHANNEL = 'C2147483705';
const THREAD = '1515449438.000011';
/** What the stand-in answers every chat.postMessage with. */
const POSTED_TS = '1700000000.000100';
const HOUR = 60 * 60_000;

type Block = {
  type: string;
  block_id?: string;
  elements?: {
    type?: string;
    action_id?: string;
    value?: string;
    negative_button?: { value?: string };
  }[];
};
type Message = { text?: string; blocks?: Block[] };

let h: Harness;
let offset = 0;
const clock = () => new Date(Date.now() + offset);

async function start(options: Parameters<typeof startHarness>[0]) {
  offset = 0;
  h = await startHarness({ now: clock, ...options });
}
afterEach(async () => {
  await h?.close();
});

/** POSTs a body signed at the test's clock (which may run ahead of the wall clock). */
async function send(body: string, type: 'application/json' | 'application/x-www-form-urlencoded') {
  const at = Math.floor(clock().getTime() / 1000);
  const res = await h.post(body, type, signedHeaders(SECRET, body, type, at));
  expect(res.status).toBe(200);
  return res;
}

let events = 0;
/** `@casebot TEXT` in the channel thread; the card casebot posted there. */
async function mention(text: string, user = ASKER): Promise<ApiCall> {
  const body = fixture<{ event_id: string; event: Record<string, unknown> }>('app-mention.json');
  const before = h.calls['chat.postMessage']?.length ?? 0;
  await send(
    JSON.stringify({
      ...body,
      event_id: `Ev-handoff-${++events}`,
      event: { ...body.event, user, text: `<@UBOT123> ${text}` },
    }),
    'application/json',
  );
  await h.settled();
  const posts = h.calls['chat.postMessage'] ?? [];
  expect(posts.length).toBe(before + 1);
  return posts[before]!;
}

/** `/case TEXT`: the ephemeral answer (inline or through the response_url). */
async function slash(text: string): Promise<Message> {
  const res = await send(slashCommandBody({ text }), 'application/x-www-form-urlencoded');
  const ack = await res.text();
  if (!ack) await until(() => h.responses.length > 0, 5_000, 'the response_url reply');
  await h.settled();
  return (ack ? JSON.parse(ack) : h.responses.at(-1)) as Message;
}

/** The press of a button by its action id; `👎` is the negative side of Slack's feedback buttons. */
function button(message: Message, prefix: string) {
  const elements = (message.blocks ?? []).flatMap((b) => b.elements ?? []);
  const found =
    prefix === '👎'
      ? elements
          .filter((e) => e.type === 'feedback_buttons')
          .map((e) => ({
            type: e.type,
            action_id: e.action_id,
            value: e.negative_button?.value,
          }))[0]
      : elements
          .filter((e) => e.action_id?.startsWith(prefix))
          .map((e) => ({ type: 'button', action_id: e.action_id, value: e.value }))[0];
  if (!found) throw new Error(`no ${prefix} button in ${JSON.stringify(message).slice(0, 400)}`);
  return found;
}

/** Presses a button of `message` as `user`: on a card everyone sees, or on an ephemeral one. */
async function press(
  message: Message,
  prefix: string,
  { user = ASKER, ephemeral = false, channel = CHANNEL } = {},
) {
  const b = button(message, prefix);
  const payload = {
    ...fixture<Record<string, unknown>>('block-actions.json'),
    user: { id: user, username: 'u', name: 'u', team_id: 'T0001' },
    channel: { id: channel, name: 'x' },
    container: {
      type: 'message',
      message_ts: POSTED_TS,
      channel_id: channel,
      is_ephemeral: ephemeral,
    },
    ...(ephemeral ? {} : { message: { ts: POSTED_TS, thread_ts: THREAD, text: '' } }),
    actions: [{ ...b, block_id: 'x' }],
  };
  await send(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
  await h.settled();
}

const posts = () => h.calls['chat.postMessage'] ?? [];
const json = (x: unknown) => JSON.stringify(x);

describe('Ask a person on Slack, a team casebook with owners', () => {
  it('no match → Ask a person → the casebook’s default owners are mentioned in the thread, once', async () => {
    await start({ casesDir: OWN });
    const card = await mention('how do we run chaos experiments on kafka');
    expect(json(card.blocks)).toContain('No case in the casebook is about');
    h.reset();
    await press(card, 'casebot.handoff');
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!;
    expect(post).toMatchObject({ channel: CHANNEL, thread_ts: THREAD });
    expect(checkBlockKitLimits(post as Message & { text: string; blocks: never[] })).toEqual([]);
    const text = json(post.blocks);
    expect(text).toContain(`<@${ASKER}> asked for a person`);
    expect(text).toContain('how do we run chaos experiments on kafka');
    expect(text).toContain('<!subteam^S0PLATFORM>, can you help?');
    expect(text).toContain('casebot.answered');

    // A second press, by someone else: no second hand-off; they are told who asked, and when.
    h.reset();
    await press(card, 'casebot.handoff', { user: 'U0OTHER01' });
    expect(posts()).toEqual([]);
    expect(h.responses).toHaveLength(1);
    expect(h.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(json(h.responses[0])).toMatch(
      new RegExp(`<@${ASKER}> already asked for a person about this on <!date\\^\\d+\\^`),
    );
    expect(await h.store.listHandoffs()).toHaveLength(1);
  });

  it('"Did you mean" → Ask a person → the owner of the case it led with', async () => {
    await start({ casesDir: OWN });
    const card = await mention('ci pipeline trace');
    expect(json(card.blocks)).toContain('Did you mean');
    h.reset();
    await press(card, 'casebot.handoff');
    const text = json(posts()[0]?.blocks);
    expect(text).toContain('Closest case: Distributed tracing for the checkout services');
    expect(text).toContain('<@U0DANA001>, can you help?');
    expect(text).not.toContain('S0PLATFORM');
  });

  it('/case, 👎, then Ask a person from the thanks: posted in the channel the command came from', async () => {
    await start({ casesDir: OWN });
    const answer = await slash('how do we rotate database passwords');
    expect(json(answer)).toContain('Rotating database secrets');
    h.reset();
    await press(answer, '👎', { ephemeral: true });
    const thanks = h.responses[0] as Message;
    expect(json(thanks)).toContain('Thanks for telling us');
    h.reset();
    await press(thanks, 'casebot.handoff', { ephemeral: true });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.channel).toBe(CHANNEL);
    expect(posts()[0]).not.toHaveProperty('thread_ts');
    expect(json(posts()[0]?.blocks)).toContain('<@U0SAM0001>, can you help?');
    const [down] = await h.store.listFeedback({ helpful: false });
    expect(down).toMatchObject({
      caseId: 'secrets-rotation',
      query: 'how do we rotate database passwords',
    });
  });

  it('from a direct message: into the casebook’s experts channel, mentioning the owners', async () => {
    await start({ casesDir: OWN });
    const answer = await slash('how do we rotate database passwords');
    h.reset();
    await press(answer, '👎', { ephemeral: true, channel: 'D0DIRECT1' });
    await press(h.responses[0] as Message, 'casebot.handoff', {
      ephemeral: true,
      channel: 'D0DIRECT1',
    });
    const [expertsPost, note] = posts();
    expect(expertsPost?.channel).toBe('C0EXPERTS');
    expect(json(expertsPost?.blocks)).toContain('<@U0SAM0001>, can you help?');
    expect(json(expertsPost?.blocks)).toContain('Asked in a private chat with casebot');
    expect(note?.channel).toBe('D0DIRECT1');
    expect(json(note?.blocks)).toContain('<#C0EXPERTS>');
  });

  it('Mark answered changes the post in place to say who marked it, and closes the hand-off', async () => {
    await start({ casesDir: OWN });
    const card = await mention('quantum key distribution for our VPN');
    await press(card, 'casebot.handoff');
    const post = posts().at(-1) as Message;
    h.reset();
    await press(post, 'casebot.answered', { user: 'U0DANA001' });
    expect(h.responses[0]).toMatchObject({ replace_original: true });
    expect(json(h.responses[0])).toContain('Answered: marked by <@U0DANA001>');
    expect(json(h.responses[0])).not.toContain('casebot.answered');
    expect(await h.store.listHandoffs({ open: true })).toEqual([]);
  });

  it('refuses a sixth hand-off within the hour, politely, and takes one an hour later', async () => {
    await start({ casesDir: OWN });
    const cards: ApiCall[] = [];
    for (const q of [
      'kafka chaos',
      'quantum vpn',
      'mainframe cobol',
      'fax gateway',
      'lunch menu',
      'office wifi',
      'parking',
    ]) {
      cards.push(await mention(q));
    }
    h.reset();
    for (const card of cards.slice(0, 5)) await press(card, 'casebot.handoff');
    expect(posts()).toHaveLength(5);
    h.reset();
    await press(cards[5]!, 'casebot.handoff');
    expect(posts()).toEqual([]);
    expect(json(h.responses[0])).toContain('5 times in the last hour');
    offset = HOUR;
    await press(cards[6]!, 'casebot.handoff');
    expect(posts()).toHaveLength(1);
  });
});

describe('Ask a person on Slack, the seed casebook (nobody named): the fallbacks', () => {
  it('with EXPERTS_CHANNEL: posted there with a link back, and a note in the thread', async () => {
    await start({ casesDir: SEED, experts: { slack: 'C0CONFIG1' } });
    const card = await mention('edge inference');
    expect(json(card.blocks)).toContain('Did you mean');
    h.reset();
    await press(card, 'casebot.handoff');
    const [expertsPost, note] = posts();
    expect(expertsPost?.channel).toBe('C0CONFIG1');
    const text = json(expertsPost?.blocks);
    expect(text).toContain(`<@${ASKER}> asked for a person`);
    expect(text).toContain(
      '<https://example.slack.com/archives/C2147483705/p1515449438000011|Asked here>',
    );
    expect(h.calls['chat.getPermalink']?.[0]).toMatchObject({
      channel: CHANNEL,
      message_ts: POSTED_TS,
    });
    expect(note).toMatchObject({ channel: CHANNEL, thread_ts: THREAD });
    expect(json(note?.blocks)).toContain('I’ve asked the experts in <#C0CONFIG1>');
  });

  it('without: in the thread for whoever knows, saying how to name an owner', async () => {
    await start({ casesDir: SEED });
    const card = await mention('how do we run chaos experiments on kafka');
    h.reset();
    await press(card, 'casebot.handoff');
    expect(posts()).toHaveLength(1);
    const text = json(posts()[0]?.blocks);
    expect(posts()[0]).toMatchObject({ channel: CHANNEL, thread_ts: THREAD });
    expect(text).toContain('Nobody is named for this yet');
    expect(text).not.toMatch(/<@U0|subteam/);
  });
});
