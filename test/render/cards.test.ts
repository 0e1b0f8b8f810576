import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { SECTIONS, type Section } from '../../src/catalog/schema.js';
import { helpCommands } from '../../src/core/help.js';
import type { Answer, CaseAnswer } from '../../src/core/model.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import type { CardElement } from '../../src/render/adaptive-types.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { MAX_ROW_BUTTONS } from '../../src/render/card-model.js';
import { answerCard, EXAMPLE_QUESTIONS } from '../../src/render/cards.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { changeOf } from '../../src/render/facts.js';
import { buildIndex } from '../../src/search/index.js';
import { parserEvents } from '../adapters/teams/card-schema.js';

const catalog = await loadCatalog('cases');
const o = { diagrams: DEFAULT_DIAGRAMS };
const LANGS = ['en', 'zh'] as const;

const caseAnswer = (
  id: string,
  lang: 'en' | 'zh',
  section: Section | null,
  query = '',
): CaseAnswer => ({
  kind: 'case',
  lang,
  case: catalog.byId.get(id)!,
  section,
  query,
  score: 0.8,
  alternatives: [],
});

function everyAnswer(lang: 'en' | 'zh'): Answer[] {
  const [a, b] = catalog.cases;
  return [
    ...catalog.cases.flatMap((c) =>
      [null, ...SECTIONS].map((s) => caseAnswer(c.id, lang, s, 'flash sale')),
    ),
    {
      ...caseAnswer(a!.id, lang, null, 'x'),
      alternatives: [{ caseId: b!.id, title: b!.title[lang], score: 0.5 }],
    },
    { kind: 'compare', lang, cases: [a!, b!] },
    { kind: 'list', lang, cases: catalog.cases },
    { kind: 'help', lang, commands: helpCommands(lang, catalog.cases) },
    { kind: 'tip', lang, tip: catalog.tips[0]!, case: a! },
    { kind: 'no-match', lang, query: "what's the weather", cases: catalog.cases },
    { kind: 'notice', lang, tone: 'success', text: 'ok' },
  ];
}

const teamsButtons = (els: readonly CardElement[]): string[] =>
  els.flatMap((e) =>
    e.type === 'ActionSet'
      ? e.actions.map((a) => a.title)
      : e.type === 'ColumnSet'
        ? e.columns.flatMap((c) => teamsButtons(c.items))
        : e.type === 'Container'
          ? teamsButtons(e.items)
          : [],
  );
const slackButtons = (answer: Answer): string[] =>
  renderBlockKit(answer, o).blocks.flatMap((b) =>
    b.type === 'actions'
      ? b.elements.map((e) => e.text.text)
      : b.type === 'section' && b.accessory
        ? [b.accessory.text.text]
        : b.type === 'context_actions'
          ? b.elements.flatMap((e) => [e.positive_button.text.text, e.negative_button.text.text])
          : [],
  );

describe('one answer, two platforms', () => {
  it.each(LANGS)('%s: same title, buttons in the same order with the same labels', (lang) => {
    for (const answer of everyAnswer(lang)) {
      const teams = renderAdaptiveCard(answer, o);
      const slack = renderBlockKit(answer, o);
      expect(teamsButtons(teams.body), answer.kind).toEqual(slackButtons(answer));
      const first = teams.body[0];
      if (slack.blocks[0]?.type === 'header' && first?.type === 'TextBlock') {
        expect(first.text.replace(/\\/g, '')).toBe(slack.blocks[0].text.text);
      }
      expect(teams.fallbackText, answer.kind).toBeTruthy();
      expect(slack.text, answer.kind).toBeTruthy();
    }
  });

  it('a daily tip has the same title on both', () => {
    const tip: Answer = { kind: 'tip', lang: 'en', tip: catalog.tips[0]! };
    const teams = JSON.stringify(renderAdaptiveCard(tip, { ...o, daily: true }).body);
    const slack = JSON.stringify(renderBlockKit(tip, { ...o, daily: true }).blocks);
    expect(teams).toContain('Tip of the day');
    expect(slack).toContain('Tip of the day');
  });
});

