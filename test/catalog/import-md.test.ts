import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Case } from '../../src/catalog/schema.js';
import { casebot } from '../helpers/cli-in-process.js';
import { SEED_PATH } from '../helpers/seed.js';

const IDS = ['ecommerce', 'finance', 'edge', 'ai-inference'];
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'casebot-import-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What the seed document says of a case, as the loader hands it on, in Chinese. */
function zhTexts(c: Case) {
  return {
    title: c.title.zh,
    background: c.background.map((t) => t.zh),
    challenges: c.challenges.map((t) => t.zh),
    solutions: c.solutions.map((s) => [s.principle, s.technologies.zh, s.measures.zh, s.effect.zh]),
    metrics: c.metrics.map((m) => [m.name.zh, m.before.zh, m.after.zh, m.improvement.zh]),
    diagram: c.diagram?.zh,
    rating: c.rating,
    order: c.order,
  };
}

describe('casebot import of the seed document', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(tmp, 'seed');
    const run = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS.join(',')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('writes a case file per chapter, casebook.yaml and the schema file, and they validate', async () => {
    expect((await readdir(out)).sort()).toEqual([
      'ai-inference.yaml',
      'case.schema.json',
      'casebook.yaml',
      'ecommerce.yaml',
      'edge.yaml',
      'finance.yaml',
    ]);
    expect((await casebot(['validate', '--cases', out])).code).toBe(0);
  });

  it.each(IDS)('%s: every Chinese text and figure equals the one in cases/', async (id) => {
    const shipped = (await loadCatalog('cases')).byId.get(id);
    const imported = (await loadCatalog(out)).byId.get(id);
    expect(imported?.lang).toBe('zh');
    expect(zhTexts(imported!)).toEqual(zhTexts(shipped!));
  });

  it.each(IDS)(
    '%s: the summary is the one field that deliberately differs, and why',
    async (id) => {
      const shipped = (await loadCatalog('cases')).byId.get(id)!;
      const imported = (await loadCatalog(out)).byId.get(id)!;
      // The document has no one-line summary per case: the import makes it from the background
      // lines as a sentence; cases/ has a summary written by hand for the cards.
      expect(imported.summary.zh).toBe(`${shipped.background.map((b) => b.zh).join('，')}。`);
      expect(shipped.summary.zh).not.toBe(imported.summary.zh);
      // Not in the document at all, so not imported: the English texts, the headline and keywords.
      expect(imported.headline).toBeUndefined();
      expect(imported.keywords).toEqual({ zh: [], en: [] });
    },
  );

  it('is idempotent: importing again changes nothing', async () => {
    const run = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS.join(',')]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^wrote/m);
    expect(run.stdout.match(/^unchanged/gm)).toHaveLength(4);
  });

  it('names the cases case-1… when the headings carry no id and none are given', async () => {
    const dir = path.join(tmp, 'numbered');
    expect((await casebot(['import', SEED_PATH, '--out', dir])).code).toBe(0);
    const catalog = await loadCatalog(dir);
    expect(catalog.cases.map((c) => [c.id, c.title.zh])).toEqual([
      ['case-1', '电商平台'],
      ['case-2', '金融系统'],
      ['case-3', '边缘计算'],
      ['case-4', 'AI推理'],
    ]);
  });
});
