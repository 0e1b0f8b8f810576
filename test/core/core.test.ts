import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import type { Answer, BotRequest } from '../../src/core/model.js';
import { CasebotError } from '../../src/errors.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex, SearchMatch } from '../../src/search/types.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

const catalog = await loadCatalog('cases');
const index = buildIndex(catalog.cases);
const NOW = new Date('2026-11-26T08:00:00Z');

function setup(store: Store = new MemoryStore(), random = () => 0) {
  const core = createCore({ catalog, index, store, defaultLocale: 'en', now: () => NOW, random });
  const ask = (text: string, extra: Partial<BotRequest> = {}) =>
    core.handle({ id: 'req-1', platform: 'console', text, ...extra });
  return { core, store, ask };
}

const slackChannel = (text: string): BotRequest => ({
  id: 'req-2',
  platform: 'slack',
  text,
  user: { id: 'U1', timeZone: 'Asia/Shanghai' },
  conversation: { id: 'C1', workspaceId: 'T1', kind: 'channel' },
});

function expectKind<K extends Answer['kind']>(a: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(a.kind).toBe(kind);
  return a as Extract<Answer, { kind: K }>;
}

describe('core.handle', () => {
  it('opens a case named outright, in either language', async () => {
    const { ask } = setup();
    const en = expectKind(await ask('ecommerce'), 'case');
    expect(en).toMatchObject({ lang: 'en', score: 1, section: null, alternatives: [] });
    expect(en.case.id).toBe('ecommerce');
    const zh = expectKind(await ask('金融系统'), 'case');
    expect(zh.case.id).toBe('finance');
    expect(zh.lang).toBe('zh');
    expect(expectKind(await ask('show ai inference'), 'case').case.id).toBe('ai-inference');
  });

  it('answers a free question with the best case, the section asked for and the question’s language', async () => {
    const { ask } = setup();
    const a = expectKind(await ask('how did the shop survive black friday traffic spikes'), 'case');
    expect(a.case.id).toBe('ecommerce');
    expect(a.lang).toBe('en');
    const zh = expectKind(await ask('边缘计算的关键指标'), 'case');
    expect(zh).toMatchObject({ lang: 'zh', section: 'metrics' });
    expect(zh.case.id).toBe('edge');
  });

  it('follows an explicit language over the text', async () => {
    const { ask } = setup();
    expect((await ask('flash sale', { lang: 'zh' })).lang).toBe('zh');
  });

  it('finds nothing for an off-topic question, and records the gap', async () => {
    const { ask, store } = setup();
    const a = expectKind(await ask('what is the weather like tomorrow'), 'no-match');
    expect(a.cases).toHaveLength(4);
    expect((await store.stats()).misses).toEqual([
      { query: 'what is the weather like tomorrow', count: 1 },
    ]);
  });

  it('lists, helps and explains an empty question', async () => {
    const { ask } = setup();
    expect(expectKind(await ask('list'), 'list').cases.map((c) => c.id)).toEqual([
      'ecommerce',
      'finance',
      'edge',
      'ai-inference',
    ]);
    const help = expectKind(await ask('帮助'), 'help');
    expect(help.lang).toBe('zh');
    expect(help.commands.some((c) => c.usage.startsWith('对比'))).toBe(true);
    const empty = expectKind(await ask('   '), 'help');
    expect(empty.lang).toBe('en');
    expect(empty.intro).toBe(
      'Ask me about an architecture problem, e.g. “flash sale traffic” or “GPU inference”. Here is what I can do:',
    );
  });

  it('compares two cases and refuses nonsense politely', async () => {
    const { ask } = setup();
    const a = expectKind(await ask('compare ecommerce finance'), 'compare');
    expect(a.cases.map((c) => c.id)).toEqual(['ecommerce', 'finance']);
    const zh = expectKind(await ask('对比 边缘计算 AI推理'), 'compare');
    expect(zh.cases.map((c) => c.id)).toEqual(['edge', 'ai-inference']);
    expect(expectKind(await ask('compare edge edge'), 'notice').tone).toBe('info');
    expect(expectKind(await ask('compare'), 'notice').text).toMatch(/compare ecommerce finance/);
    expect(expectKind(await ask('compare pizza pasta'), 'notice').text).toMatch(/two cases/);
  });

  it('gives a tip with its case', async () => {
    const { ask } = setup(new MemoryStore(), () => 0.999);
    const a = expectKind(await ask('tip'), 'tip');
    expect(a.tip).toEqual(catalog.tips[catalog.tips.length - 1]);
  });

  it('answers a 10,000-character question by its words: "flash sale" still finds the e-commerce case', async () => {
    const { ask } = setup();
    const long = `flash sale ${'x'.repeat(10_000)}`;
    const a = expectKind(await ask(long), 'case');
    expect(a.case.id).toBe('ecommerce');
    expect(a.lang).toBe('en');
  });
});

