import { describe, expect, it } from 'vitest';
import { PostingCollector } from '../../src/search/postings.js';

/** Term `t`'s postings as [case, weight] pairs. */
function listOf(lists: ReturnType<PostingCollector['lists']>, t: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = lists.starts[t]!; i < lists.starts[t + 1]!; i++) {
    out.push([lists.docs[i]!, lists.weights[i]!]);
  }
  return out;
}

describe('collecting postings case by case', () => {
  it('keeps the best weight of a term in each case and the cases in order', () => {
    const postings = new PostingCollector();
    postings.add(1, 0, 0.5);
    postings.add(0, 0, 0.25);
    postings.add(1, 0, 0.75);
    postings.add(1, 0, 0.5);
    postings.add(0, 2, 1);
    postings.add(1, 3, 0.125);
    const lists = postings.lists(3);
    expect(listOf(lists, 0)).toEqual([
      [0, 0.25],
      [2, 1],
    ]);
    expect(listOf(lists, 1)).toEqual([
      [0, 0.75],
      [3, 0.125],
    ]);
    expect(listOf(lists, 2)).toEqual([]);
  });

  it('holds a casebook far bigger than its first buffers', () => {
    const postings = new PostingCollector();
    const terms = 20_000;
    const cases = 30;
    for (let doc = 0; doc < cases; doc++) {
      for (let t = doc % 3; t < terms; t += 3) postings.add(t, doc, (t % 7) + doc / 100);
    }
    const lists = postings.lists(terms);
    expect(lists.docs.length).toBe((terms / 3) * cases);
    for (const t of [0, 1, 2, 9_999, terms - 1]) {
      const docs = Array.from({ length: cases / 3 }, (_, k) => (t % 3) + 3 * k);
      expect(listOf(lists, t)).toEqual(docs.map((doc) => [doc, (t % 7) + doc / 100]));
    }
  });
});
