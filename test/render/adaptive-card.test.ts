import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, loadCatalog } from '../../src/catalog/load.js';
import { LANGS, type Lang, SECTIONS } from '../../src/catalog/schema.js';
import { helpCommands } from '../../src/core/help.js';
import type { Answer } from '../../src/core/model.js';
import { parseSubmitData } from '../../src/render/adaptive-actions.js';
import { MAX_CARD_BYTES, renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { escapeMarkdown } from '../../src/render/adaptive-text.js';
import { DEFAULT_DIAGRAMS, type DiagramOptions } from '../../src/render/diagram.js';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';

/** The JSON state in a mermaid.ink / mermaid.live `pako:` link (zlib deflate, base64url). */
const inflatePako = (state: string): unknown =>
  JSON.parse(inflateSync(Buffer.from(state, 'base64url')).toString('utf8'));

const CASES_DIR = path.resolve(import.meta.dirname, '../../cases');
const INJECTION = '[click me](https://evil.example) **loud** _x_ <at>Everyone</at>\n- item';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(CASES_DIR);
});

/** Every Answer kind, for every case, in one language. */
function everyAnswer(lang: Lang): { name: string; answer: Answer }[] {
  const out: { name: string; answer: Answer }[] = [];
  const cases = catalog.cases;
  cases.forEach((c, i) => {
    const others = cases.filter((o) => o.id !== c.id);
    for (const section of [null, ...SECTIONS]) {
      out.push({
        name: `case ${c.id} ${section ?? 'full'}`,
        answer: { kind: 'case', lang, case: c, section, query: '', score: 1, alternatives: [] },
      });
    }
    out.push({
      name: `case ${c.id} with alternatives`,
      answer: {
        kind: 'case',
        lang,
        case: c,
        section: 'metrics',
        query: INJECTION,
        score: 0.6,
        alternatives: others
          .slice(0, 3)
          .map((o) => ({ caseId: o.id, title: o.title[lang], score: 0.5 })),
      },
    });
    out.push({
      name: `compare ${c.id}`,
      answer: { kind: 'compare', lang, cases: [c, cases[(i + 1) % cases.length]!] },
    });
  });
  for (const tip of catalog.tips) {
    const c = tip.caseId ? catalog.byId.get(tip.caseId) : undefined;
    out.push({
      name: `tip ${tip.id}`,
      answer: c ? { kind: 'tip', lang, tip, case: c } : { kind: 'tip', lang, tip },
    });
  }
  out.push({
    name: 'tip without case',
    answer: { kind: 'tip', lang, tip: { id: 'x', text: { en: 'A tip', zh: '技巧' } } },
  });
  out.push({ name: 'list', answer: { kind: 'list', lang, cases } });
  out.push({
    name: 'help',
    answer: { kind: 'help', lang, commands: helpCommands(lang, catalog.cases) },
  });
  out.push({
    name: 'help intro',
    answer: { kind: 'help', lang, intro: 'Ask `me`', commands: helpCommands(lang, catalog.cases) },
  });
  out.push({ name: 'no-match', answer: { kind: 'no-match', lang, query: INJECTION, cases } });
  for (const tone of ['success', 'info', 'warning', 'error'] as const) {
    out.push({
      name: `notice ${tone}`,
      answer: { kind: 'notice', lang, tone, text: `Use \`list\` ${INJECTION}` },
    });
  }
  return out;
}

const DIAGRAM_SETTINGS: DiagramOptions[] = [
  DEFAULT_DIAGRAMS,
  { renderer: 'kroki', baseUrl: 'https://kroki.io' },
  { renderer: 'none', baseUrl: '' },
];

describe('renderAdaptiveCard: every card against the Adaptive Card schema', () => {
  for (const lang of LANGS) {
    for (const diagrams of DIAGRAM_SETTINGS) {
      it(`${lang}, diagrams ${diagrams.renderer}: valid, < 28 KB, fallback filled, ≤ 6 actions`, () => {
        const answers = everyAnswer(lang);
        expect(answers.length).toBeGreaterThan(40);
        for (const { name, answer } of answers) {
          const card = renderAdaptiveCard(answer, { diagrams });
          expect(cardSchemaErrors(card), name).toEqual([]);
          expect(card.version).toBe('1.5');
          expect(card.$schema).toMatch(/adaptivecards\.io/);
          expect(card.fallbackText?.trim().length, name).toBeGreaterThan(0);
          expect(Buffer.byteLength(JSON.stringify(card)), name).toBeLessThan(MAX_CARD_BYTES);
          expect(card.actions?.length ?? 0, name).toBeLessThanOrEqual(6);
        }
      });
    }
  }
});

