import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import type { Answer, BotRequest } from '../../src/core/model.js';
import type { ChannelMessage } from '../../src/core/unprompted.js';
import { buildIndex } from '../../src/search/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import {
  CHATTER,
  FOLLOW_UP,
  FOLLOW_UP_ZH,
  QUESTION,
  QUESTION_ZH,
  THANKS,
} from '../helpers/channel-messages.js';

const catalog = await loadCatalog('cases');
const index = buildIndex(catalog.cases);
const T0 = new Date('2026-11-26T08:00:00Z');

function setup(options: { store?: Store; maxPerHour?: number } = {}) {
  let now = T0;
  const store = options.store ?? new MemoryStore();
  const core = createCore({
    catalog,
    index,
    store,
    defaultLocale: 'en',
    now: () => now,
    ...(options.maxPerHour !== undefined && { autoAnswerMaxPerHour: options.maxPerHour }),
  });
  let n = 0;
  const message = (text: string, extra: Partial<ChannelMessage> = {}): ChannelMessage => ({
    id: 'req',
    platform: 'slack',
    text,
    user: { id: 'U1' },
    conversation: { id: 'C1', kind: 'channel' },
    messageId: `1700000000.${String(++n).padStart(6, '0')}`,
    threadId: null,
    sentAt: now,
    fromBot: false,
    changed: false,
    mentionsBot: false,
    ...extra,
  });
  const command = (text: string, extra: Partial<BotRequest> = {}) =>
    core.handle({
      id: 'req',
      platform: 'slack',
      text,
      user: { id: 'U1' },
      conversation: { id: 'C1', kind: 'channel' },
      ...extra,
    });
  return {
    core,
    store,
    message,
    command,
    consider: (m: ChannelMessage) => core.consider(m),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

const kind = <K extends Answer['kind']>(a: Answer, k: K) => {
  expect(a.kind).toBe(k);
  return a as Extract<Answer, { kind: K }>;
};

describe('auto on|off', () => {
  it('sets the channel’s mode and says so as an announcement, in either language', async () => {
    const { command, store } = setup();
    const status = kind(await command('auto'), 'auto-mode');
    expect(status).toMatchObject({ mode: 'mentions', changed: false, by: null, maxPerHour: 20 });
    const on = kind(await command('auto on'), 'auto-mode');
    expect(on).toMatchObject({ mode: 'auto', changed: true, by: { id: 'U1' }, at: T0 });
    expect((await store.getChannelMode('slack', 'C1'))?.mode).toBe('auto');
    const off = kind(await command('自动回答 关闭', { user: { id: 'U2' } }), 'auto-mode');
    expect(off).toMatchObject({ mode: 'mentions', changed: true, lang: 'zh', by: { id: 'U2' } });
    expect(kind(await command('自动回答开启'), 'auto-mode').mode).toBe('auto');
    expect(kind(await command('auto'), 'auto-mode')).toMatchObject({
      mode: 'auto',
      changed: false,
    });
  });

  it('politely refuses in a direct message, and reads "auto scaling …" as a question', async () => {
    const { command } = setup();
    const dm = kind(
      await command('auto on', { conversation: { id: 'D1', kind: 'personal' } }),
      'notice',
    );
    expect(dm.text).toMatch(/channels and group conversations/);
    expect((await command('auto scaling for flash sales')).kind).toBe('case');
  });
});

describe('core.consider', () => {
  it('leaves a `mentions` channel alone, without judging or counting anything', async () => {
    const { consider, message } = setup();
    expect(await consider(message(QUESTION))).toEqual({ kind: 'ignored' });
  });

  it('answers a question in an `auto` channel in its thread, and leaves chatter alone with its reason', async () => {
    const { consider, message, command, store } = setup();
    await command('auto on');
    const asked = message(QUESTION);
    const result = await consider(asked);
    expect(result).toMatchObject({
      kind: 'answer',
      decision: 'answered',
      threadId: asked.messageId,
    });
    if (result.kind !== 'answer') return;
    expect(result.answer).toMatchObject({ kind: 'unprompted', lang: 'en', query: QUESTION });
    expect(result.answer.case.id).toBe('ecommerce');
    const zh = await consider(message(QUESTION_ZH));
    expect(zh.kind === 'answer' && zh.answer.lang).toBe('zh');
    expect(await consider(message(CHATTER))).toEqual({
      kind: 'silent',
      decision: 'not-a-question',
    });
    // The thread is remembered for follow-ups; the chatter left nothing behind.
    const key = { platform: 'slack', channelId: 'C1' } as const;
    expect(await store.recallThread({ ...key, threadId: asked.messageId }, T0)).toBe('ecommerce');
  });

  it('answers a message once, however often it is delivered', async () => {
    const { consider, message, command } = setup();
    await command('auto on');
    const once = message(QUESTION);
    const results = await Promise.all([consider(once), consider(once), consider(once)]);
    expect(results.filter((r) => r.kind === 'answer')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'silent')).toEqual([
      { kind: 'silent', decision: 'thread-answered' },
      { kind: 'silent', decision: 'thread-answered' },
    ]);
  });

  it('never answers bots, edits, mentions, direct messages or messages older than 5 minutes', async () => {
    const { consider, message, command, advance } = setup();
    await command('auto on');
    const ignored = { kind: 'ignored' };
    expect(await consider(message(QUESTION, { fromBot: true }))).toEqual(ignored);
    expect(await consider(message(QUESTION, { changed: true }))).toEqual(ignored);
    expect(await consider(message(QUESTION, { mentionsBot: true }))).toEqual(ignored);
    const dm = { conversation: { id: 'D1', kind: 'personal' as const } };
    expect(await consider(message(QUESTION, dm))).toEqual(ignored);
    const old = message(QUESTION);
    advance(5 * 60_000 + 1);
    expect(await consider(old)).toEqual(ignored);
    expect((await consider(message(QUESTION))).kind).toBe('answer');
  });

  it('answers at most AUTO_ANSWER_MAX_PER_HOUR messages a channel per hour', async () => {
    const { consider, message, command, advance } = setup({ maxPerHour: 2 });
    await command('auto on');
    expect((await consider(message(QUESTION))).kind).toBe('answer');
    advance(60_000);
    expect((await consider(message(QUESTION))).kind).toBe('answer');
    const capped = message(QUESTION);
    expect(await consider(capped)).toEqual({ kind: 'silent', decision: 'capped' });
    advance(59 * 60_000);
    expect((await consider(message(QUESTION))).kind).toBe('answer');
  });

  it('follows up in a thread it answered from the thread’s case; a reply that asks nothing gets nothing', async () => {
    const { consider, message, core, store } = setup();
    // A mention answered in thread 1700.1 of a `mentions` channel.
    const request: BotRequest = {
      id: 'req',
      platform: 'slack',
      text: 'flash sale',
      conversation: { id: 'C1', kind: 'channel', threadId: '1700.1' },
    };
    await core.noteThread(request, await core.handle(request));
    const followUp = await consider(message(FOLLOW_UP, { threadId: '1700.1' }));
    expect(followUp).toMatchObject({ kind: 'answer', threadId: '1700.1' });
    if (followUp.kind === 'answer') {
      expect(followUp.answer).toMatchObject({ section: 'metrics', basis: 'context' });
      expect(followUp.answer.case.id).toBe('ecommerce');
    }
    expect(await consider(message(THANKS, { threadId: '1700.1' }))).toEqual({
      kind: 'ignored',
    });
    // A thread casebot never answered is not casebot's business.
    expect(await consider(message(FOLLOW_UP, { threadId: '1700.9' }))).toEqual({
      kind: 'ignored',
    });
    // Dismissed ("Not helpful"): no more follow-ups there.
    await store.dismissThread({ platform: 'slack', channelId: 'C1', threadId: '1700.1' });
    expect((await consider(message(FOLLOW_UP_ZH, { threadId: '1700.1' }))).kind).toBe('ignored');
  });

  it('records Not helpful as a 👎 and keeps the question as a miss', async () => {
    const { core, store } = setup();
    const thanks = await core.handle({
      id: 'req',
      platform: 'slack',
      text: '',
      user: { id: 'U9' },
      conversation: { id: 'C1', kind: 'channel', threadId: '1700.2' },
      action: { kind: 'dismiss', caseId: 'ecommerce', query: QUESTION },
    });
    expect(thanks.kind).toBe('notice');
    const stats = await store.stats();
    expect(stats.feedback).toEqual([{ caseId: 'ecommerce', helpful: 0, notHelpful: 1 }]);
    expect((await store.topMisses()).map((m) => m.query)).toEqual([QUESTION.toLowerCase()]);
  });

  it('warms the judgement right after the core is built, before any channel message arrives', async () => {
    const searched: string[] = [];
    const counting = {
      size: index.size,
      search: (query: string) => {
        searched.push(query);
        return index.search(query);
      },
    };
    createCore({
      catalog,
      index: counting,
      store: new MemoryStore(),
      defaultLocale: 'en',
      now: () => T0,
    });
    expect(searched).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    // Both languages, and a reply in a thread, went through the judgement once already.
    expect(searched.some((q) => /\p{Script=Han}/u.test(q))).toBe(true);
    expect(searched.some((q) => /^[\x20-\x7e]+$/.test(q))).toBe(true);
    expect(searched.length).toBeGreaterThanOrEqual(3);
  });
});
