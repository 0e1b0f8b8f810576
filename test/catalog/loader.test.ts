import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CatalogError, formatProblem, loadCatalog } from '../../src/catalog/load.js';

let dir: string;

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
const ALIAS_BOMB = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
  .concat(
    [...'bcdefghi'].map((name, i) => {
      const prev = 'abcdefghi'[i];
      return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`;
    }),
  )
  .join('\n');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casebot-cases-'));
  await cp('cases', dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string) {
  const p = path.join(dir, file);
  await writeFile(p, change(await readFile(p, 'utf8')));
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

describe('loadCatalog on a broken casebook', () => {
  it('names the file and the field of a missing value', async () => {
    // Remove the `before` of the third metric of the finance case.
    await edit('finance.yaml', (t) => {
      const doc = parse(t);
      delete doc.metrics[2].before;
      return stringify(doc);
    });
    const found = await problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/finance\.yaml: metrics\[2\]\.before: Required$/);
  });

  it('reports every problem at once, across files', async () => {
    await edit('edge.yaml', (t) => t.replace(/^rating: \d/m, 'rating: 9'));
    await edit('ai-inference.yaml', (t) => t.replace(/^summary:/m, 'sumary:'));
    await edit('tips.yaml', (t) => t.replace(/caseId: finance/, 'caseId: banking'));
    const found = await problems();
    expect(found.some((p) => /edge\.yaml: rating: /.test(p))).toBe(true);
    expect(found.some((p) => /ai-inference\.yaml: summary: Required/.test(p))).toBe(true);
    expect(found.some((p) => /ai-inference\.yaml: .*unknown field\(s\): sumary/.test(p))).toBe(
      true,
    );
    expect(
      found.some((p) => /tips\.yaml: tips\[\d+\]\.caseId: unknown case "banking"/.test(p)),
    ).toBe(true);
  });

  it('catches duplicate case ids', async () => {
    await cp(path.join(dir, 'edge.yaml'), path.join(dir, 'edge-copy.yaml'));
    const found = await problems();
    expect(found).toEqual([expect.stringMatching(/edge\.yaml: id: duplicate id "edge"/)]);
  });

  it('says where a file is not valid YAML', async () => {
    await edit('finance.yaml', (t) => `${t}\n  bad: [unclosed\n`);
    const found = await problems();
    expect(found[0]).toMatch(/finance\.yaml: line \d+: not valid YAML/);
  });

  it('names the file whose aliases expand too far (billion laughs) and keeps the alias limit', async () => {
    await writeFile(path.join(dir, 'laughs.yaml'), ALIAS_BOMB);
    const found = await problems();
    expect(found).toEqual([expect.stringMatching(/^.*laughs\.yaml: .*alias/i)]);
  });

  it('still reads a file that uses a few aliases', async () => {
    await edit('finance.yaml', (t) =>
      t
        .replace(/^title:$/m, 'title: &title')
        .replace(/^summary:\n(?: {2}.*\n)+/m, 'summary: *title\n'),
    );
    const catalog = await loadCatalog(dir);
    expect(catalog.byId.get('finance')?.summary).toEqual(catalog.byId.get('finance')?.title);
  });

  it('names a case "file" that is a directory', async () => {
    await mkdir(path.join(dir, 'drafts.yaml'));
    expect(await problems()).toEqual([expect.stringMatching(/drafts\.yaml: is a directory/)]);
  });

  it('names a case file that cannot be read', async () => {
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'ghost.yaml'));
    expect(await problems()).toEqual([
      expect.stringMatching(/ghost\.yaml: file is missing or unreadable \(ENOENT\)/),
    ]);
  });

  it('refuses a file larger than 1 MiB before parsing it', async () => {
    const finance = await readFile(path.join(dir, 'finance.yaml'), 'utf8');
    const padded = `${finance.replace('id: finance', 'id: big')}\n# ${'x'.repeat(1024 * 1024)}\n`;
    await writeFile(path.join(dir, 'big.yaml'), padded);
    expect(await problems()).toEqual([
      expect.stringMatching(/big\.yaml: \d+ bytes; a casebook file may be at most 1 MiB$/),
    ]);
  });

  it('refuses a FIFO among the case files instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    expect(await problems()).toEqual([
      expect.stringMatching(/pipe\.yaml: is a FIFO \(named pipe\), not a regular file$/),
    ]);
  });

  it('refuses a FIFO in place of casebook.yaml', async () => {
    execFileSync('mkfifo', [path.join(dir, 'casebook.yaml')]);
    expect(await problems()).toEqual([
      expect.stringMatching(/casebook\.yaml: is a FIFO \(named pipe\), not a regular file$/),
    ]);
  });

  it('refuses a link to a device (/dev/zero) instead of reading it forever', async () => {
    await symlink('/dev/zero', path.join(dir, 'zero.yaml'));
    expect(await problems()).toEqual([
      expect.stringMatching(/zero\.yaml: is a character device, not a regular file$/),
    ]);
  });

  it('reads a case file that is a link to a regular file', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'casebot-linked-'));
    try {
      const finance = await readFile(path.join(dir, 'finance.yaml'), 'utf8');
      await writeFile(
        path.join(elsewhere, 'bank.yaml'),
        finance.replace('id: finance', 'id: bank'),
      );
      await symlink(path.join(elsewhere, 'bank.yaml'), path.join(dir, 'bank.yaml'));
      const catalog = await loadCatalog(dir);
      expect(catalog.byId.has('bank')).toBe(true);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('loads the intact copy', async () => {
    const catalog = await loadCatalog(dir);
    expect(catalog.cases).toHaveLength(4);
  });
});
