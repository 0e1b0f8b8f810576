import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CannedReply, fixture, type Harness, startHarness, until } from './harness.js';

/**
 * A post that may have reached Slack is never sent again: when Slack's endpoint resets the
 * connection after reading the message, answers 500 or times out, nobody can tell whether the
 * message is in the channel, so casebot neither re-sends it nor posts an apology next to it.
 * Only a failure that proves Slack took nothing (the connection refused, a 429 with
 * Retry-After, Slack's own `ok: false`) is tried again, or apologised for.
 */
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
function event(name: string, changes: Record<string, unknown> = {}): EventBody {
  const body = fixture<EventBody>(name);
  return {
    ...body,
    event_id: `${body.event_id}-ndp-${++counter}`,
    event: { ...body.event, ...changes },
  };
}

const posts = () => h.calls['chat.postMessage'] ?? [];
const apologies = () => posts().filter((p) => String(p.text).includes('request id'));
const answers = () => posts().filter((p) => !String(p.text).includes('request id'));

async function deliver(body: EventBody): Promise<void> {
  const res = await h.postJson(body);
  expect(res.status).toBe(200);
  await h.settled();
}

const MAYBE_DELIVERED: [string, CannedReply][] = [
  ['answers 500', { status: 500, body: 'internal error' }],
  ['resets the connection after reading the message', { error: 'ECONNRESET', body: '' }],
  ['answers 503 late', { status: 503, body: 'unavailable', delayMs: 20 }],
];

describe('Slack answers that may have been posted are posted once, with no apology', () => {
  it.each(MAYBE_DELIVERED)('a mention, when Slack %s', async (_what, reply) => {
    h.failNext('chat.postMessage', reply);
    await deliver(event('app-mention.json'));
    expect(posts()).toHaveLength(1);
    expect(apologies()).toHaveLength(0);
  });

  it.each(MAYBE_DELIVERED)('a direct message, when Slack %s', async (_what, reply) => {
    h.failNext('chat.postMessage', reply);
    await deliver(event('message-im.json'));
    expect(posts()).toHaveLength(1);
    expect(apologies()).toHaveLength(0);
  });

  it('a daily tip, when Slack answers 500 or resets: one post, and the sender says it may be out', async () => {
    const tip = h.core.catalog.tips[0]!;
    const sub = {
      id: 'sub-ndp',
      platform: 'slack' as const,
      workspaceId: 'T0001',
      channelId: 'C0TIPS',
      reference: null,
      time: '09:00',
      timeZone: 'UTC',
      lang: 'en' as const,
      createdBy: 'U1',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      active: true,
    };
    for (const [, reply] of MAYBE_DELIVERED) {
      h.reset();
      h.failNext('chat.postMessage', reply);
      await expect(h.adapter.tipSender.send(sub, tip)).rejects.toMatchObject({
        code: 'delivery_unknown',
      });
      expect(posts()).toHaveLength(1);
    }
  });
});

describe('Slack answers that certainly were not posted', () => {
  it('a refused connection is tried again: the answer arrives once, no apology', async () => {
    h.failNext('chat.postMessage', { error: 'ECONNREFUSED', body: '' });
    await deliver(event('app-mention.json'));
    expect(answers()).toHaveLength(1);
    expect(apologies()).toHaveLength(0);
  });

  it('a 429 is waited out and sent again: one answer delivered, no apology', async () => {
    h.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    await deliver(event('app-mention.json'));
    expect(posts()).toHaveLength(2); // the refused one, then the answer
    expect(apologies()).toHaveLength(0);
    expect(h.sleeps).toEqual([1_000]); // Slack's Retry-After
  });

  it('Slack refusing the answer gets exactly one apology, in the thread', async () => {
    h.failNext('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
    await deliver(event('app-mention.json'));
    await until(() => apologies().length === 1, 5_000, 'the apology');
    await h.settled();
    expect(posts()).toHaveLength(2);
    expect(apologies()).toHaveLength(1);
  });

  it('an apology that may have reached Slack is not sent twice either', async () => {
    h.failNext('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
    h.failNext('chat.postMessage', { status: 500, body: 'internal error' });
    await deliver(event('app-mention.json'));
    await h.settled();
    expect(posts()).toHaveLength(2); // the refused answer, one apology attempt
  });
});
