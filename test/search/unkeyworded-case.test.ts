import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import { casebookSchemas, normaliseCase } from '../../src/catalog/schema.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/types.js';

// A team's own case, English only, with no keywords but its title: search must find it from
// what its text says (background, challenges, solutions, metrics) through the concept layer.
const FILE = 'test/fixtures/casebook-no-keywords/data-pipeline.yaml';

describe('a case without keywords, in a casebook with the seed cases', () => {
  let index: SearchIndex;

  beforeAll(async () => {
    const extra = normaliseCase(
      casebookSchemas().caseFile.parse(parse(await readFile(FILE, 'utf8'))),
      'en',
    );
    const { cases } = await loadCatalog('cases');
    index = buildIndex([...cases, extra]);
  });

  const top = (q: string) => index.search(q).matches[0]?.caseId ?? null;

  it.each([
    "the ETL doesn't finish before people come in and open their dashboards",
    'when a load crashes midway we are left with partial tables and somebody re-runs it manually',
    'events that arrive twice mess up our analytics numbers',
    'our analytics cluster does nothing in the daytime and is too small overnight',
    '跑批任务半夜跑不完，早上报表出不来',
    '数仓里有重复数据，报表对不上',
    'the overnight batch is still running when the business opens and the dashboards are stale',
    'events that show up late or twice throw off the billing report',
    'we pay for a cluster that does nothing all day',
    '报表每天早上都出不来，夜里的任务跑太久',
  ])('is found by a paraphrase of its challenges: %s', (q) => {
    expect(top(q)).toBe('data-pipeline');
  });

  it.each([
    ['how much did the nightly pipeline speed up', 'metrics'],
    ['what did the data pipeline use to retry failed steps', 'solutions'],
  ])('answers a question about one part of it: %s', (q, section) => {
    const r = index.search(q);
    expect(r.matches[0]?.caseId).toBe('data-pipeline');
    expect(r.section).toBe(section);
  });

  it.each([
    ['店铺搞满减活动的时候页面全挂了', 'ecommerce'],
    ['怎么保证转账不丢钱也不重复', 'finance'],
    ['we spend too much on GPUs', 'ai-inference'],
  ])('leaves the seed cases their questions: %s', (q, want) => {
    expect(top(q)).toBe(want);
  });

  it('stays out of off-topic questions', () => {
    expect(index.search('how do I cancel my online order').matches).toEqual([]);
  });
});

// A team's casebook written in English only, about platform work the seed never mentions: a
// question in Chinese reaches its cases through the concepts both languages share.
describe('a Chinese question to an English-only team casebook', () => {
  let index: SearchIndex;

  beforeAll(async () => {
    index = buildIndex((await loadCatalog('test/fixtures/casebook-own')).cases);
  });

  const top = (q: string) => index.search(q).matches[0]?.caseId ?? null;

  it.each([
    ['怎么定期轮换数据库密码', 'secrets-rotation'],
    ['数据库密码被提交到代码仓库了', 'secrets-rotation'],
    ['密钥泄露了怎么办', 'secrets-rotation'],
    ['链路追踪怎么做，请求慢在哪个服务', 'tracing'],
    ['编译太慢，每个合并请求都要全量构建', 'build-cache'],
    ['构建缓存怎么在流水线之间共享', 'build-cache'],
    ['持续集成的账单翻倍了', 'build-cache'],
  ])('finds %s → %s', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it.each(['我忘记密码了', '仓库里的货太多了', '周末去哪里玩'])('leaves %s unmatched', (q) => {
    expect(top(q)).toBeNull();
  });
});