describe('Teams: native cards', () => {
  it.each(LANGS)('%s: no parser event, two-letter lang, at most three buttons a row', (lang) => {
    for (const answer of everyAnswer(lang)) {
      const card = renderAdaptiveCard(answer, o);
      expect(parserEvents(card), answer.kind).toEqual([]);
      expect(card.lang).toBe(lang);
      expect(card.actions ?? []).toEqual([]);
      const rows = card.body.filter((e) => e.type === 'ActionSet');
      for (const row of rows) {
        expect(row.type === 'ActionSet' && row.actions.length).toBeLessThanOrEqual(MAX_ROW_BUTTONS);
      }
      // Every button changes the card in place, with a plain submit for older clients.
      for (const action of JSON.stringify(card.body).match(/"type":"Action\.\w+"/g) ?? []) {
        expect([
          '"type":"Action.Execute"',
          '"type":"Action.Submit"',
          '"type":"Action.OpenUrl"',
        ]).toContain(action);
      }
    }
  });

  it('feedback is its own row right under its question; the diagram image is the only diagram link', () => {
    const card = renderAdaptiveCard(caseAnswer('ecommerce', 'en', 'architecture', 'q'), o);
    const i = card.body.findIndex((e) => e.type === 'TextBlock' && e.text === 'Was this helpful?');
    const row = card.body[i + 1];
    expect(row?.type).toBe('ActionSet');
    expect(row?.type === 'ActionSet' && row.actions.map((a) => a.title)).toEqual([
      '👍 Yes',
      '👎 No',
    ]);
    const json = JSON.stringify(card.body);
    expect(json.match(/mermaid\.live/g)).toHaveLength(1);
    expect(card.body.find((e) => e.type === 'Image')).toMatchObject({
      selectAction: { type: 'Action.OpenUrl' },
    });
  });

  it('metrics and compare are Tables; headings are larger than the body text', () => {
    const json = JSON.stringify(renderAdaptiveCard(caseAnswer('edge', 'en', null), o));
    expect(json).toContain('"type":"Table"');
    const compare = renderAdaptiveCard(
      { kind: 'compare', lang: 'en', cases: [catalog.cases[0]!, catalog.cases[1]!] },
      o,
    );
    expect(compare.body.filter((e) => e.type === 'Table')).toHaveLength(1);
    const section = renderAdaptiveCard(caseAnswer('edge', 'en', 'challenges'), o);
    const headings = section.body.filter((e) => e.type === 'TextBlock' && e.weight === 'bolder');
    for (const h of headings) expect(h.type === 'TextBlock' && h.size).toBe('large');
  });
});

