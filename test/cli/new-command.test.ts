import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import { casebot } from '../helpers/cli-in-process.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'casebot-new-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Replaces every `TODO: …` text of a skeleton with a real one, as a person filling it would. */
function fill(skeleton: string): string {
  let n = 0;
  return skeleton.replace(/"?TODO: [^\n"]*"?$/gm, () => `Written text ${++n}`);
}

describe('casebot new', () => {
  it('is in the usage, beside import', async () => {
    const run = await casebot(['--help']);
    expect(run.stdout).toContain('casebot new ID [--lang en|zh] [--cases DIR]');
    expect(run.stdout).toContain('casebot import FILE.md [--out DIR]');
  });

  it('writes a skeleton into an empty folder, with the schema file its editor line points at', async () => {
    const dir = path.join(tmp, 'book');
    const run = await casebot(['new', 'payment-platform', '--cases', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['case.schema.json', 'payment-platform.yaml']);
    const text = await readFile(path.join(dir, 'payment-platform.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./case.schema.json');
    expect(text).toContain('# Optional');
    const schema = JSON.parse(await readFile(path.join(dir, 'case.schema.json'), 'utf8'));
    expect(schema.title).toBe('casebot case file');
  });

  it('validates once its placeholders are filled, also against the editor schema', async () => {
    const dir = path.join(tmp, 'book');
    await casebot(['new', 'payment-platform', '--cases', dir]);
    const file = path.join(dir, 'payment-platform.yaml');
    await writeFile(file, fill(await readFile(file, 'utf8')));
    const run = await casebot(['validate', '--cases', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const catalog = await loadCatalog(dir);
    expect(catalog.byId.get('payment-platform')?.solutions.map((s) => s.principle)).toEqual([
      'containerisation',
      'declarative',
      'elasticity',
    ]);
    const schema = JSON.parse(await readFile(path.join(dir, 'case.schema.json'), 'utf8'));
    const check = new Ajv2020({ strict: false }).compile(schema);
    expect(check(parse(await readFile(file, 'utf8')))).toBe(true);

    // The commented optional fields are valid examples too, once uncommented.
    const [required, optional] = (await readFile(file, 'utf8')).split(/^# Optional.*$/m);
    await writeFile(file, `${required}${optional?.replace(/^# /gm, '')}`);
    const full = (await loadCatalog(dir)).byId.get('payment-platform');
    expect(full?.metrics).toHaveLength(1);
    expect(full?.rating).toBe(4);
  });

  it('an unfilled skeleton fails validate, naming each placeholder by file and path', async () => {
    const dir = path.join(tmp, 'book');
    await casebot(['new', 'payment-platform', '--cases', dir]);
    const run = await casebot(['validate', '--cases', dir]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    for (const at of ['title', 'summary', 'challenges[0]', 'solutions[2].effect']) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `payment-platform\\.yaml: ${at.replace(/[[\]]/g, '\\$&')}: still a "TODO: …" placeholder`,
          ),
        ),
      );
    }
  });

  it("takes the casebook's own principles and language, and writes Chinese with --lang zh", async () => {
    const dir = path.join(tmp, 'own');
    await cp('test/fixtures/casebook-own', dir, { recursive: true });
    expect((await casebot(['new', 'cost-review', '--cases', dir])).code).toBe(0);
    const en = await readFile(path.join(dir, 'cost-review.yaml'), 'utf8');
    expect(parse(en).solutions.map((s: { principle: string }) => s.principle)).toEqual([
      'observability',
      'security',
      'cost',
    ]);
    expect(en).toMatch(/^lang: en$/m);
    expect((await casebot(['new', 'zh-case', '--lang', 'zh', '--cases', dir])).code).toBe(0);
    const zh = await readFile(path.join(dir, 'zh-case.yaml'), 'utf8');
    expect(zh).toMatch(/^lang: zh$/m);
    expect(zh).toContain('TODO: 用几个字概括这个案例');
    await writeFile(path.join(dir, 'zh-case.yaml'), fill(zh));
    await writeFile(path.join(dir, 'cost-review.yaml'), fill(en));
    const catalog = await loadCatalog(dir);
    expect(catalog.byId.get('zh-case')?.lang).toBe('zh');
  });

  it('uses CASES_DIR when --cases is not given', async () => {
    const dir = path.join(tmp, 'from-env');
    expect((await casebot(['new', 'tracing'], { CASES_DIR: dir })).code).toBe(0);
    expect(await readdir(dir)).toContain('tracing.yaml');
  });

  it('refuses an id that exists as a file name or as an id in another file, writing nothing', async () => {
    const dir = path.join(tmp, 'own');
    await cp('test/fixtures/casebook-own', dir, { recursive: true });
    const before = await readdir(dir);
    // secrets.yaml holds the case "secrets-rotation": both names are taken.
    for (const id of ['secrets', 'secrets-rotation', 'tracing']) {
      const run = await casebot(['new', id, '--cases', dir]);
      expect(run.code, id).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`a case "${id}" already exists: .*\\.yaml`));
    }
    expect(await readdir(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'tracing.yaml'), 'utf8')).toContain('OpenTelemetry');
  });

  it('refuses an id that is not kebab-case, and needs exactly one id', async () => {
    for (const id of ['Payment', 'payment_platform', 'a--b', 'x-', '支付']) {
      const run = await casebot(['new', id, '--cases', tmp]);
      expect(run.code, id).toBe(1);
      expect(run.stderr).toContain('kebab-case');
    }
    expect((await casebot(['new', '--cases', tmp])).code).toBe(2);
    expect((await casebot(['new', 'a', '--lang', 'fr', '--cases', tmp])).code).toBe(2);
    expect(await readdir(tmp)).toEqual([]);
  });
});
