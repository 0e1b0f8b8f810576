import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { readSeed } from '../helpers/seed.js';

const catalog = await loadCatalog('cases');

/** "10,000 QPS" → ["10,000"]; "99.99%" → ["99.99"]; "显著提升" → []. */
const numbers = (s: string) => s.match(/\d[\d,.]*/g) ?? [];

describe('the casebook in cases/', () => {
  it('has the four seed cases in chapter order', () => {
    expect(catalog.cases.map((c) => c.id)).toEqual([
      'ecommerce',
      'finance',
      'edge',
      'ai-inference',
    ]);
  });

  it('has a month of daily tips, each linked to a known case when linked', () => {
    expect(catalog.tips.length).toBeGreaterThanOrEqual(30);
    for (const tip of catalog.tips) {
      if (tip.caseId) expect(catalog.byId.has(tip.caseId)).toBe(true);
    }
    const linked = new Set(catalog.tips.map((t) => t.caseId).filter(Boolean));
    expect(linked.size).toBe(4);
  });

  it('has the summary table with the seed ratings', () => {
    const ratings = Object.fromEntries(catalog.overview!.summary.map((r) => [r.caseId, r.rating]));
    expect(ratings).toEqual({ ecommerce: 5, finance: 5, edge: 4, 'ai-inference': 5 });
    for (const c of catalog.cases) expect(c.rating).toBe(ratings[c.id]);
  });

  it('every figure in every tip is the same in both languages', () => {
    for (const tip of catalog.tips) {
      expect(numbers(tip.text.en).sort(), tip.id).toEqual(numbers(tip.text.zh).sort());
    }
  });
});

describe('faithful to the seed casebook', () => {
  const seed = readSeed();

  it.each(['ecommerce', 'finance', 'edge', 'ai-inference'])(
    '%s: every metric figure, both languages',
    (id) => {
      const c = catalog.byId.get(id)!;
      const rows = seed.cases[id]!.metrics;
      expect(c.metrics).toHaveLength(rows.length);
      c.metrics.forEach((m, i) => {
        const [name, before, after, improvement] = rows[i]!;
        expect([m.name.zh, m.before.zh, m.after.zh, m.improvement.zh]).toEqual([
          name,
          before,
          after,
          improvement,
        ]);
        // The English carries exactly the same numbers.
        for (const [zh, en] of [
          [m.before.zh, m.before.en],
          [m.after.zh, m.after.en],
          [m.improvement.zh, m.improvement.en],
        ] as const) {
          expect(numbers(en), `${id} ${m.name.en}: "${en}" vs "${zh}"`).toEqual(numbers(zh));
        }
      });
    },
  );

  it.each(['ecommerce', 'finance', 'edge', 'ai-inference'])(
    '%s: solutions table as in the seed',
    (id) => {
      const c = catalog.byId.get(id)!;
      const rows = seed.cases[id]!.solutions;
      expect(c.solutions.map((s) => [s.technologies.zh, s.measures.zh, s.effect.zh])).toEqual(
        rows.map((r) => r.slice(1)),
      );
      expect(c.solutions.map((s) => s.principle)).toEqual([
        'containerisation',
        'declarative',
        'elasticity',
      ]);
    },
  );

  it.each(['ecommerce', 'finance', 'edge', 'ai-inference'])(
    '%s: the mermaid diagram as in the seed',
    (id) => {
      const c = catalog.byId.get(id)!;
      expect(c.diagram!.zh).toBe(seed.cases[id]!.diagram);
      // The English diagram has the same shape: same node ids and edges, translated labels.
      const shape = (d: string) => d.replace(/\[[^\]]*\]/g, '[]');
      expect(shape(c.diagram!.en)).toBe(shape(c.diagram!.zh));
    },
  );

  it('keeps the panorama diagram', () => {
    expect(catalog.overview!.diagram.zh).toBe(seed.overview);
  });
});
