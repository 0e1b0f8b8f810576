import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type Harness, startTeams } from './harness.js';

/**
 * The search messaging extension with more cases than one page: Teams asks for a page with
 * `queryOptions` (`skip`, `count`; 25 on the first run) and shows at most 10 results.
 */
const TITLES = Array.from({ length: 12 }, (_, i) => `Case ${String(i + 1).padStart(2, '0')}`);

let dir: string;
let teams: Harness;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-paging-'));
  writeFileSync(path.join(dir, 'casebook.yaml'), 'lang: en\n');
  TITLES.forEach((title, i) => {
    const id = `case-${i + 1}`;
    writeFileSync(
      path.join(dir, `${id}.yaml`),
      [
        `id: ${id}`,
        `order: ${i + 1}`,
        `title: ${title}`,
        `summary: The ${title} summary.`,
        'challenges: [Slow deploys]',
        'solutions:',
        '  - principle: containerisation',
        '    technologies: Docker',
        '    measures: One image per service',
        '    effect: Deploys in minutes',
        '',
      ].join('\n'),
    );
  });
  teams = await startTeams({ casesDir: dir });
});
afterAll(async () => {
  await teams?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The titles of the page Teams gets (the empty query lists the whole casebook, in order). */
async function page(
  queryOptions: { skip?: number; count?: number },
  query = '',
): Promise<string[]> {
  const invoke = fixture('compose-extension-query');
  const value = {
    commandId: 'searchCases',
    parameters: [{ name: 'query', value: query }],
    queryOptions,
  };
  const res = await teams.post({ ...invoke, value });
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    composeExtension: { attachments: { preview: { content: { title: string } } }[] };
  };
  return body.composeExtension.attachments.map((a) => a.preview.content.title);
}

describe('Teams search results, page by page', () => {
  it('never sends more than the 10 results Teams shows, whatever count it asks for', async () => {
    expect(await page({ skip: 0, count: 25 })).toEqual(TITLES.slice(0, 10));
    expect(await page({})).toEqual(TITLES.slice(0, 10));
  });

  it('gives the page Teams asks for: count results after the first skip', async () => {
    expect(await page({ skip: 0, count: 4 })).toEqual(TITLES.slice(0, 4));
    expect(await page({ skip: 4, count: 4 })).toEqual(TITLES.slice(4, 8));
    expect(await page({ skip: 8, count: 4 })).toEqual(TITLES.slice(8, 12));
    expect(await page({ skip: 10, count: 25 })).toEqual(TITLES.slice(10));
    expect(await page({ skip: 12, count: 25 })).toEqual([]);
  });

  it('puts a case named outright (by title or id, however spaced) first, even one the search misses', async () => {
    expect((await page({ skip: 0, count: 25 }, 'Case 07'))[0]).toBe('Case 07');
    expect((await page({ skip: 0, count: 25 }, 'case-11'))[0]).toBe('Case 11');
    expect((await page({ skip: 0, count: 25 }, 'case07'))[0]).toBe('Case 07');
  });
});
