import { describe, expect, it } from 'vitest';
import { detectLang, normalize, tokenize } from '../../src/search/index.js';
import { stem } from '../../src/search/stem.js';
import { buildSynonymMap } from '../../src/search/synonyms.js';
import { termKey } from '../../src/search/tokenize.js';

describe('normalize', () => {
  it('folds full-width characters and case', () => {
    expect(normalize('ＧＰＵ ｋ８ｓ ＩｏＴ')).toBe('gpu k8s iot');
  });

  it('turns emoji and punctuation into single spaces', () => {
    expect(normalize('🛒🔥 Flash-Sale!!  on   K8s?')).toBe('flash sale on k8s');
    expect(normalize('双十一，扛住！')).toBe('双十一 扛住');
  });

  it('keeps only the first 500 characters', () => {
    expect(normalize('a'.repeat(10_000)).length).toBe(500);
  });

  it('returns an empty string for emoji only', () => {
    expect(normalize('😂😂😂')).toBe('');
  });
});

describe('detectLang', () => {
  it('is zh when any CJK ideograph is present', () => {
    expect(detectLang('k8s 上跑大模型')).toBe('zh');
    expect(detectLang('GPU')).toBe('en');
    expect(detectLang('')).toBe('en');
  });
});

describe('tokenize', () => {
  it('splits Chinese into words and bigrams', () => {
    const tokens = tokenize('电商大促怎么扛住流量');
    expect(tokens).toEqual(expect.arrayContaining(['电商', '大促', '流量']));
  });

  it('drops stop words in both languages', () => {
    const tokens = tokenize('how do we scale the shop? 我们的系统怎么办');
    expect(tokens).not.toContain('how');
    expect(tokens).not.toContain('the');
    expect(tokens).not.toContain('我们');
    expect(tokens).not.toContain('怎么办');
    expect(tokens).toContain('shop');
  });

  it('stems English lightly', () => {
    expect(stem('scaling')).toBe(stem('scale'));
    expect(stem('devices')).toBe(stem('device'));
    expect(stem('gpus')).toBe('gpu');
    expect(stem('k8s')).toBe('k8s');
    expect(stem('kubernets')).toBe(stem('kubernetes'));
  });
});

describe('synonyms', () => {
  const map = buildSynonymMap();
  const syn = (term: string) => map.get(termKey(term)) ?? [];

  it('links terms both ways and across languages', () => {
    expect(syn('k8s')).toContain(termKey('kubernetes'));
    expect(syn('kubernetes')).toContain(termKey('k8s'));
    expect(syn('显卡')).toContain(termKey('gpu'));
    expect(syn('iot')).toContain(termKey('物联网'));
    expect(syn('双11')).toContain(termKey('双十一'));
    expect(syn('hpa')).toContain(termKey('自动扩缩容'));
    expect(syn('db')).toContain(termKey('数据库'));
  });
});
