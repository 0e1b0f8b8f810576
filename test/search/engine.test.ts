import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Case } from '../../src/catalog/schema.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/types.js';

let index: SearchIndex;
let cases: readonly Case[];

beforeAll(async () => {
  cases = (await loadCatalog('cases')).cases;
  index = buildIndex(cases);
});

const top = (q: string) => index.search(q).matches[0]?.caseId ?? null;

describe('search over the casebook', () => {
  it('indexes every case', () => {
    expect(index.size).toBe(cases.length);
  });

  it.each([
    ['ecomerce flash sale', 'ecommerce'],
    ['kubernets black friday', 'ecommerce'],
    ['finanace compliance', 'finance'],
    ['infrence gpu', 'ai-inference'],
    ['edge computng iot', 'edge'],
  ])('forgives typos: %s → %s', (q, want) => {
    expect(top(q)).toBe(want);
  });

  it.each([
    ['显卡 推理', 'ai-inference'],
    ['大模型 serving', 'ai-inference'],
    ['internet of things sensors', 'edge'],
    ['双11 扛住流量', 'ecommerce'],
  ])('uses synonyms: %s → %s', (q, want) => {
    expect(top(q)).toBe(want);
  });

  it('finds Chinese keywords inside unsegmented text', () => {
    expect(top('我们的风控系统要上云')).toBe('finance');
    expect(top('双十一零点流量暴涨服务扛不住')).toBe('ecommerce');
  });

  it.each([
    '今天天气怎么样',
    '你好',
    'what time does the bank open',
    'how do I bake bread in a container',
    '我想买一部手机',
    'asdfgh',
    'architecture diagram for the weather app',
    'show me the metrics',
    'kubernetes',
  ])('matches nothing for out-of-scope %s', (q) => {
    expect(index.search(q).matches).toEqual([]);
  });

  it('still reports the section when nothing matches', () => {
    const r = index.search('architecture diagram for the weather app');
    expect(r.section).toBe('architecture');
    expect(r.matches).toEqual([]);
  });

  it('gives scores in [0, 1], best first, at most 4', () => {
    for (const q of ['推理服务 弹性扩缩 GPU自动扩展', 'k8s autoscaling gpu edge bank flash sale']) {
      const { matches } = index.search(q);
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.length).toBeLessThanOrEqual(4);
      for (const m of matches) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
      const scores = matches.map((m) => m.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('reports the matched terms and the language', () => {
    const r = index.search('秒杀 架构图');
    expect(r.lang).toBe('zh');
    expect(r.section).toBe('architecture');
    expect(r.matches[0]?.caseId).toBe('ecommerce');
    expect(r.matches[0]?.matchedTerms).toContain('秒杀');
  });

  it('answers a 10,000-character question sanely', () => {
    const q = `flash sale on black friday ${'x'.repeat(10_000)}`;
    expect(q.length).toBeGreaterThanOrEqual(10_000);
    const r = index.search(q);
    expect(r.query).toBe(q);
    expect(r.matches[0]?.caseId).toBe('ecommerce');
    const noise = index.search('lorem ipsum dolor sit amet '.repeat(400));
    expect(noise.matches).toEqual([]);
  });

  it('handles empty and symbol-only questions', () => {
    expect(index.search('').matches).toEqual([]);
    expect(index.search('   ?!  ').matches).toEqual([]);
    expect(index.search('😂😂😂').lang).toBe('en');
  });
});

describe('search over any casebook', () => {
  it('finds long keywords that mix Latin and Chinese, written inside a question', () => {
    const keywords = { zh: ['k8s集群扩容', '双11大促 qps'], en: ['gpu sharing for llm serving'] };
    const own = buildIndex([{ ...cases[0]!, id: 'mixed', keywords }, ...cases.slice(1)]);
    const terms = (q: string) => own.search(q).matches.find((m) => m.caseId === 'mixed');
    expect(terms('我们k8s集群扩容太慢')?.matchedTerms).toContain('k8s集群扩容');
    expect(terms('双11大促 qps 撑不住')?.matchedTerms).toContain('双11大促qps');
    expect(terms('how to do gpu sharing for llm serving')?.matchedTerms).toContain(
      'gpu shar for llm serv',
    );
  });

  it('works on a single in-memory case and an empty casebook', () => {
    const one = buildIndex([{ ...cases[0]!, id: 'solo' }]);
    expect(one.search(cases[0]!.keywords.en[0]!).matches[0]?.caseId).toBe('solo');
    const none = buildIndex([]);
    expect(none.size).toBe(0);
    expect(none.search('flash sale').matches).toEqual([]);
  });
});