describe('renderAdaptiveCard: content', () => {
  it('a case card shows the metrics as a Table; the diagram view links the image to the editor', () => {
    const c = catalog.byId.get('ecommerce')!;
    const answer: Answer = {
      kind: 'case',
      lang: 'en',
      case: c,
      section: null,
      query: 'flash sale',
      score: 0.9,
      alternatives: [],
    };
    const card = renderAdaptiveCard(answer, { diagrams: DEFAULT_DIAGRAMS });
    const json = JSON.stringify(card.body);
    // The seed's figures for this case, as cases/ecommerce.yaml carries them into English.
    for (const figure of [
      'Concurrent throughput',
      '10,000 QPS',
      '100,000 QPS',
      'Response time',
      '500 ms',
      '50 ms',
      'Availability',
      '99.5%',
      '99.99%',
      'Scale-out time',
      '30 min',
      '2 min',
    ]) {
      expect(json).toContain(figure);
    }
    expect(json).toContain('"type":"Table"');
    expect(json).not.toContain('"type":"Image"');
    expect(card.fallbackText).toContain('E-commerce platform');
    const diagram = renderAdaptiveCard(
      { ...answer, section: 'architecture' },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    const image = diagram.body.find((e) => e.type === 'Image') as
      | { url: string; altText: string; selectAction?: { type: string; url: string } }
      | undefined;
    expect(image?.altText).toContain('E-commerce platform');
    const imageState = /^https:\/\/mermaid\.ink\/img\/pako:([\w-]+)\?type=png&bgColor=!white$/.exec(
      image?.url ?? '',
    );
    expect(imageState, image?.url).not.toBeNull();
    expect(inflatePako(imageState![1]!)).toEqual({
      code: c.diagram!.en,
      mermaid: { theme: 'default' },
    });
    expect(image?.selectAction?.type).toBe('Action.OpenUrl');
    const editUrl = image?.selectAction?.url ?? '';
    expect(editUrl).toMatch(/^https:\/\/mermaid\.live\/edit#pako:/);
    expect(inflatePako(editUrl.split('#pako:')[1]!)).toEqual({
      code: c.diagram!.en,
      mermaid: { theme: 'default' },
      autoSync: true,
      updateDiagram: true,
    });
  });

  it('a Chinese answer is rendered in Chinese, with lang "zh"', () => {
    const c = catalog.byId.get('finance')!;
    const card = renderAdaptiveCard(
      {
        kind: 'case',
        lang: 'zh',
        case: c,
        section: 'metrics',
        query: '',
        score: 1,
        alternatives: [],
      },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    const json = JSON.stringify(card);
    expect(json).toContain(c.title.zh);
    expect(json).toContain('优化后');
    expect(json).not.toContain('After');
    expect(card.lang).toBe('zh');
  });

  it('user text cannot inject links, emphasis or lists', () => {
    const answer: Answer = { kind: 'no-match', lang: 'en', query: INJECTION, cases: catalog.cases };
    // What Teams shows: every text of the card (a button's `data` is sent back, never shown).
    const json = JSON.stringify(
      renderAdaptiveCard(answer, { diagrams: DEFAULT_DIAGRAMS }).body,
      (key, value) => (key === 'data' ? undefined : value),
    );
    expect(json).not.toContain('[click me](');
    // Typed `<at>` never becomes a mention: there is no entity for it, and the tag is broken up.
    expect(json).not.toContain('<at>');
    expect(json).toContain('\\\\[click me\\\\](https://evil.example)');
    expect(json).not.toMatch(/[^\\]\*\*loud/);
    expect(escapeMarkdown('- a\n1. b')).toBe('\\- a 1. b');
    expect(escapeMarkdown('1. b')).toBe('1\\. b');
    expect(escapeMarkdown('99.5% → 99.99%')).toBe('99.5% → 99.99%');
  });

  it('buttons carry what the adapter needs: show, did-you-mean, feedback, with the card language', () => {
    const [c, alt] = catalog.cases;
    const card = renderAdaptiveCard(
      {
        kind: 'case',
        lang: 'zh',
        case: c!,
        section: 'challenges',
        query: '秒杀',
        score: 0.5,
        alternatives: [{ caseId: alt!.id, title: alt!.title.zh, score: 0.4 }],
      },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    const submits = JSON.stringify(card.body);
    const data = [...submits.matchAll(/"data":(\{[^}]*\})/g)].map((m) =>
      parseSubmitData(JSON.parse(m[1]!)),
    );
    expect(data).toContainEqual({
      action: { kind: 'show', caseId: alt!.id, section: 'challenges' },
      lang: 'zh',
    });
    expect(data).toContainEqual({
      action: { kind: 'show', caseId: c!.id, section: 'architecture' },
      lang: 'zh',
    });
    expect(data).toContainEqual({
      action: { kind: 'feedback', caseId: c!.id, helpful: true, query: '秒杀' },
      lang: 'zh',
      section: 'challenges',
    });
    // Each view button is a Universal Action with the same button as a plain submit for old
    // clients; "Ask a person" stays a submit: it posts a hand-off for everyone, not a new view.
    const all = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
    const handoff = all.filter((b) => 'data' in b && b.data?.casebot === 'handoff');
    expect(handoff.map((b) => b.type)).toEqual(['Action.Submit']);
    const buttons = all.filter((b) => !handoff.includes(b));
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) {
      expect(b.type).toBe('Action.Execute');
      if (b.type !== 'Action.Execute') continue;
      expect(b.fallback).toEqual({ type: 'Action.Submit', title: b.title, data: b.data });
      expect(b.verb).toBe(b.data.casebot);
    }
    expect(parseSubmitData({ casebot: 'show', caseId: '../etc' })).toBeNull();
    expect(parseSubmitData('text')).toBeNull();
  });

  it('a daily tip says so and has a "Read the case" button', () => {
    const tip = catalog.tips.find((t) => t.caseId)!;
    const c = catalog.byId.get(tip.caseId!)!;
    const card = renderAdaptiveCard(
      { kind: 'tip', lang: 'en', tip, case: c },
      { diagrams: DEFAULT_DIAGRAMS, daily: true },
    );
    expect(JSON.stringify(card.body)).toContain('Tip of the day');
    const row = card.body.find((e) => e.type === 'ActionSet');
    const data = { casebot: 'show', caseId: c.id, section: null, lang: 'en' };
    expect(row?.type === 'ActionSet' && row.actions[0]).toEqual({
      type: 'Action.Execute',
      title: '📘 Read the case',
      verb: 'show',
      data,
      fallback: { type: 'Action.Submit', title: '📘 Read the case', data },
    });
    expect(parseSubmitData({ casebot: 'ask', text: 'tip', lang: 'en' })).toEqual({
      action: { kind: 'ask', text: 'tip' },
      lang: 'en',
    });
  });
});
