import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/render/blockkit-actions.js';
import {
  type CannedReply,
  fixture,
  type Harness,
  slashCommandBody,
  startHarness,
} from './harness.js';

/**
 * Replies through a `response_url` (a slash command's slow path, a button) are sent once too: a
 * reply Slack may have taken (a 500, a reset) is not sent again and gets no apology beside it; a
 * reply Slack refused gets one apology. A self-hosted diagram renderer sends `/case` answers
 * through the response_url rather than in the ack.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    diagrams: { renderer: 'kroki', baseUrl: 'https://kroki.intranet.example' },
  });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());

const apologies = () => h.responses.filter((r) => JSON.stringify(r).includes('request id'));

async function slash(text: string): Promise<void> {
  const res = await h.postForm(slashCommandBody({ text }));
  expect(res.status).toBe(200);
  await h.settled();
}

async function click(): Promise<void> {
  const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>(
    'block-actions.json',
  );
  payload.actions = [
    {
      ...payload.actions[0],
      action_id: 'casebot.show.metrics',
      value: encodeAction({ kind: 'show', caseId: 'ecommerce', section: 'metrics', lang: 'en' }),
    },
  ];
  const res = await h.postForm(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  await h.settled();
}

const MAYBE_DELIVERED: [string, CannedReply][] = [
  ['answers 500', { status: 500, body: 'internal error' }],
  ['resets the connection after reading the reply', { error: 'ECONNRESET', body: '' }],
];

describe('replies through a response_url', () => {
  it.each(MAYBE_DELIVERED)('a /case answer, when Slack %s: once, no apology', async (_w, reply) => {
    h.failNext('response_url', reply);
    await slash('edge computing architecture');
    expect(h.responses).toHaveLength(1);
    expect(apologies()).toHaveLength(0);
  });

  it.each(MAYBE_DELIVERED)(
    'a button’s answer, when Slack %s: once, no apology',
    async (_w, reply) => {
      h.failNext('response_url', reply);
      await click();
      expect(h.responses).toHaveLength(1);
      expect(apologies()).toHaveLength(0);
    },
  );

  it('a reply Slack refused gets one apology', async () => {
    h.failNext('response_url', { status: 400, body: { ok: false, error: 'msg_too_long' } });
    await slash('edge computing architecture');
    expect(apologies()).toHaveLength(1);
    expect(h.responses).toHaveLength(2);
  });
});
