import { describe, expect, it } from 'vitest';
import { questionSignature } from '../../src/search/question-signature.js';

describe('questionSignature: the same question in other words', () => {
  it.each([
    ['service mesh', 'What about a service mesh?'],
    ['Service-Mesh!!', 'service meshes'],
    ['chaos engineering on kafka', 'kafka chaos engineering'],
    ['how do we handle traffic spikes', 'handling traffic surges'],
    ['multi-tenant clusters on kubernetes', 'multi tenant cluster'],
    ['GPU 成本怎么降', '怎么降 GPU 的成本？'],
    ['GPU cost', 'GPU 成本'],
  ])('%j and %j are one', (a, b) => {
    expect(questionSignature(a)).toBe(questionSignature(b));
  });

  it.each([
    ['service mesh', 'service discovery'],
    ['kafka chaos engineering', 'kafka retention'],
    ['服务网格', '服务发现'],
  ])('%j and %j are two', (a, b) => {
    expect(questionSignature(a)).not.toBe(questionSignature(b));
  });

  it('keeps something of a question made of stop words only', () => {
    expect(questionSignature('how do we')).not.toBe('');
  });
});
