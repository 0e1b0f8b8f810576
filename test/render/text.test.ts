import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Answer } from '../../src/core/model.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { renderText } from '../../src/render/text.js';

const catalog = await loadCatalog('cases');
const [ecommerce, finance] = catalog.cases as [
  (typeof catalog.cases)[0],
  (typeof catalog.cases)[0],
];
const options = { color: false, diagrams: DEFAULT_DIAGRAMS };

describe('renderText', () => {
  it.each(['en', 'zh'] as const)(
    'a case in %s: headline, every figure; detail a question away',
    (lang) => {
      const out = renderText(
        {
          kind: 'case',
          lang,
          case: ecommerce,
          section: null,
          query: '',
          score: 1,
          alternatives: [],
        },
        options,
      );
      expect(out).toContain(ecommerce.title[lang]);
      for (const m of ecommerce.metrics) {
        expect(out).toContain(`${m.before[lang]} → ${m.after[lang]}`);
      }
      expect(out).toContain(ecommerce.headline![lang]);
      expect(out).not.toContain(ecommerce.challenges[0]![lang]);
      expect(out).not.toContain('https://mermaid.ink/img/pako:');
      expect(out).not.toMatch(/\u001b\[/);
    },
  );

  it('colours on a terminal', () => {
    const out = renderText(
      { kind: 'list', lang: 'en', cases: catalog.cases },
      { ...options, color: true },
    );
    expect(out).toMatch(/\u001b\[1m/);
  });

  it('shows only the section asked for, and the alternatives', () => {
    const out = renderText(
      {
        kind: 'case',
        lang: 'en',
        case: finance,
        section: 'metrics',
        query: 'x',
        score: 0.6,
        alternatives: [{ caseId: 'ecommerce', title: 'E-commerce platform', score: 0.55 }],
      },
      options,
    );
    expect(out).toContain('99.9% → 99.99%');
    expect(out).not.toContain(finance.challenges[0]!.en);
    expect(out).toMatch(/Did you mean:\n\[E-commerce platform\]/);
  });

  it('renders every other kind in both languages', () => {
    const answers: Answer[] = (['en', 'zh'] as const).flatMap((lang): Answer[] => [
      { kind: 'list', lang, cases: catalog.cases },
      { kind: 'help', lang, commands: [{ usage: 'list', description: 'all' }] },
      { kind: 'compare', lang, cases: [ecommerce, finance] },
      { kind: 'tip', lang, tip: catalog.tips[0]!, case: ecommerce },
      { kind: 'no-match', lang, query: 'weather', cases: catalog.cases },
      { kind: 'notice', lang, tone: 'success', text: 'ok' },
    ]);
    for (const a of answers) expect(renderText(a, options).length).toBeGreaterThan(0);
    const compare = renderText(
      { kind: 'compare', lang: 'zh', cases: [ecommerce, finance] },
      options,
    );
    expect(compare).toContain('100,000 QPS 10×');
    expect(compare).toContain('多层安全防护 ↑');
  });

  it('never passes a terminal escape sequence from a question through', () => {
    const out = renderText(
      { kind: 'no-match', lang: 'en', query: 'evil \u001b[2J\u001b]0;pwned\u0007', cases: [] },
      options,
    );
    expect(out).not.toMatch(/[\u001b\u0007]/);
  });
});