describe('subscriptions through the core', () => {
  it('subscribes a Slack channel with sensible defaults: 09:00, the user’s zone, the command’s language', async () => {
    const { core, store } = setup();
    const a = expectKind(await core.handle(slackChannel('订阅')), 'notice');
    expect(a.tone).toBe('success');
    expect(a.text).toContain('09:00');
    const sub = await store.getSubscription('slack', 'C1');
    expect(sub).toMatchObject({
      time: '09:00',
      timeZone: 'Asia/Shanghai',
      lang: 'zh',
      active: true,
    });
  });

  it('takes time, zone and language in any order, and reports the status', async () => {
    const { core, store } = setup();
    await core.handle(slackChannel('subscribe zh Europe/Berlin 7:30'));
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      time: '07:30',
      timeZone: 'Europe/Berlin',
      lang: 'zh',
    });
    const status = expectKind(await core.handle(slackChannel('subscriptions')), 'notice');
    expect(status.text).toContain('07:30');
    expect(status.text).toContain('Europe/Berlin');
  });

  it('explains a bad time or zone with an example', async () => {
    const { core, store } = setup();
    const time = expectKind(await core.handle(slackChannel('subscribe 25:00')), 'notice');
    expect(time.text).toMatch(/25:00.*HH:MM.*subscribe 09:30/);
    const zone = expectKind(await core.handle(slackChannel('subscribe 09:00 Mars/Base')), 'notice');
    expect(zone.text).toMatch(/Mars\/Base.*Europe\/Berlin/);
    expect(await store.getSubscription('slack', 'C1')).toBeNull();
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'does not take "%s" (a name every object inherits) for a language',
    async (word) => {
      const { core, store } = setup();
      const answer = expectKind(
        await core.handle(slackChannel(`subscribe 09:00 ${word}`)),
        'notice',
      );
      expect(answer.text).toContain(`understand “${word}”`);
      expect(await store.getSubscription('slack', 'C1')).toBeNull();
    },
  );

  it('unsubscribes, and says so when there was nothing to stop', async () => {
    const { core } = setup();
    expect(expectKind(await core.handle(slackChannel('unsubscribe')), 'notice').text).toMatch(
      /no daily tip subscription/,
    );
    await core.handle(slackChannel('subscribe'));
    expect(expectKind(await core.handle(slackChannel('取消订阅')), 'notice').text).toMatch(
      /已取消订阅/,
    );
  });

  it('only subscribes real conversations', async () => {
    const { ask } = setup();
    expect(expectKind(await ask('subscribe 09:00'), 'notice').text).toMatch(
      /Slack channel or a Teams/,
    );
  });

  it('answers politely when the database is down', async () => {
    const down = new MemoryStore();
    down.subscribe = async () => {
      throw new CasebotError('store_unavailable', 'connection refused');
    };
    const { core } = setup(down);
    const a = expectKind(await core.handle(slackChannel('subscribe')), 'notice');
    expect(a.tone).toBe('warning');
    expect(a.text).toMatch(/database/);
  });
});

describe('button clicks', () => {
  it('opens a section of a case', async () => {
    const { core } = setup();
    const a = expectKind(
      await core.handle({
        id: 'r',
        platform: 'slack',
        text: '',
        lang: 'zh',
        action: { kind: 'show', caseId: 'finance', section: 'architecture' },
      }),
      'case',
    );
    expect(a).toMatchObject({ lang: 'zh', section: 'architecture' });
  });

  it('records feedback and thanks the user', async () => {
    const { core, store } = setup();
    const a = await core.handle({
      id: 'r',
      platform: 'teams',
      text: '',
      user: { id: 'U9' },
      action: { kind: 'feedback', caseId: 'edge', helpful: false, query: 'iot latency' },
    });
    expect(expectKind(a, 'notice').tone).toBe('success');
    expect((await store.stats()).feedback).toEqual([{ caseId: 'edge', helpful: 0, notHelpful: 1 }]);
  });
});

describe('"did you mean" (the alternatives under a case answer)', () => {
  /** An index that returns these matches for any question: the ranking is search's business. */
  const fixedIndex = (matches: SearchMatch[]): SearchIndex => ({
    size: catalog.cases.length,
    search: (query) => ({ query, section: null, lang: 'en', matches }),
  });
  const match = (caseId: string, score: number): SearchMatch => ({
    caseId,
    score,
    matchedTerms: [],
  });

  it('offers only runners-up within 0.15 of the best match', async () => {
    const core = createCore({
      catalog,
      index: fixedIndex([
        match('ecommerce', 0.8),
        match('finance', 0.66),
        match('edge', 0.64),
        match('ai-inference', 0.3),
      ]),
      store: new MemoryStore(),
      defaultLocale: 'en',
      now: () => NOW,
    });
    const a = expectKind(
      await core.handle({ id: 'r', platform: 'console', text: 'scaling' }),
      'case',
    );
    expect(a.case.id).toBe('ecommerce');
    expect(a.alternatives).toEqual([
      { caseId: 'finance', title: 'Financial trading system', score: 0.66 },
    ]);
  });

  it('offers none when the best match is clear', async () => {
    const core = createCore({
      catalog,
      index: fixedIndex([match('edge', 0.9), match('finance', 0.5)]),
      store: new MemoryStore(),
      defaultLocale: 'en',
      now: () => NOW,
    });
    const a = expectKind(await core.handle({ id: 'r', platform: 'console', text: 'iot' }), 'case');
    expect(a.case.id).toBe('edge');
    expect(a.alternatives).toEqual([]);
  });
});
