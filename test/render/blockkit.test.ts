import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, loadCatalog } from '../../src/catalog/load.js';
import { type Case, LANGS, type Lang, SECTIONS } from '../../src/catalog/schema.js';
import { helpCommands } from '../../src/core/help.js';
import { messages } from '../../src/core/messages.js';
import type { Answer } from '../../src/core/model.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit, renderHomeView, withoutImages } from '../../src/render/blockkit.js';
import { decodeAction, encodeAction } from '../../src/render/blockkit-actions.js';
import { DEFAULT_DIAGRAMS, type DiagramOptions } from '../../src/render/diagram.js';
import { allMrkdwn, checkBlockKitLimits } from './blockkit-limits.js';

/** The text of a table cell (its rich-text runs, joined). */
function allText(cell: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'text' && typeof o.text === 'string') out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(cell);
  return out.join('');
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.resolve(import.meta.dirname, '../../cases'));
});

const RENDERERS: DiagramOptions[] = [
  DEFAULT_DIAGRAMS,
  { renderer: 'kroki', baseUrl: 'https://kroki.io' },
  { renderer: 'none', baseUrl: '' },
];

/** Every Answer kind the core can produce, for one case and one language. */
function answersFor(c: Case, other: Case, lang: Lang): Answer[] {
  const tip = catalog.tips.find((t) => t.caseId === c.id) ?? catalog.tips[0]!;
  const alternatives = [{ caseId: other.id, title: other.title[lang], score: 0.5 }];
  return [
    { kind: 'case', lang, case: c, section: null, query: '', score: 1, alternatives: [] },
    {
      kind: 'case',
      lang,
      case: c,
      section: null,
      query: 'flash sale 秒杀',
      score: 0.6,
      alternatives,
    },
    ...SECTIONS.map(
      (section): Answer => ({
        kind: 'case',
        lang,
        case: c,
        section,
        query: 'x'.repeat(10_000),
        score: 0.7,
        alternatives,
      }),
    ),
    { kind: 'list', lang, cases: catalog.cases },
    { kind: 'help', lang, commands: helpCommands(lang, catalog.cases) },
    {
      kind: 'help',
      lang,
      intro: messages.emptyQuery()[lang],
      commands: helpCommands(lang, catalog.cases),
    },
    { kind: 'compare', lang, cases: [c, other] },
    { kind: 'tip', lang, tip, case: c },
    { kind: 'tip', lang, tip: { id: 'plain', text: tip.text } },
    { kind: 'no-match', lang, query: 'q'.repeat(10_000), cases: catalog.cases },
    {
      kind: 'notice',
      lang,
      tone: 'success',
      text: messages.subscribed('09:00', 'UTC', lang)[lang],
    },
    { kind: 'notice', lang, tone: 'error', text: messages.apology('req-1')[lang] },
  ];
}