describe('a compact case card', () => {
  it.each(catalog.cases.map((c) => c.id))(
    '%s: leads with the headline; detail is one click away',
    (id) => {
      for (const lang of LANGS) {
        const card = answerCard(caseAnswer(id, lang, null), { ...o, surface: 'slack' });
        expect(card.blocks.map((b) => b.kind).slice(0, 5)).toEqual([
          'title',
          'lead',
          'text',
          'table',
          'bullets',
        ]);
        expect(card.blocks.some((b) => b.kind === 'image')).toBe(false);
        const nav = card.blocks.find((b) => b.kind === 'actions');
        expect(nav?.kind === 'actions' && nav.buttons.map((b) => b.action)).toEqual([
          { kind: 'show', caseId: id, section: 'architecture' },
          { kind: 'show', caseId: id, section: 'challenges' },
          { kind: 'show', caseId: id, section: 'solutions' },
        ]);
      }
    },
  );

  it('a section view never offers a button to itself, and always one back to the summary', () => {
    for (const section of ['architecture', 'challenges', 'solutions'] as const) {
      const card = answerCard(caseAnswer('finance', 'en', section), { ...o, surface: 'teams' });
      const nav = card.blocks.find((b) => b.kind === 'actions');
      const targets = nav?.kind === 'actions' ? nav.buttons.map((b) => b.action) : [];
      expect(targets).toContainEqual({ kind: 'show', caseId: 'finance', section: null });
      expect(targets).not.toContainEqual({ kind: 'show', caseId: 'finance', section });
    }
  });

  it('the change column is always a figure (or ↑ where the case gives none)', () => {
    for (const c of catalog.cases) {
      for (const m of c.metrics) {
        for (const lang of LANGS)
          expect(changeOf(m, lang)).toMatch(/^(\d[\d.]*×|−\d+ %|[+−][\d.]+ (pp|个百分点)|↑)$/);
      }
    }
  });

  it('every figure in a headline is one of the case’s metrics', () => {
    for (const c of catalog.cases) {
      for (const lang of LANGS) {
        const figures =
          `${c.metrics.map((m) => `${m.before[lang]} ${m.after[lang]} ${m.improvement[lang]}`).join(' ')}`.replace(
            /\s/g,
            '',
          );
        for (const f of c.headline?.[lang].match(/\d[\d,.]*/g) ?? []) expect(figures).toContain(f);
      }
    }
  });
});

describe('other answers', () => {
  it('no-match says so in one line, offers example questions that find a case, and the cases', () => {
    const index = buildIndex(catalog.cases);
    for (const lang of LANGS) {
      const card = answerCard(
        { kind: 'no-match', lang, query: 'weather', cases: catalog.cases },
        { ...o, surface: 'teams' },
      );
      expect(card.blocks[0]?.kind).toBe('title');
      const asks = card.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
      expect(asks.filter((b) => b.action.kind === 'ask')).toHaveLength(EXAMPLE_QUESTIONS.length);
      expect(asks.filter((b) => b.action.kind === 'show')).toHaveLength(catalog.cases.length);
      for (const q of EXAMPLE_QUESTIONS)
        expect(index.search(q[lang]).matches[0]?.caseId, q[lang]).toBe(q.caseId);
      const json = JSON.stringify(
        renderAdaptiveCard({ kind: 'no-match', lang, query: 'w', cases: catalog.cases }, o),
      );
      expect(json).not.toContain('"color":"warning"');
    }
  });

  it('no-match offers no example question about a case the casebook being served lacks', () => {
    const own = catalog.cases.filter((c) => c.id === 'finance' || c.id === 'edge');
    const card = answerCard(
      { kind: 'no-match', lang: 'en', query: 'weather', cases: own },
      { ...o, surface: 'slack' },
    );
    const buttons = card.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
    // "Ask a person" first, then the two cases; no example question about a missing case.
    expect(buttons.map((b) => b.action.kind)).toEqual(['handoff', 'show', 'show']);
  });

  it('help shows commands as code, in the form each platform types them', () => {
    const help: Answer = { kind: 'help', lang: 'en', commands: helpCommands('en', catalog.cases) };
    expect(JSON.stringify(renderBlockKit(help, o).blocks)).toContain('`/case list`');
    const teams = JSON.stringify(renderAdaptiveCard(help, o).body);
    expect(teams).toMatch(/"text":"@casebot list","wrap":true,"fontType":"monospace"/);
    expect(slackButtons(help)).toEqual(['📚 All cases', '💡 A tip']);
  });

  it('Chinese cards use full-width punctuation and 容器化', () => {
    for (const answer of everyAnswer('zh')) {
      const text = renderBlockKit(answer, o)
        .blocks.flatMap((b) =>
          b.type === 'section' && b.text ? [b.text.text] : b.type === 'header' ? [b.text.text] : [],
        )
        .join('\n');
      expect(text).not.toMatch(/[\u4e00-\u9fff][:,(]|[:,(][\u4e00-\u9fff]/);
      expect(text).not.toContain('集装箱化');
    }
  });
});
