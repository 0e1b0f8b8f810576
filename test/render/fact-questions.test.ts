import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { plainOf } from '../../src/render/card-model.js';
import { answerCard } from '../../src/render/cards.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { MemoryStore } from '../../src/store/memory-store.js';

interface FactQuestion {
  readonly q: string;
  readonly case: string;
  readonly fact: string;
}

const questions = parse(
  readFileSync(new URL('../fixtures/fact-questions.yaml', import.meta.url), 'utf8'),
) as FactQuestion[];
const catalog = await loadCatalog('cases');
const core = createCore({
  catalog,
  store: new MemoryStore(),
  defaultLocale: 'en',
  now: () => new Date('2026-01-01T00:00:00Z'),
});

async function leads(f: FactQuestion): Promise<string | null> {
  const answer = await core.handle({ id: 'r', platform: 'cli', text: f.q });
  if (answer.kind !== 'case') return `no case (${answer.kind})`;
  if (answer.case.id !== f.case) return `found ${answer.case.id}`;
  const card = answerCard(answer, { diagrams: DEFAULT_DIAGRAMS, surface: 'slack' });
  const lead = card.blocks.slice(0, 5).find((b) => b.kind === 'lead');
  if (lead?.kind !== 'lead') return 'no lead block in the first five';
  const text = plainOf(lead.text);
  if (!text.includes(f.fact)) return `lead is "${text}"`;
  // Both platforms show it in their first five blocks too.
  const slack = JSON.stringify(
    renderBlockKit(answer, { diagrams: DEFAULT_DIAGRAMS }).blocks.slice(0, 5),
  );
  const teams = JSON.stringify(
    renderAdaptiveCard(answer, { diagrams: DEFAULT_DIAGRAMS }).body.slice(0, 5),
  );
  if (!slack.includes(f.fact) || !teams.includes(f.fact))
    return 'not in the first five blocks of a platform';
  return null;
}

describe('questions for one fact', () => {
  it(`lead with that fact for at least 95 % of ${questions.length} held-out questions`, async () => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
    const misses: string[] = [];
    for (const f of questions) {
      const why = await leads(f);
      if (why) misses.push(`${f.q} → ${why}`);
    }
    const rate = (questions.length - misses.length) / questions.length;
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
