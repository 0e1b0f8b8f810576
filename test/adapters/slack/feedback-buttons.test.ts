import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderBlockKit } from '../../../src/render/blockkit.js';
import { DEFAULT_DIAGRAMS } from '../../../src/render/diagram.js';
import { checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { fixture, type Harness, startHarness } from './harness.js';

type Payload = Record<string, unknown> & {
  actions: Record<string, unknown>[];
  container: Record<string, unknown>;
};
type Reply = { text: string; blocks: unknown[]; [k: string]: unknown };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

/** The feedback buttons of a card casebot really sent for `question`. */
async function feedbackButtonsFor(question: string, lang: 'en' | 'zh') {
  const answer = await h.core.handle({ id: 'r', platform: 'slack', text: question, lang });
  const message = renderBlockKit(answer, { diagrams: DEFAULT_DIAGRAMS });
  const block = message.blocks.find((b) => b.type === 'context_actions');
  if (block?.type !== 'context_actions') throw new Error('no feedback buttons on the card');
  return { block, buttons: block.elements[0]! };
}

/** A press of one thumb, as Slack posts it: a block_actions payload of type feedback_buttons. */
async function press(
  side: 'positive_button' | 'negative_button',
  question: string,
  lang: 'en' | 'zh',
  container: Record<string, unknown> = {},
) {
  const { block, buttons } = await feedbackButtonsFor(question, lang);
  const pressed = buttons[side];
  const payload = fixture<Payload>('block-actions.json');
  payload.actions = [
    {
      type: 'feedback_buttons',
      block_id: block.block_id,
      action_id: buttons.action_id,
      text: pressed.text,
      value: pressed.value,
      action_ts: '1548426417.840180',
    },
  ];
  payload.container = { ...payload.container, ...container };
  if (typeof container.channel_id === 'string') {
    payload.channel = { id: container.channel_id, name: 'directmessage' };
    payload.container.is_ephemeral = false;
  }
  const res = await h.postForm(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  await h.settled();
}

describe('Slack’s native feedback buttons', () => {
  it('👍 on an ephemeral answer is recorded for its case and thanked in place of the thumbs', async () => {
    await press('positive_button', 'flash sale traffic', 'en');
    expect((await h.store.stats()).feedback).toContainEqual({
      caseId: 'ecommerce',
      helpful: 1,
      notHelpful: 0,
    });
    const reply = h.responses[0] as Reply;
    expect(reply.replace_original).toBe(true);
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('Glad it helped');
    expect(json).not.toContain('feedback_buttons');
    expect(h.responses).toHaveLength(1);
  });

  it('👎 in Chinese, on a card everyone sees: recorded, thanked privately, the card unchanged', async () => {
    await press('negative_button', '金融 合规', 'zh', { is_ephemeral: false });
    expect((await h.store.stats()).feedback).toContainEqual({
      caseId: 'finance',
      helpful: 0,
      notHelpful: 1,
    });
    const reply = h.responses[0] as Reply;
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(reply)).toContain('感谢反馈');
    expect(h.calls['chat.postMessage']).toBeUndefined();
  });

  it('👍 in the DM with casebot: the card is drawn again with the thanks, nothing else sent', async () => {
    await press('positive_button', 'edge computing', 'en', { channel_id: 'D024BE91L' });
    const reply = h.responses[0] as Reply;
    expect(reply.replace_original).toBe(true);
    expect(JSON.stringify(reply)).toContain('Glad it helped');
    expect(JSON.stringify(reply)).not.toContain('casebot.share.');
    expect(h.calls['chat.postMessage']).toBeUndefined();
  });

  it('the question the answer was for reaches the store with the vote and the voter', async () => {
    const record = vi.spyOn(h.store, 'recordFeedback');
    await press('positive_button', 'GPU cost of AI inference', 'en');
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({
        platform: 'slack',
        caseId: 'ai-inference',
        helpful: true,
        query: 'GPU cost of AI inference',
        userId: 'U2147483697',
      }),
    );
    record.mockRestore();
  });
});
