import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Section } from '../../../src/catalog/schema.js';
import { type CardAction, encodeAction } from '../../../src/render/blockkit-actions.js';
import { checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { fixture, type Harness, startHarness } from './harness.js';

/** A view button press on a card: where the card is decides what the presser sees. */
type Where =
  | { readonly card: 'ephemeral' }
  | { readonly card: 'dm' }
  | { readonly card: 'channel'; readonly threadTs?: string };

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

async function press(actionId: string, action: CardAction, where: Where) {
  const payload = fixture<Payload>('block-actions.json');
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value: encodeAction(action) }];
  const channel = where.card === 'dm' ? 'D024BE91L' : 'C2147483705';
  payload.channel = { id: channel, name: where.card === 'dm' ? 'directmessage' : 'test' };
  payload.container = {
    ...payload.container,
    channel_id: channel,
    is_ephemeral: where.card === 'ephemeral',
  };
  if (where.card !== 'ephemeral') {
    payload.message = {
      type: 'message',
      ts: '1700000000.000200',
      ...(where.card === 'channel' && where.threadTs && { thread_ts: where.threadTs }),
    };
  }
  const res = await h.postForm(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  await h.settled();
}

const view = (caseId: string, section: Section | null, lang: 'en' | 'zh'): CardAction => ({
  kind: 'show',
  caseId,
  section,
  lang,
});

/** Nothing was posted for everyone, and no message anybody else sees was changed. */
function nothingPostedForOthers() {
  expect(h.calls['chat.postMessage']).toBeUndefined();
  expect(h.calls['chat.update']).toBeUndefined();
  expect(h.calls['chat.postEphemeral']).toBeUndefined();
}

describe('views change in place (DESIGN.md, "Views that change in place")', () => {
  it.each([
    ['en', 'architecture', '📋 Summary'],
    ['zh', 'solutions', '📋 概要'],
  ] as const)(
    '%s: on an ephemeral /case answer, %s replaces the card itself; nothing else is sent',
    async (lang, section, summary) => {
      await press(`casebot.show.navigate-5-0`, view('ecommerce', section, lang), {
        card: 'ephemeral',
      });
      expect(h.responses).toHaveLength(1);
      const reply = h.responses[0] as Reply;
      expect(reply.replace_original).toBe(true);
      expect(reply).not.toHaveProperty('response_type');
      expect(checkBlockKitLimits(reply)).toEqual([]);
      expect(JSON.stringify(reply)).toContain(summary);
      // Still the presser's own answer: they can still share it.
      expect(JSON.stringify(reply)).toContain('casebot.share.');
      nothingPostedForOthers();
    },
  );

  it.each(['en', 'zh'] as const)(
    '%s: in the DM with casebot, the card is replaced too (never a second copy)',
    async (lang) => {
      await press('casebot.show.navigate-5-1', view('finance', 'challenges', lang), { card: 'dm' });
      expect(h.responses).toHaveLength(1);
      const reply = h.responses[0] as Reply;
      expect(reply.replace_original).toBe(true);
      expect(checkBlockKitLimits(reply)).toEqual([]);
      expect(JSON.stringify(reply)).toContain(lang === 'zh' ? '技术挑战' : 'Challenges');
      // A DM card is nobody else's to share.
      expect(JSON.stringify(reply)).not.toContain('casebot.share.');
      nothingPostedForOthers();
    },
  );

  it.each(['en', 'zh'] as const)(
    '%s: a "Did you mean" choice replaces the card with the other case',
    async (lang) => {
      await press('casebot.show.alternatives-4-0', view('edge', null, lang), { card: 'ephemeral' });
      const reply = h.responses[0] as Reply;
      expect(reply.replace_original).toBe(true);
      expect(JSON.stringify(reply)).toContain(lang === 'zh' ? '边缘计算' : 'Edge computing');
      expect(h.responses).toHaveLength(1);
      nothingPostedForOthers();
    },
  );

  it.each(['en', 'zh'] as const)(
    '%s: on a card everyone in a thread sees, the presser gets the view privately in that thread; the card stays for everyone',
    async (lang) => {
      await press('casebot.show.navigate-5-2', view('ai-inference', 'solutions', lang), {
        card: 'channel',
        threadTs: '1699999999.000100',
      });
      expect(h.responses).toHaveLength(1);
      const reply = h.responses[0] as Reply;
      expect(reply).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        thread_ts: '1699999999.000100',
      });
      expect(checkBlockKitLimits(reply)).toEqual([]);
      expect(JSON.stringify(reply)).toContain(lang === 'zh' ? '解决方案' : 'Solutions');
      nothingPostedForOthers();
    },
  );

  it('on a top-level card everyone sees (a shared card), the private view has no thread', async () => {
    await press('casebot.show.navigate-5-0', view('ecommerce', 'architecture', 'en'), {
      card: 'channel',
    });
    const reply = h.responses[0] as Reply;
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply).not.toHaveProperty('thread_ts');
    nothingPostedForOthers();
  });
});
