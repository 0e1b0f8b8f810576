import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CardAction, encodeAction } from '../../../src/render/blockkit-actions.js';
import { checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { fixture, type Harness, startHarness, until } from './harness.js';

type Reply = {
  text: string;
  blocks: { type: string; [k: string]: unknown }[];
  [k: string]: unknown;
};
type Payload = Record<string, unknown> & {
  actions: Record<string, unknown>[];
  container: Record<string, unknown>;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());

/** Clicks a button: the real block_actions payload with our action id and value. */
async function click(
  actionId: string,
  action: CardAction,
  container: Record<string, unknown> = {},
) {
  const payload = fixture<Payload>('block-actions.json');
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value: encodeAction(action) }];
  payload.container = { ...payload.container, ...container };
  const res = await h.postForm(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  await h.settled();
}

const replies = () => h.responses as Reply[];

describe('buttons', () => {
  it('a click on a button casebot does not know (an old card) gets an empty 200 and nothing else', async () => {
    const payload = fixture<Payload>('block-actions.json');
    payload.actions = [{ ...payload.actions[0], action_id: 'retired.button', value: 'x' }];
    const res = await h.postForm(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await h.settled();
    expect(replies()).toEqual([]);
    expect(h.calls).toEqual({});
  });

  it('are acked before the new card is sent: a slow response_url never holds the ack', async () => {
    const held = h.holdNext('response_url');
    const payload = fixture<Payload>('block-actions.json');
    const action: CardAction = { kind: 'show', caseId: 'edge', section: 'metrics', lang: 'en' };
    payload.actions = [
      { ...payload.actions[0], action_id: 'casebot.show.metrics', value: encodeAction(action) },
    ];
    const res = await h.postForm(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
    expect(res.status).toBe(200);
    expect(held.isOpen, 'the ack waited for the new card to be sent').toBe(false);
    held.open();
    await h.settled();
    expect(JSON.stringify(replies()[0])).toContain('Edge');
  });

  it('a focus button updates the ephemeral card in place', async () => {
    await click('casebot.show.metrics', {
      kind: 'show',
      caseId: 'ecommerce',
      section: 'metrics',
      lang: 'en',
    });
    expect(replies()).toHaveLength(1);
    const reply = replies()[0]!;
    expect(reply.replace_original).toBe(true);
    expect(checkBlockKitLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply)).toContain('100,000 QPS');
    expect(JSON.stringify(reply)).toContain('🏗️ Diagram');
  });

  it('keeps the card language (Chinese) on a click', async () => {
    await click('casebot.show.architecture', {
      kind: 'show',
      caseId: 'finance',
      section: 'architecture',
      lang: 'zh',
    });
    const json = JSON.stringify(replies()[0]);
    expect(json).toContain('📋 概要');
    expect(json).toContain('mermaid.ink');
  });

  it('"Did you mean" opens the other case', async () => {
    await click('casebot.show.alt-0', { kind: 'show', caseId: 'edge', section: null, lang: 'en' });
    expect(JSON.stringify(replies()[0])).toContain('Edge');
  });

  it('a click on a card everyone sees answers only the clicker', async () => {
    await click(
      'casebot.show.solutions',
      { kind: 'show', caseId: 'edge', section: 'solutions', lang: 'en' },
      { is_ephemeral: false },
    );
    expect(replies()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('👍 is recorded and thanked in place of the buttons', async () => {
    await click('casebot.feedback.yes', {
      kind: 'feedback',
      caseId: 'ecommerce',
      section: null,
      helpful: true,
      query: 'flash sale',
      lang: 'en',
    });
    const stats = await h.store.stats();
    expect(stats.feedback).toEqual([{ caseId: 'ecommerce', helpful: 1, notHelpful: 0 }]);
    const reply = replies()[0]!;
    expect(reply.replace_original).toBe(true);
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('Glad it helped');
    expect(json).not.toContain('casebot.feedback.');
  });

  it('👎 in Chinese', async () => {
    await click('casebot.feedback.no', {
      kind: 'feedback',
      caseId: 'finance',
      section: 'metrics',
      helpful: false,
      query: '合规',
      lang: 'zh',
    });
    expect(JSON.stringify(replies()[0])).toContain('感谢反馈');
    const stats = await h.store.stats();
    expect(stats.feedback).toContainEqual({ caseId: 'finance', helpful: 0, notHelpful: 1 });
  });

  it('Share posts the card in the channel saying who shared it, and removes the ephemeral', async () => {
    await click('casebot.share.case', {
      kind: 'share',
      caseId: 'ai-inference',
      section: null,
      lang: 'en',
    });
    const post = h.calls['chat.postMessage']?.[0];
    expect(post?.channel).toBe('C2147483705');
    const json = JSON.stringify(post?.blocks);
    expect(json).toContain('Shared by <@U2147483697>');
    expect(json).toContain('AI inference');
    expect(json).not.toContain('casebot.share.');
    expect(checkBlockKitLimits({ text: post!.text, blocks: post!.blocks! })).toEqual([]);
    await until(() => replies().length === 1);
    expect(replies()[0]).toEqual({ delete_original: true });
  });

  it('Share falls back to the response_url when the bot is not in the channel', async () => {
    h.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await click('casebot.share.list', { kind: 'share', text: 'list', lang: 'en' });
    expect(replies()[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(replies()[0])).toContain('Shared by <@U2147483697>');
    expect(replies()[1]).toEqual({ delete_original: true });
  });

  it("Share re-posts a compare card (what the compare card's button carries)", async () => {
    await click('casebot.share.compare', {
      kind: 'share',
      text: 'compare ecommerce finance',
      lang: 'en',
    });
    expect(h.calls['chat.postMessage']).toHaveLength(1);
    expect(JSON.stringify(h.calls['chat.postMessage']?.[0]?.blocks)).toContain('Shared by');
  });

  describe('a forged Share value', () => {
    const CHANNEL = 'C2147483705';
    const refusal = () => replies().find((r) => r.response_type === 'ephemeral');

    it.each<[string, CardAction, RegExp]>([
      ['subscribe 08:00', { kind: 'share', text: 'subscribe 08:00', lang: 'en' }, /can’t share/],
      ['订阅 08:00 (Chinese)', { kind: 'share', text: '订阅 08:00', lang: 'zh' }, /无法分享/],
      ['tip', { kind: 'share', text: 'tip', lang: 'en' }, /can’t share/],
      ['a question', { kind: 'share', text: 'flash sale', lang: 'en' }, /can’t share/],
      ['a case that does not exist', { kind: 'share', caseId: 'nope', lang: 'en' }, /can’t share/],
    ])('%s is refused privately; nothing posted, nothing subscribed', async (_, action, said) => {
      await click('casebot.share.list', action);
      expect(h.calls['chat.postMessage']).toBeUndefined();
      expect(await h.store.getSubscription('slack', CHANNEL)).toBeNull();
      expect(replies()).toHaveLength(1);
      expect(refusal()).toMatchObject({ replace_original: false });
      expect(refusal()?.text).toMatch(said);
      expect(checkBlockKitLimits(refusal()!)).toEqual([]);
    });

    it('unsubscribe leaves the channel subscribed', async () => {
      await h.store.subscribe(
        {
          platform: 'slack',
          workspaceId: 'T0001',
          channelId: CHANNEL,
          reference: null,
          time: '09:00',
          timeZone: 'UTC',
          lang: 'en',
          createdBy: 'U1',
        },
        new Date(),
      );
      await click('casebot.share.list', { kind: 'share', text: 'unsubscribe', lang: 'en' });
      expect((await h.store.getSubscription('slack', CHANNEL))?.active).toBe(true);
      expect(h.calls['chat.postMessage']).toBeUndefined();
      expect(refusal()?.text).toMatch(/can’t share/);
      await h.store.unsubscribe('slack', CHANNEL);
    });
  });

  it('a forged 👍 for a case that does not exist records nothing', async () => {
    await click('casebot.feedback.yes', {
      kind: 'feedback',
      caseId: 'nope',
      section: null,
      helpful: true,
      query: 'x',
      lang: 'en',
    });
    expect((await h.store.stats()).feedback).not.toContainEqual(
      expect.objectContaining({ caseId: 'nope' }),
    );
  });

  it('a button value that does not match its action id does nothing', async () => {
    await click('casebot.show.metrics', { kind: 'share', text: 'subscribe 08:00', lang: 'en' });
    await click('casebot.home.en', { kind: 'share', text: 'list', lang: 'en' });
    expect(h.calls).toEqual({});
    expect(replies()).toEqual([]);
  });

  it('a button in the App Home answers by direct message; the language switch republishes', async () => {
    await click(
      'casebot.show.ecommerce',
      { kind: 'show', caseId: 'ecommerce', section: null, lang: 'en' },
      { type: 'view', view_id: 'V1' },
    );
    expect(h.calls['chat.postMessage']?.[0]?.channel).toBe('U2147483697');
    await click('casebot.home.zh', { kind: 'home', lang: 'zh' }, { type: 'view', view_id: 'V1' });
    expect(JSON.stringify(h.calls['views.publish']?.[0])).toContain('电商平台');
  });
});
