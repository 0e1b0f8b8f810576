import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, CatalogError, formatProblem, loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import type { Answer } from '../../src/core/model.js';
import { renderHomeView } from '../../src/render/blockkit.js';
import { renderText } from '../../src/render/text.js';
import { buildIndex } from '../../src/search/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';

// A team's own casebook: English only, three cases, its own principles (observability, security,
// cost), no overview.yaml, no tips.yaml, no ratings; two cases without metrics, diagram or
// background, one (build-cache) with them.
const DIR = 'test/fixtures/casebook-own';
const catalog = await loadCatalog(DIR);
const index = buildIndex(catalog.cases);
/** A core over `of`, on a fixed day; `random` picks the tip. */
const coreOver = (of: Catalog, random = 0) =>
  createCore({
    catalog: of,
    index: buildIndex(of.cases),
    store: new MemoryStore(),
    defaultLocale: 'en',
    now: () => new Date('2026-11-26T08:00:00Z'),
    random: () => random,
  });
const core = coreOver(catalog);
const ask = (text: string) => core.handle({ id: 'r', platform: 'console', text });

/** Runs `edit` on a copy of the fixture casebook in a temp folder, then removes it. */
async function withCopy(edit: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebot-own-'));
  try {
    await cp(DIR, dir, { recursive: true });
    await edit(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
const diagrams = { renderer: 'none', baseUrl: '' } as const;
const text = (a: Answer) => renderText(a, { color: false, diagrams });

describe('a monolingual casebook with its own principles', () => {
  it('validates: its principles, no overview, no tips', () => {
    expect(catalog.cases.map((c) => c.id)).toEqual(['build-cache', 'secrets-rotation', 'tracing']);
    expect(catalog.principles.map((p) => p.id)).toEqual(['observability', 'security', 'cost']);
    expect(catalog.overview).toBeUndefined();
    expect(catalog.tips).toEqual([]);
    expect(catalog.byId.get('tracing')).toMatchObject({ lang: 'en', metrics: [], background: [] });
  });

  it('finds its cases', () => {
    expect(index.search('how do we trace a slow checkout request').matches[0]?.caseId).toBe(
      'tracing',
    );
    expect(index.search('rotate database passwords with vault').matches[0]?.caseId).toBe(
      'secrets-rotation',
    );
  });

  it('answers an English question with no language note, and no empty sections', async () => {
    const a = await ask('how do we trace a slow checkout request');
    expect(a.kind).toBe('case');
    const out = text(a);
    expect(out).toContain('Distributed tracing for the checkout services');
    expect(out).toContain('Observability');
    expect(out).not.toMatch(/undefined|English only|Key metrics|Background|☆/);
  });

  it('answers a Chinese question with the English case and a note in Chinese', async () => {
    const a = await ask('Vault 数据库密码 怎么轮换');
    expect(a).toMatchObject({ kind: 'case', lang: 'zh' });
    const out = text(a);
    expect(out).toContain('此案例只有英文版本');
    expect(out).toContain('Rotating database secrets without downtime');
    expect(out).toContain('HashiCorp Vault');
    expect(out).not.toMatch(/undefined/);
  });

  it('renders every section of a case without empty headings', async () => {
    for (const q of ['tracing challenges', 'tracing solutions', 'tracing architecture']) {
      const out = text(await ask(q));
      expect(out, q).not.toMatch(/undefined|Background|Open the diagram/);
    }
  });

  it('lists, compares and shows the home tab without ratings, metrics or an overview', async () => {
    const list = text(await ask('list'));
    expect(list).toContain('Distributed tracing');
    expect(list).not.toMatch(/undefined|☆/);
    const compare = text(await ask('compare tracing secrets-rotation'));
    expect(compare).not.toMatch(/undefined/);
    const home = JSON.stringify(renderHomeView(catalog, 'en'));
    expect(home).toContain('Platform team casebook');
    expect(home).toContain('Observability');
    expect(home).not.toMatch(/undefined|☆/);
  });

  it('does not describe the seed casebook in the list, the Home tab or the help', async () => {
    for (const out of [
      text(await ask('list')),
      text(await ask('列表')),
      JSON.stringify(renderHomeView(catalog, 'en')),
      JSON.stringify(renderHomeView(catalog, 'zh')),
    ]) {
      expect(out).not.toMatch(/cloud-native|云原生/);
      expect(out).toMatch(/Ask a question or open a case|直接提问，或打开一个案例/);
    }
    for (const out of [text(await ask('help')), text(await ask('帮助'))]) {
      expect(out).not.toMatch(/flash sale|ecommerce|秒杀|电商|GPU/);
      expect(out).toContain('build-cache');
    }
  });

  it('says politely, in either language, that it has no tips', async () => {
    expect(text(await ask('tip'))).toContain('no tips');
    expect(text(await ask('技巧'))).toContain('没有技巧');
  });
});

describe('validate on a casebook with its own principles', () => {
  it('names an unknown principle with its file and path', async () => {
    await withCopy(async (dir) => {
      const file = path.join(dir, 'tracing.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('principle: observability', 'principle: elasticity'),
      );
      const error = await loadCatalog(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /tracing\.yaml: solutions\[0\]\.principle: unknown principle "elasticity" \(declared: observability, security, cost\)$/,
        ),
      ]);
    });
  });

  it('gives an English-only tip to a Chinese question with the one-line note', async () => {
    await withCopy(async (dir) => {
      await writeFile(
        path.join(dir, 'tips.yaml'),
        'tips:\n  - id: trace-queues\n    caseId: tracing\n    text: Propagate trace context through queues too.\n',
      );
      const withTips = await loadCatalog(dir);
      const tipCore = coreOver(withTips, 0);
      const zh = text(await tipCore.handle({ id: 'r', platform: 'console', text: '技巧' }));
      expect(zh).toContain('此技巧只有英文版本');
      expect(zh).toContain('Propagate trace context through queues too.');
      const en = text(await tipCore.handle({ id: 'r', platform: 'console', text: 'tip' }));
      expect(en).toContain('Propagate trace context');
      expect(en).not.toMatch(/English only|只有英文/);
    });
  });

  it('reads plain-string tips', async () => {
    await withCopy(async (dir) => {
      await writeFile(
        path.join(dir, 'tips.yaml'),
        'tips:\n  - id: trace-queues\n    caseId: tracing\n    text: Propagate trace context through queues too.\n',
      );
      const { tips } = await loadCatalog(dir);
      expect(tips).toEqual([
        {
          id: 'trace-queues',
          caseId: 'tracing',
          text: {
            en: 'Propagate trace context through queues too.',
            zh: 'Propagate trace context through queues too.',
          },
          lang: 'en',
        },
      ]);
    });
  });

  it('takes tips from a case file’s own tips list, with no tips.yaml', async () => {
    await withCopy(async (dir) => {
      const tracing = await readFile(path.join(dir, 'tracing.yaml'), 'utf8');
      await writeFile(
        path.join(dir, 'tracing.yaml'),
        `${tracing}tips:\n  - Sample 100 % of errors and 1 % of the rest.\n  - { zh: 先给网关加追踪。, en: Trace the gateway first. }\n`,
      );
      const withTips = await loadCatalog(dir);
      expect(withTips.tips).toEqual([
        {
          id: 'tracing-tip-1',
          caseId: 'tracing',
          text: {
            en: 'Sample 100 % of errors and 1 % of the rest.',
            zh: 'Sample 100 % of errors and 1 % of the rest.',
          },
          lang: 'en',
        },
        {
          id: 'tracing-tip-2',
          caseId: 'tracing',
          text: { zh: '先给网关加追踪。', en: 'Trace the gateway first.' },
        },
      ]);
      const tipCore = coreOver(withTips, 0.99);
      const zh = text(await tipCore.handle({ id: 'r', platform: 'console', text: '技巧' }));
      expect(zh).toContain('先给网关加追踪。');
      expect(zh).not.toMatch(/no tips|没有技巧/);
    });
  });

  it('refuses a tips.yaml id that a case file’s own tip already takes, naming where', async () => {
    await withCopy(async (dir) => {
      const tracing = await readFile(path.join(dir, 'tracing.yaml'), 'utf8');
      await writeFile(
        path.join(dir, 'tracing.yaml'),
        `${tracing}tips:\n  - Trace the gateway first.\n`,
      );
      await writeFile(
        path.join(dir, 'tips.yaml'),
        'tips:\n  - id: queues\n    text: Trace queues too.\n  - id: tracing-tip-1\n    text: Same id.\n',
      );
      const error = await loadCatalog(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /tips\.yaml: tips\[1\]\.id: duplicate id "tracing-tip-1" \(also the id of a tip in tracing's case file\)$/,
        ),
      ]);
    });
  });

  it('answers over a principle whose id every object inherits (constructor)', async () => {
    await withCopy(async (dir) => {
      for (const file of ['casebook.yaml', 'build-cache.yaml', 'secrets.yaml', 'tracing.yaml']) {
        const source = await readFile(path.join(dir, file), 'utf8');
        await writeFile(path.join(dir, file), source.replaceAll('observability', 'constructor'));
      }
      const own = coreOver(await loadCatalog(dir));
      for (const q of ['which tools does tracing use', 'tracing solutions', 'tracing']) {
        const out = text(await own.handle({ id: 'r', platform: 'console', text: q }));
        expect(out, q).toContain('Observability');
        expect(out, q).not.toMatch(/native code|function Object/);
      }
    });
  });

  it('leaves the shipped casebook’s cards naming the seed principles as before', async () => {
    const shipped = await loadCatalog('cases');
    const a = await coreOver(shipped).handle({ id: 'r', platform: 'console', text: 'ecommerce' });
    expect(text(a)).toContain('Declarative configuration:');
    expect(text(a)).not.toContain('English only');
  });
});
