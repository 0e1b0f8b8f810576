import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import type { SemanticRanking } from '../../../src/search/hybrid.js';
import { fixture, type Harness, startHarness, until } from './harness.js';

const DM = 'D024BE91L';
const USER = 'U2147483697';

let h: Harness;
const logLines: { level: number; msg: string }[] = [];
/** While set, every search by meaning waits for it: the answer is slow until it resolves. */
let slowUntil: (() => Promise<void>) | null = null;
const semantic: SemanticRanking = {
  async rank(_query, lexical) {
    if (slowUntil) await slowUntil();
    return lexical;
  },
};

beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  h = await startHarness({ semantic, logger: createLogger({ level: 'info', destination }) });
});
afterAll(() => h.close());
beforeEach(() => {
  h.reset();
  logLines.length = 0;
  slowUntil = null;
});

/** The user opens casebot's Messages tab (a new event id each time, as Slack sends it). */
async function openMessagesTab(user = USER) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>(
    'app-home-opened.json',
  );
  body.event = { ...body.event, tab: 'messages', user, channel: DM };
  body.event_id = `Ev${randomUUID()}`;
  expect((await h.postJson(body)).status).toBe(200);
  await h.settled();
}

/** A direct message in the DM, as Slack sends it. */
async function dm(text: string) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im.json');
  body.event = { ...body.event, text, ts: '1700000001.000100' };
  body.event_id = `Ev${randomUUID()}`;
  expect((await h.postJson(body)).status).toBe(200);
  await h.settled();
}

const errors = () => logLines.filter((l) => l.level >= 50);

describe('the agent DM: greeted once, with suggested prompts from the casebook', () => {
  it('greets an English user once, in English, with four prompts; not on every open', async () => {
    await openMessagesTab('UENGLISH1');
    const [greeting] = h.calls['chat.postMessage'] ?? [];
    expect(greeting).toMatchObject({ channel: DM });
    expect(greeting?.text).toMatch(/^Hi, I’m casebot/);
    const [set] = h.calls['assistant.threads.setSuggestedPrompts'] ?? [];
    expect(set).toMatchObject({ channel_id: DM, title: 'Try asking' });
    // In the agent DM the prompts go with the latest message: no thread_ts.
    expect(set).not.toHaveProperty('thread_ts');
    const prompts = set?.prompts as { title: string; message: string }[];
    // One per case of the casebook, in its order.
    expect(prompts.map((p) => p.title)).toEqual(h.core.catalog.cases.map((c) => c.title.en));
    expect(prompts.map((p) => p.title)).toContain('E-commerce platform');
    expect(h.sequence).toEqual([
      'users.info',
      'chat.postMessage',
      'assistant.threads.setSuggestedPrompts',
    ]);

    h.reset();
    await openMessagesTab('UENGLISH1');
    await openMessagesTab('UENGLISH1');
    expect(h.sequence).toEqual([]);
    expect(errors()).toEqual([]);
  });

  it('greets a Chinese user (Slack locale zh-CN) in Chinese', async () => {
    h.failNext('users.info', {
      body: { ok: true, user: { id: 'UCHINESE1', locale: 'zh-CN', tz: 'Asia/Shanghai' } },
    });
    await openMessagesTab('UCHINESE1');
    expect(h.calls['users.info']?.[0]).toMatchObject({ user: 'UCHINESE1', include_locale: 'true' });
    expect(h.calls['chat.postMessage']?.[0]?.text).toMatch(/^你好，我是 casebot/);
    const [set] = h.calls['assistant.threads.setSuggestedPrompts'] ?? [];
    expect(set?.title).toBe('试试问');
    expect((set!.prompts as { title: string }[]).map((p) => p.title)).toEqual(
      h.core.catalog.cases.map((c) => c.title.zh),
    );
    expect((set!.prompts as { title: string }[]).map((p) => p.title)).toContain('电商平台');
  });

  it.each(['en', 'zh'] as const)(
    '%s: every suggested prompt, sent as a message, is answered with its case',
    async (lang) => {
      if (lang === 'zh') {
        h.failNext('users.info', {
          body: { ok: true, user: { id: `U${lang}2`, locale: 'zh-CN' } },
        });
      }
      await openMessagesTab(`UPROMPTS${lang.toUpperCase()}`);
      const prompts = h.calls['assistant.threads.setSuggestedPrompts']?.[0]?.prompts as {
        title: string;
        message: string;
      }[];
      for (const prompt of prompts) {
        h.reset();
        await dm(prompt.message);
        const [answer] = h.calls['chat.postMessage'] ?? [];
        expect(answer?.channel).toBe(DM);
        // The card of the case the prompt is named after.
        expect(JSON.stringify(answer?.blocks)).toContain(prompt.title);
      }
    },
  );

  it('without the agent features the DM stays as it was: no error logged, questions answered', async () => {
    h.failNext('assistant.threads.setSuggestedPrompts', {
      body: { ok: false, error: 'not_allowed' },
    });
    await openMessagesTab('UFREEPLAN1');
    expect(errors()).toEqual([]);
    const said = logLines.filter((l) => /agent features are not available/.test(l.msg));
    expect(said).toHaveLength(1);
    expect(said[0]!.level).toBe(30);

    h.reset();
    await dm('flash sale traffic');
    expect(JSON.stringify(h.calls['chat.postMessage']?.[0]?.blocks)).toContain(
      'E-commerce platform',
    );
    expect(errors()).toEqual([]);
  });

  it('a store that does not answer means no greeting (never a second one), and no error', async () => {
    const mark = h.store.markGreeted.bind(h.store);
    h.store.markGreeted = () => new Promise(() => undefined);
    try {
      await openMessagesTab('USTOREDOWN');
      expect(h.calls['chat.postMessage']).toBeUndefined();
      expect(errors()).toEqual([]);
    } finally {
      h.store.markGreeted = mark;
    }
  });

  it('the Home tab still shows the casebook, and greets nobody', async () => {
    const body = fixture<{ event_id: string }>('app-home-opened.json');
    body.event_id = `Ev${randomUUID()}`;
    await h.postJson(body);
    await h.settled();
    expect(h.sequence).toEqual(['views.publish']);
  });
});

