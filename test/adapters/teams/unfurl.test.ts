import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from './card-schema.js';
import { connector, fixture, type Harness, startTeams } from './harness.js';

const CASES_URL = 'https://git.example.com/platform/casebook/-/blob/main/cases';

let teams: Harness;
beforeAll(async () => {
  teams = await startTeams({ casesUrl: CASES_URL });
});
afterAll(() => teams.close());
afterEach(() => nock.cleanAll());

interface LinkReply {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: {
      contentType: string;
      content: Record<string, unknown>;
      preview: { contentType: string; content: { title: string } };
    }[];
  };
}

async function pasteLink(url: string, locale = 'en-US', on: Harness = teams): Promise<LinkReply> {
  const { sent } = connector();
  const res = await on.post({ ...fixture('query-link'), locale, value: { url } });
  expect(res.status).toBe(200);
  expect(sent).toEqual([]);
  return (await res.json()) as LinkReply;
}

describe('Teams: a pasted link to a case file unfurls as its card', () => {
  it.each([
    ['en-US', 'E-commerce platform', 'Case file'],
    ['zh-CN', '电商平台', '案例文件'],
  ])('%s: the case card, in the language of whoever pastes it', async (locale, title, source) => {
    const reply = await pasteLink(`${CASES_URL}/ecommerce.yaml`, locale);
    expect(reply.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [result] = reply.composeExtension.attachments;
    expect(result?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(result?.preview.content.title).toBe(title);
    const card = result!.content;
    expect(cardSchemaErrors(card)).toEqual([]);
    const json = JSON.stringify(card.body);
    expect(json).toContain(title);
    expect(json).toContain(source);
    expect(json).toContain('100,000 QPS');
    // Buttons to the other views; no 👍/👎 (nobody asked anything).
    expect(json).toContain('"casebot":"show"');
    expect(json).not.toContain('"casebot":"feedback"');
  });

  it('a link on the domain that is not a case file unfurls to nothing', async () => {
    for (const url of [
      'https://git.example.com/platform/casebook/-/blob/main/README.md',
      `${CASES_URL}/no-such-case.yaml`,
    ]) {
      const reply = await pasteLink(url);
      expect(reply.composeExtension.attachments).toEqual([]);
    }
  });

  it('without CASES_URL nothing unfurls', async () => {
    const plain = await startTeams();
    try {
      const reply = await pasteLink(`${CASES_URL}/ecommerce.yaml`, 'en-US', plain);
      expect(reply.composeExtension.attachments).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
