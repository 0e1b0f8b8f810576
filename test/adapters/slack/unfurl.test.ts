import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { fixture, type Harness, startHarness } from './harness.js';

const CASES_URL = 'https://git.example.com/platform/casebook/-/blob/main/cases';

type LinkShared = {
  event: Record<string, unknown> & { links: { url: string; domain: string }[] };
  event_id: string;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ casesUrl: CASES_URL });
});
afterAll(() => h.close());
beforeEach(() => h.reset());

async function share(urls: string[], extra: Record<string, unknown> = {}) {
  const body = fixture<LinkShared>('link-shared.json');
  body.event = {
    ...body.event,
    ...extra,
    links: urls.map((url) => ({ url, domain: new URL(url).hostname })),
  };
  body.event_id = `Ev${randomUUID()}`;
  expect((await h.postJson(body)).status).toBe(200);
  await h.settled();
}

type Unfurls = Record<string, { blocks: { type: string }[] }>;

describe('a pasted link to a case file unfurls as its card', () => {
  it.each([
    ['en', 'E-commerce platform', 'Case file'],
    ['zh', '电商平台', '案例文件'],
  ] as const)('%s: in the language of whoever pasted it', async (lang, title, source) => {
    if (lang === 'zh') {
      h.failNext('users.info', {
        body: { ok: true, user: { id: 'U2147483697', locale: 'zh-CN' } },
      });
    }
    const url = `${CASES_URL}/ecommerce.yaml`;
    await share([url]);
    const calls = h.calls['chat.unfurl'] ?? [];
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ source: 'conversations_history' });
    expect(call?.unfurl_id).toMatch(/^C2147483705\./);
    const unfurl = (call!.unfurls as Unfurls)[url]!;
    expect(checkBlockKitLimits({ text: title, blocks: unfurl.blocks })).toEqual([]);
    const json = JSON.stringify(unfurl.blocks);
    expect(json).toContain(title);
    expect(json).toContain(source);
    // Every figure, and the buttons to the other views; no 👍/👎 (nobody asked anything).
    expect(json).toContain('100,000 QPS');
    expect(json).toContain('casebot.show.');
    expect(json).not.toContain('feedback');
    expect(h.calls['chat.postMessage']).toBeUndefined();
  });

  it('unfurls each case link of a message, also in the composer, and leaves other links alone', async () => {
    const a = `${CASES_URL}/edge.yaml?plain=1`;
    const b = `${CASES_URL}/finance.yml#L10`;
    const other = 'https://git.example.com/platform/casebook/-/blob/main/README.md';
    const missing = `${CASES_URL}/no-such-case.yaml`;
    await share([a, other, b, missing], { source: 'composer' });
    const call = h.calls['chat.unfurl']?.[0];
    expect(call?.source).toBe('composer');
    expect(Object.keys(call?.unfurls as Unfurls).sort()).toEqual([a, b].sort());
  });

  it('a message with no case link makes no call', async () => {
    await share(['https://git.example.com/platform/other-repo/ecommerce.yaml']);
    expect(h.calls['chat.unfurl']).toBeUndefined();
  });
});

describe('without CASES_URL', () => {
  it('nothing unfurls', async () => {
    const plain = await startHarness();
    try {
      const body = fixture<LinkShared>('link-shared.json');
      body.event_id = `Ev${randomUUID()}`;
      expect((await plain.postJson(body)).status).toBe(200);
      await plain.settled();
      expect(plain.calls['chat.unfurl']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
