import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { SECTIONS, type Section } from '../../src/catalog/schema.js';
import type { CaseAnswer } from '../../src/core/model.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';

const catalog = await loadCatalog('cases');
const focuses: (Section | null)[] = [null, ...SECTIONS];

/** Whatever part a question asked for, a case card carries the metrics and the diagram. */
describe.each(catalog.cases.map((c) => [c.id, c] as const))('%s card essentials', (_, c) => {
  it.each(
    focuses.flatMap((section) => (['en', 'zh'] as const).map((lang) => [section, lang] as const)),
  )('focus %s, %s', (section, lang) => {
    const answer: CaseAnswer = {
      kind: 'case',
      lang,
      case: c,
      section,
      query: 'q',
      score: 0.8,
      alternatives: [],
    };
    const after = c.metrics[0]!.after[lang];
    const slack = JSON.stringify(renderBlockKit(answer, { diagrams: DEFAULT_DIAGRAMS }));
    expect(slack).toContain(after);
    expect(slack).toContain('"type":"image"');
    expect(slack).toContain('https://mermaid.live/edit#pako:');
    const teams = JSON.stringify(renderAdaptiveCard(answer, { diagrams: DEFAULT_DIAGRAMS }));
    expect(teams).toContain(after);
    expect(teams).toContain('https://mermaid.ink/img/pako:');
    expect(teams).toContain('https://mermaid.live/edit#pako:');
  });
});