describe('the agent DM while an answer takes a moment', () => {
  it.each([
    ['en', 'flash sale traffic', 'is searching the casebook…'],
    ['zh', '秒杀流量怎么扛', '正在查找案例库…'],
  ])(
    '%s: the status says it is searching, then clears when the answer is posted',
    async (_, q, s) => {
      // The answer is not ready until Slack has been told the bot is searching.
      slowUntil = () => until(() => (h.calls['assistant.threads.setStatus']?.length ?? 0) > 0);
      await dm(q);
      expect(h.sequence).toEqual([
        'assistant.threads.setStatus',
        'chat.postMessage',
        'assistant.threads.setStatus',
      ]);
      const [shown, cleared] = h.calls['assistant.threads.setStatus']!;
      expect(shown).toMatchObject({ channel_id: DM, thread_ts: '1700000001.000100', status: s });
      expect(cleared).toMatchObject({ channel_id: DM, thread_ts: '1700000001.000100', status: '' });
    },
  );

  it('a quick answer sets no status at all', async () => {
    await dm('flash sale traffic');
    expect(h.sequence).toEqual(['chat.postMessage']);
  });

  it('a slow answer without the agent features is still answered, with nothing logged as an error', async () => {
    h.failNext('assistant.threads.setStatus', { body: { ok: false, error: 'missing_scope' } });
    slowUntil = () => until(() => (h.calls['assistant.threads.setStatus']?.length ?? 0) > 0);
    await dm('flash sale traffic');
    expect(h.sequence).toEqual(['assistant.threads.setStatus', 'chat.postMessage']);
    expect(errors()).toEqual([]);
  });
});
