import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogError, formatProblem, loadCatalog } from '../../src/catalog/load.js';

const OWN = path.resolve(import.meta.dirname, '../fixtures/casebook-own');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casebot-people-'));
  await cp(OWN, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function append(file: string, text: string) {
  const p = path.join(dir, file);
  await writeFile(p, `${await readFile(p, 'utf8')}${text}`);
}

async function problems(): Promise<string[]> {
  try {
    await loadCatalog(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems.map(formatProblem);
  }
  throw new Error('the casebook loaded although it is broken');
}

describe('owners, review dates and the experts channel in a casebook', () => {
  it('hands on owners per case, the default owners and the experts channels', async () => {
    const catalog = await loadCatalog(OWN);
    expect(catalog.owners).toEqual([
      { name: 'Platform team', slack: 'S0PLATFORM', teams: 'platform-leads@example.com' },
    ]);
    expect(catalog.experts).toEqual({
      slack: 'C0EXPERTS',
      teams: '19:experts0channel@thread.tacv2',
    });
    const byId = (id: string) => catalog.byId.get(id);
    expect(byId('tracing')?.owners).toEqual([
      { name: 'Dana Okafor', slack: 'U0DANA001', teams: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' },
    ]);
    expect(byId('tracing')?.reviewed).toBe('2025-05-12');
    expect(byId('secrets-rotation')?.owners).toEqual([{ name: 'Sam Patel', slack: 'U0SAM0001' }]);
    expect(byId('build-cache')?.owners).toBeUndefined();
    expect(byId('build-cache')?.reviewed).toBeUndefined();
  });

  it('the seed casebook names nobody', async () => {
    const seed = await loadCatalog(path.resolve(import.meta.dirname, '../../cases'));
    expect(seed.owners).toBeUndefined();
    expect(seed.cases.every((c) => c.owners === undefined && c.reviewed === undefined)).toBe(true);
  });

  it('names every bad id and date by file and field', async () => {
    await append(
      'build-cache.yaml',
      [
        'owners:',
        '  - name: Lee',
        '    slack: lee',
        '    teams: not-an-id',
        '  - slack: U0LEE0001',
        'reviewed: 2025-02-30',
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'casebook.yaml'),
      [
        'lang: en',
        'owners:',
        '  - name: Ops',
        '    slack: C0CHANNEL1',
        'experts:',
        '  slack: general',
        '',
      ].join('\n'),
    );
    const found = await problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /build-cache\.yaml: owners\[0\]\.slack: must be a Slack user id \(U…\) or user group id \(S…\)/,
        ),
        expect.stringMatching(
          /build-cache\.yaml: owners\[0\]\.teams: must be a Microsoft Entra object id \(a GUID\) or a user principal name/,
        ),
        expect.stringMatching(/build-cache\.yaml: owners\[1\]\.name: /),
        expect.stringMatching(/build-cache\.yaml: reviewed: must be a date written YYYY-MM-DD/),
        expect.stringMatching(/casebook\.yaml: owners\[0\]\.slack: must be a Slack user id/),
        expect.stringMatching(/casebook\.yaml: experts\.slack: must be a Slack channel id/),
      ]),
    );
  });
});
