import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casebot } from '../helpers/cli-in-process.js';

// `casebot validate` on broken copies of a team's own casebook (English, its own principles).
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casebot-validate-'));
  await cp('test/fixtures/casebook-own', dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function breakFile(name: string, from: string | RegExp, to: string) {
  const file = path.join(dir, name);
  const text = await readFile(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${name}: nothing replaced`).not.toBe(text);
  await writeFile(file, changed);
}

describe('casebot validate names the file and the path of each problem', () => {
  it.each([
    {
      what: 'an unknown principle',
      file: 'tracing.yaml',
      from: 'principle: observability',
      to: 'principle: elasticity',
      line: 'tracing.yaml: solutions[0].principle: unknown principle "elasticity" (declared: observability, security, cost)',
    },
    {
      what: 'a missing required field',
      file: 'secrets.yaml',
      from: /^summary: .*\n/m,
      to: '',
      line: 'secrets.yaml: summary: Required',
    },
    {
      what: 'a required list left empty',
      file: 'tracing.yaml',
      from: /^challenges:\n( {2}- .*\n)+/m,
      to: 'challenges: []\n',
      line: 'tracing.yaml: challenges: ',
    },
    {
      what: 'a bilingual map missing both languages',
      file: 'tracing.yaml',
      from: 'title: Distributed tracing for the checkout services',
      to: 'title: {}',
      line: 'tracing.yaml: title: a {zh, en} text needs both languages; missing: zh, en',
    },
    {
      what: 'a bilingual map with a wrong language and neither of the two',
      file: 'tracing.yaml',
      from: '  - Logs scattered across twelve services',
      to: '  - {de: Verstreute Logs}',
      line: 'tracing.yaml: challenges[1]: a {zh, en} text needs both languages; missing: zh, en; unknown field(s): de',
    },
    {
      what: 'a bilingual map missing one language',
      file: 'secrets.yaml',
      from: 'effect: No long-lived password left to leak',
      to: 'effect: {zh: 没有可泄露的长期密码}',
      line: 'secrets.yaml: solutions[0].effect: a {zh, en} text needs both languages; missing: en',
    },
  ])('$what', async ({ file, from, to, line }) => {
    await breakFile(file, from, to);
    const run = await casebot(['validate', '--cases', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toContainEqual(expect.stringContaining(line));
    expect(run.stderr).toContain(`1 problem(s) in ${dir}`);
  });
});

describe('casebot validate on a folder outside the working directory', () => {
  it('names its files by their absolute path, not by climbing out with ../', async () => {
    await breakFile('tracing.yaml', 'principle: observability', 'principle: elasticity');
    const run = await casebot(['validate', '--cases', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'tracing.yaml')}: solutions[0].principle:`);
    expect(run.stderr).not.toContain('../');
  });
});

describe('casebot validate on reviews', () => {
  const today = () => new Date().toISOString().slice(0, 10);

  it('warns about a review older than STALE_AFTER_DAYS, naming file and field, and still passes', async () => {
    await breakFile('tracing.yaml', /^reviewed: .*$/m, `reviewed: ${today()}`);
    const run = await casebot(['validate', '--cases', dir]);
    expect(run.code).toBe(0);
    const warnings = run.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warning: .*secrets\.yaml: reviewed: last reviewed 2024-09-30, \d+ days ago \(more than STALE_AFTER_DAYS=180\)/,
    );
    expect(run.stdout).toMatch(/3 cases, 0 tips — all valid \(1 warning\(s\)\)/);
  });

  it('takes STALE_AFTER_DAYS from the environment', async () => {
    await breakFile('tracing.yaml', /^reviewed: .*$/m, 'reviewed: 2000-01-01');
    await breakFile('secrets.yaml', /^reviewed: .*$/m, `reviewed: ${today()}`);
    const lenient = await casebot(['validate', '--cases', dir], { STALE_AFTER_DAYS: '3650' });
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/tracing\.yaml: reviewed: last reviewed 2000-01-01/);
    expect(lenient.stderr).not.toMatch(/secrets\.yaml/);
    const wrong = await casebot(['validate', '--cases', dir], { STALE_AFTER_DAYS: 'soon' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/STALE_AFTER_DAYS must be a whole number of days/);
  });
});
