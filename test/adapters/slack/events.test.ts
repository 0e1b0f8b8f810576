import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { allMrkdwn, checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { fixture, type Harness, startHarness, until } from './harness.js';

type EventBody = { event_id: string; event: Record<string, unknown>; [k: string]: unknown };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());

let counter = 0;
/** A fixture with a fresh event id (and optional changes to the event). */
function event(name: string, changes: Record<string, unknown> = {}): EventBody {
  const body = fixture<EventBody>(name);
  return {
    ...body,
    event_id: `${body.event_id}-${++counter}`,
    event: { ...body.event, ...changes },
  };
}

const posts = () => h.calls['chat.postMessage'] ?? [];

async function deliver(body: EventBody, headers?: Record<string, string>) {
  const res = await h.postJson(body, headers);
  expect(res.status).toBe(200);
  await h.settled();
}

describe('Slack events', () => {
  it('acks an event before its answer is posted: a slow chat.postMessage never holds the ack', async () => {
    const held = h.holdNext('chat.postMessage');
    const res = await h.postJson(event('app-mention.json'));
    expect(res.status).toBe(200);
    expect(held.isOpen, 'the ack waited for the answer to be posted').toBe(false);
    held.open();
    await h.settled();
    expect(posts()).toHaveLength(1);
  });

  it('answers a mention in its thread, visible to all', async () => {
    await deliver(event('app-mention.json'));
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!;
    expect(post.channel).toBe('C2147483705');
    expect(post.thread_ts).toBe('1515449438.000011');
    expect(checkBlockKitLimits({ text: post.text, blocks: post.blocks ?? [] })).toEqual([]);
    expect(JSON.stringify(post.blocks)).toContain('E-commerce platform');
    expect(JSON.stringify(post.blocks)).not.toContain('UBOT123');
  });

  it('starts a thread under a mention that is not in one', async () => {
    await deliver(event('app-mention.json', { thread_ts: undefined, text: '<@UBOT123> list' }));
    expect(posts()[0]?.thread_ts).toBe('1515449522.000016');
    expect(JSON.stringify(posts()[0]?.blocks)).toContain('AI inference');
  });

  it('answers a retried event only once', async () => {
    const body = event('app-mention.json');
    await deliver(body);
    await deliver(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await deliver(body, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    expect(posts()).toHaveLength(1);
  });

  it('still answers when the store cannot say whether the event is new (a rare duplicate beats silence)', async () => {
    const remember = vi
      .spyOn(h.store, 'rememberEvent')
      .mockRejectedValueOnce(new Error('database down'));
    try {
      await deliver(event('app-mention.json'));
      expect(remember).toHaveBeenCalledTimes(1);
      expect(posts()).toHaveLength(1);
    } finally {
      remember.mockRestore();
    }
  });

  it('answers two copies arriving at the same moment only once', async () => {
    const body = event('app-mention.json');
    await Promise.all([h.postJson(body), h.postJson(body, { 'x-slack-retry-num': '1' })]);
    await h.settled();
    expect(posts()).toHaveLength(1);
  });

  it('answers a direct message without a mention, in its language', async () => {
    await deliver(event('message-im.json'));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.channel).toBe('D024BE91L');
    expect(posts()[0]!.thread_ts).toBeUndefined();
    expect(JSON.stringify(posts()[0]!.blocks)).toContain('AI推理');
  });

  it('ignores other bots, itself, edits and deletions', async () => {
    await deliver(event('bot-message.json'));
    await deliver(event('message-changed.json'));
    await deliver(event('message-changed.json', { subtype: 'message_deleted' }));
    await deliver(event('message-im.json', { user: 'UBOT123' }));
    await deliver(event('message-im.json', { subtype: 'bot_message', bot_id: 'BBOT123' }));
    expect(posts()).toHaveLength(0);
  });

  it('does not answer another bot that @-mentions casebot (two bots would answer each other forever)', async () => {
    await deliver(
      event('app-mention.json', {
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
        app_id: 'A0OTHER',
        bot_profile: { id: 'B0OTHER', name: 'otherbot', app_id: 'A0OTHER', team_id: 'T0001' },
      }),
    );
    expect(posts()).toHaveLength(0);
    // The same mention from a person is answered.
    await deliver(event('app-mention.json'));
    expect(posts()).toHaveLength(1);
  });

  it('echoes nothing that could ping', async () => {
    await deliver(
      event('app-mention.json', {
        text: '<@UBOT123> <!channel> <!here> <@U999> &amp;lt;script&amp;gt; blah blah',
      }),
    );
    const post = posts()[0]!;
    for (const s of allMrkdwn({ text: post.text, blocks: post.blocks ?? [] }))
      expect(s).not.toMatch(/<[!@#]/);
    expect(post.text).not.toMatch(/<[!@#]/);
  });

  it('apologises for nothing in a channel when deciding about a message nobody addressed to it fails', async () => {
    const consider = vi.spyOn(h.core, 'consider').mockRejectedValue(new Error('boom'));
    try {
      await deliver(
        event('message-im.json', {
          channel: 'C2147483705',
          channel_type: 'channel',
          text: 'how do we survive flash sale traffic spikes?',
          ts: `${Math.floor(Date.now() / 1000)}.000100`,
        }),
      );
      expect(consider).toHaveBeenCalledOnce();
      expect(posts()).toHaveLength(0);
    } finally {
      consider.mockRestore();
    }
  });

  it('publishes the App Home', async () => {
    await deliver(event('app-home-opened.json'));
    const publish = h.calls['views.publish']?.[0] as {
      user_id: string;
      view: { type: string; blocks: unknown[] };
    };
    expect(publish.user_id).toBe('U2147483697');
    expect(publish.view.type).toBe('home');
    expect(checkBlockKitLimits(publish.view, 'view')).toEqual([]);
    expect(JSON.stringify(publish.view)).toContain('E-commerce platform');
  });

  it('sends the answer again without the image when Slack cannot download it', async () => {
    h.failNext('chat.postMessage', {
      body: {
        ok: false,
        error: 'invalid_blocks',
        errors: ['downloading image failed [json-pointer:/blocks/12/image_url]'],
      },
    });
    await deliver(event('app-mention.json', { text: '<@UBOT123> ecommerce architecture' }));
    expect(posts()).toHaveLength(2);
    expect(posts()[0]!.blocks?.some((b) => b.type === 'image')).toBe(true);
    expect(posts()[1]!.blocks?.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(posts()[1]!.blocks)).toContain('mermaid.live/edit');
  });

  it('apologises with the request id when answering fails, and keeps serving', async () => {
    h.failNext('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
    await deliver(event('app-mention.json'), { 'x-request-id': 'req-test-42' });
    await until(() => posts().length === 2, 5_000, 'the apology');
    expect(posts()[1]!.text).toContain('req-test-42');
    expect(posts()[1]!.thread_ts).toBe('1515449438.000011');
    await deliver(event('message-im.json'));
    expect(posts()).toHaveLength(3);
    const health = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });
});
