import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { fixture, type Harness, slashCommandBody, startHarness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let h: Harness;
const logLines: Record<string, unknown>[] = [];
beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  h = await startHarness({ logger: createLogger({ level: 'warn', destination }) });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.reset();
  logLines.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const payload = (value: unknown) => form({ payload: JSON.stringify(value) });

function blockActions(change: (p: Record<string, unknown>) => void): string {
  const p = fixture('block-actions.json');
  p.actions = [
    {
      ...(p.actions as Record<string, unknown>[])[0],
      action_id: 'casebot.share.list',
      value: JSON.stringify({ k: 'h', t: 'list', l: 'en' }),
    },
  ];
  change(p);
  return payload(p);
}

function mention(change: (e: Record<string, unknown>) => void): string {
  const body = fixture('app-mention.json');
  change(body);
  return JSON.stringify(body);
}

type Shape = [name: string, body: string, contentType: typeof FORM | typeof JSON_TYPE];

/** Signed by Slack's secret, but not something Slack sends. */
const MALFORMED: Shape[] = [
  ['payload=null', 'payload=null', FORM],
  ['payload=[]', 'payload=%5B%5D', FORM],
  ['payload that is not JSON', 'payload=%7Bnope', FORM],
  ['a payload without a type', payload({ user: { id: 'U1' } }), FORM],
  ['event: null', mention((b) => (b.event = null)), JSON_TYPE],
  ['an event without a type', mention((b) => (b.event = { channel: 'C1' })), JSON_TYPE],
  [
    'an app_mention whose channel is not a string',
    mention((b) => ((b.event as Record<string, unknown>).channel = ['C1', 'C2'])),
    JSON_TYPE,
  ],
  [
    'an app_mention whose text is an object',
    mention((b) => ((b.event as Record<string, unknown>).text = { trimStart: 1 })),
    JSON_TYPE,
  ],
  ['a team_id that is a number', mention((b) => (b.team_id = 7)), JSON_TYPE],
  ['a JSON array', '[]', JSON_TYPE],
  ['JSON null', 'null', JSON_TYPE],
  ['url_verification without a challenge', '{"type":"url_verification"}', JSON_TYPE],
  ['block_actions without user', blockActions((p) => delete p.user), FORM],
  ['block_actions with user: null', blockActions((p) => (p.user = null)), FORM],
  ['block_actions with actions: null', blockActions((p) => (p.actions = null)), FORM],
  [
    'block_actions whose action value is a number',
    blockActions((p) => (p.actions = [{ type: 'button', action_id: 'casebot.share.x', value: 7 }])),
    FORM,
  ],
  ['block_actions with channel: "C1"', blockActions((p) => (p.channel = 'C1')), FORM],
  ['text twice', `${slashCommandBody({ text: 'list' })}&text=subscribe`, FORM],
  ['user_id twice', `${slashCommandBody({ text: 'list' })}&user_id=U2`, FORM],
  ['channel_id twice', `${slashCommandBody({ text: 'subscribe 08:00' })}&channel_id=C2`, FORM],
  ['payload twice', `${blockActions(() => {})}&payload=null`, FORM],
  ['a slash command without user_id', slashCommandBody({}).replace(/&user_id=[^&]*/, ''), FORM],
  ['a form that is neither a command nor a payload', 'hello=world', FORM],
];

describe('a signed request the receiver cannot understand', () => {
  it.each(MALFORMED)(
    '%s → 400 with a reason; nothing handled, nothing stored',
    async (_, body, type) => {
      const handle = vi.spyOn(h.core, 'handle');
      const stored = (['rememberEvent', 'subscribe', 'recordFeedback', 'recordMiss'] as const).map(
        (method) => vi.spyOn(h.store, method),
      );
      const res = await h.post(body, type);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; reason: string };
      expect(answer.error).toBe('malformed_body');
      expect(answer.reason).toMatch(/\w+/);
      await h.settled();
      expect(handle).not.toHaveBeenCalled();
      for (const spy of stored) expect(spy).not.toHaveBeenCalled();
      expect(h.calls).toEqual({});
      expect(h.responses).toEqual([]);
      expect(logLines).toContainEqual(
        expect.objectContaining({
          requestId: res.headers.get('x-request-id'),
          reason: answer.reason,
          msg: 'slack request refused (malformed body)',
        }),
      );
    },
  );

  it('keeps serving afterwards', async () => {
    for (const [, body, type] of MALFORMED) await h.post(body, type);
    const res = await h.postForm(slashCommandBody({ text: 'help' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toMatchObject({ response_type: 'ephemeral' });
  });

  it('still passes Slack payloads it does not listen to (a message_changed event)', async () => {
    const res = await h.postJson(fixture('message-changed.json'));
    expect(res.status).toBe(200);
  });
});
