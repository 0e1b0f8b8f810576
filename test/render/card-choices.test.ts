import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { CaseAnswer } from '../../src/core/model.js';
import type { Card, CardButton } from '../../src/render/card-model.js';
import { answerCard } from '../../src/render/cards.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';

/** What a card offers to open: every case of the list, every "Did you mean" runner-up. */
const catalog = await loadCatalog('cases');
const context = { diagrams: DEFAULT_DIAGRAMS, surface: 'slack' } as const;

const opens = (buttons: readonly CardButton[]) =>
  buttons.map((b) => (b.action.kind === 'show' ? b.action.caseId : b.action.kind));
const block = <K extends Card['blocks'][number]['kind']>(card: Card, kind: K, id: string) =>
  card.blocks.find((b) => b.kind === kind && 'id' in b && b.id === id) as
    | Extract<Card['blocks'][number], { kind: K }>
    | undefined;

describe('cards that offer cases', () => {
  it('the list offers every case of the casebook, in order, each with its Open button', () => {
    for (const lang of ['en', 'zh'] as const) {
      const card = answerCard({ kind: 'list', lang, cases: catalog.cases }, context);
      const choices = block(card, 'choices', 'cases');
      expect(choices?.items.map((i) => i.title.replace(/\s*★+☆*$/u, ''))).toEqual(
        catalog.cases.map((c) => c.title[lang]),
      );
      expect(opens(choices!.items.map((i) => i.button))).toEqual(catalog.cases.map((c) => c.id));
    }
  });

  it('a case answer offers every runner-up (up to three) under "Did you mean"', () => {
    const [first, ...rest] = catalog.cases;
    const answer: CaseAnswer = {
      kind: 'case',
      lang: 'en',
      case: first!,
      section: null,
      query: 'x',
      score: 0.7,
      alternatives: rest.map((c) => ({ caseId: c.id, title: c.title.en, score: 0.6 })),
    };
    expect(rest).toHaveLength(3);
    const card = answerCard(answer, context);
    const alternatives = block(card, 'actions', 'alternatives');
    expect(opens(alternatives!.buttons)).toEqual(rest.map((c) => c.id));
    expect(alternatives!.buttons.map((b) => b.label)).toEqual(rest.map((c) => c.title.en));
  });
});