describe('renderBlockKit stays inside Slack limits', () => {
  it('for every case, every Answer kind, both languages and every diagram renderer', () => {
    let checked = 0;
    for (const c of catalog.cases) {
      const other = catalog.cases.find((x) => x.id !== c.id)!;
      for (const lang of LANGS) {
        for (const answer of answersFor(c, other, lang)) {
          for (const diagrams of RENDERERS) {
            for (const shareable of [false, true]) {
              const message = renderBlockKit(answer, {
                diagrams,
                shareable,
                sharedBy: shareable ? undefined : 'U123ABC',
              });
              const where = `${c.id}/${lang}/${answer.kind}/${diagrams.renderer}/${shareable}`;
              expect(checkBlockKitLimits(message), where).toEqual([]);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('the home view, in both languages', () => {
    for (const lang of LANGS) {
      const view = renderHomeView(catalog, lang);
      expect(view.type).toBe('home');
      expect(checkBlockKitLimits(view, 'view')).toEqual([]);
      const text = JSON.stringify(view);
      for (const c of catalog.cases) expect(text).toContain(c.title[lang]);
    }
  });
});

describe('a case card', () => {
  it('leads with header and headline, shows metrics as a table, and keeps the diagram one click away', () => {
    const c = catalog.byId.get('ecommerce')!;
    const message = renderBlockKit(
      { kind: 'case', lang: 'en', case: c, section: null, query: '', score: 1, alternatives: [] },
      { diagrams: DEFAULT_DIAGRAMS, shareable: true },
    );
    const types = message.blocks.map((b) => b.type);
    expect(types.slice(0, 2)).toEqual(['header', 'section']);
    expect(types).not.toContain('image');
    const json = JSON.stringify(message);
    expect(json).toContain(c.headline!.en);
    expect(json).toContain('Share in channel');
    expect(json).toContain('🏗️ Diagram');
    expect(message.text).toContain(c.title.en);
  });

  it.each(['en', 'zh'] as const)(
    '%s: shows the metrics as a native table, the columns and order of the Teams Table',
    (lang) => {
      const c = catalog.byId.get('ecommerce')!;
      const answer = {
        kind: 'case' as const,
        lang,
        case: c,
        section: null,
        query: '',
        score: 1,
        alternatives: [],
      };
      const message = renderBlockKit(answer, { diagrams: DEFAULT_DIAGRAMS });
      expect(checkBlockKitLimits(message)).toEqual([]);
      const tables = message.blocks.filter((b) => b.type === 'table');
      expect(tables).toHaveLength(1);
      const cells = (tables[0] as { rows: { elements: unknown[] }[][] }).rows.map((row) =>
        row.map((cell) => allText(cell)),
      );
      // The Teams Table of the same answer, cell by cell.
      const teams = renderAdaptiveCard(answer, { diagrams: DEFAULT_DIAGRAMS });
      const table = teams.body.find((e) => e.type === 'Table') as unknown as {
        rows: { cells: { items: { text: string }[] }[] }[];
      };
      const teamsCells = table.rows.map((r) =>
        r.cells.map((cell) => cell.items.map((i) => i.text.replace(/\*\*|\\/g, '')).join('')),
      );
      expect(cells).toEqual(teamsCells);
      expect(cells).toHaveLength(1 + c.metrics.length);
      expect(cells[0]).toHaveLength(4);
      // Every figure is in the notification text too (a table never reaches it).
      for (const m of c.metrics) {
        expect(message.text).toContain(m.before[lang]);
        expect(message.text).toContain(m.after[lang]);
      }
      // The new value is bold, as on Teams.
      expect(JSON.stringify(tables[0])).toContain(
        `{"type":"text","text":"${c.metrics[0]!.after[lang]}","style":{"bold":true}}`,
      );
    },
  );

  it('a compare card has one native table; help keeps its two columns (at most one table)', () => {
    const [a, b] = catalog.cases;
    const compare = renderBlockKit(
      { kind: 'compare', lang: 'en', cases: [a!, b!] },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    expect(compare.blocks.filter((x) => x.type === 'table')).toHaveLength(1);
    expect(checkBlockKitLimits(compare)).toEqual([]);
    const help = renderBlockKit(
      { kind: 'help', lang: 'en', commands: helpCommands('en', catalog.cases) },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    expect(help.blocks.some((x) => x.type === 'table')).toBe(false);
  });

  it('the limits check refuses a second table and a table cell without text', () => {
    const c = catalog.byId.get('ecommerce')!;
    const message = renderBlockKit(
      { kind: 'case', lang: 'en', case: c, section: null, query: '', score: 1, alternatives: [] },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    const table = message.blocks.find((x) => x.type === 'table')!;
    const twice = { ...message, blocks: [...message.blocks, { ...table, block_id: 'again' }] };
    expect(checkBlockKitLimits(twice).join('\n')).toMatch(/only one table/);
    const empty = {
      ...message,
      blocks: [{ type: 'table', rows: [[{ type: 'raw_text', text: ' ' }]] }],
    };
    expect(checkBlockKitLimits(empty).join('\n')).toMatch(/empty cell/);
  });

  it('the diagram view carries the image and the editor link; withoutImages keeps the link', () => {
    const c = catalog.byId.get('edge')!;
    const message = renderBlockKit(
      {
        kind: 'case',
        lang: 'zh',
        case: c,
        section: 'architecture',
        query: '',
        score: 1,
        alternatives: [],
      },
      { diagrams: DEFAULT_DIAGRAMS },
    );
    const image = message.blocks.find((b) => b.type === 'image') as { alt_text: string };
    expect(image.alt_text).toContain(c.title.zh);
    expect(JSON.stringify(message)).toContain('https://mermaid.ink/img/pako:');
    expect(JSON.stringify(message)).not.toContain('Diagram');
    const bare = withoutImages(message);
    expect(bare.blocks.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(bare)).toContain('https://mermaid.live/edit#pako:');
  });
});

describe('escaping', () => {
  const evil = '<!channel> <!here> <@U123> &lt; <https://evil.example|click> & more';

  function assertInert(message: { text: string; blocks: readonly unknown[] }) {
    for (const s of allMrkdwn(message)) {
      expect(s).not.toMatch(/<[!@#]/);
      for (const m of s.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https:\/\/mermaid\.live\//);
    }
  }

  it('escapes what users typed, in every kind that echoes it', () => {
    const c = catalog.cases[0]!;
    for (const lang of LANGS) {
      const answers: Answer[] = [
        { kind: 'no-match', lang, query: evil, cases: catalog.cases },
        { kind: 'notice', lang, tone: 'warning', text: messages.subscribeBadZone(evil)[lang] },
      ];
      // A case card does not echo the question; it must stay inert all the same.
      assertInert(
        renderBlockKit(
          { kind: 'case', lang, case: c, section: null, query: evil, score: 0.5, alternatives: [] },
          { diagrams: DEFAULT_DIAGRAMS, shareable: true },
        ),
      );
      for (const a of answers) {
        const message = renderBlockKit(a, { diagrams: DEFAULT_DIAGRAMS, shareable: true });
        assertInert(message);
        expect(JSON.stringify(message)).toContain('&amp;lt;');
        expect(JSON.stringify(message)).toContain('&lt;!channel&gt;');
      }
    }
  });

  it('escapes the casebook text too', () => {
    const base = catalog.cases[0]!;
    const poisoned: Case = {
      ...base,
      title: { en: `Evil ${evil}`, zh: `坏 ${evil}` },
      summary: { en: evil, zh: evil },
      challenges: [{ en: evil, zh: evil }],
      metrics: [
        {
          name: { en: evil, zh: evil },
          before: { en: evil, zh: evil },
          after: { en: evil, zh: evil },
          improvement: { en: evil, zh: evil },
        },
      ],
    };
    for (const lang of LANGS) {
      for (const a of answersFor(poisoned, catalog.cases[1]!, lang)) {
        assertInert(renderBlockKit(a, { diagrams: DEFAULT_DIAGRAMS, shareable: true }));
      }
    }
  });

  it('only mentions the sharer when the id is a Slack user id', () => {
    const a: Answer = { kind: 'list', lang: 'en', cases: catalog.cases };
    expect(
      JSON.stringify(renderBlockKit(a, { diagrams: DEFAULT_DIAGRAMS, sharedBy: 'U0ABC123' })),
    ).toContain('<@U0ABC123>');
    assertInert(renderBlockKit(a, { diagrams: DEFAULT_DIAGRAMS, sharedBy: '<!channel>' }));
  });
});

describe('feedback', () => {
  it.each(['en', 'zh'] as const)(
    '%s: Slack’s own 👍/👎 in a context actions block, each carrying its vote, case and question',
    (lang) => {
      const c = catalog.byId.get('finance')!;
      const message = renderBlockKit(
        {
          kind: 'case',
          lang,
          case: c,
          section: 'metrics',
          query: '合规',
          score: 1,
          alternatives: [],
        },
        { diagrams: DEFAULT_DIAGRAMS },
      );
      expect(checkBlockKitLimits(message)).toEqual([]);
      const json = JSON.stringify(message.blocks);
      expect(json).not.toContain('casebot.feedback.yes');
      const block = message.blocks.at(-1)!;
      expect(block.type).toBe('context_actions');
      const [buttons] = (block as Extract<typeof block, { type: 'context_actions' }>).elements;
      expect(buttons!.type).toBe('feedback_buttons');
      expect(buttons!.action_id).toBe('casebot.feedback.vote');
      expect(decodeAction(buttons!.positive_button.value)).toEqual({
        kind: 'feedback',
        caseId: 'finance',
        section: 'metrics',
        helpful: true,
        query: '合规',
        lang,
      });
      expect(decodeAction(buttons!.negative_button.value)).toMatchObject({ helpful: false });
      expect(buttons!.positive_button.accessibility_label).toBe(
        lang === 'zh' ? '是的，这个回答有帮助' : 'Yes, this answer was helpful',
      );
      // The question stays above the thumbs, as on Teams.
      expect(JSON.stringify(message.blocks.at(-2))).toContain(
        lang === 'zh' ? '这个回答有帮助吗' : 'Was this helpful?',
      );
    },
  );
});

describe('button values', () => {
  it('round-trip and stay under 2,000 characters even for a 10,000-character query', () => {
    const action = {
      kind: 'feedback',
      caseId: 'ecommerce',
      section: 'metrics',
      helpful: true,
      query: '秒'.repeat(10_000),
      lang: 'zh',
    } as const;
    const value = encodeAction(action);
    expect(value.length).toBeLessThanOrEqual(2000);
    const back = decodeAction(value);
    expect(back).toMatchObject({
      kind: 'feedback',
      caseId: 'ecommerce',
      section: 'metrics',
      helpful: true,
      lang: 'zh',
    });
    expect(decodeAction('{"k":"s","c":"../x","l":"en"}')).toBeNull();
    expect(decodeAction('not json')).toBeNull();
    expect(decodeAction(encodeAction({ kind: 'share', text: 'list', lang: 'en' }))).toEqual({
      kind: 'share',
      text: 'list',
      lang: 'en',
    });
  });
});
