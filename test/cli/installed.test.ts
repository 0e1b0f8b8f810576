import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';

const run = promisify(execFile);

// An installed package runs `casebot` through npm's link in node_modules/.bin, from the user's
// own folder, which has no cases/ of its own.
describe('casebot as an installed package runs it', () => {
  let dir = '';
  let bin = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-installed-'));
    await mkdir(path.join(dir, 'node_modules/.bin'), { recursive: true });
    bin = path.join(dir, 'node_modules/.bin/casebot');
    await symlink(CLI, bin);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers through the .bin link from a folder without a casebook, with the shipped one', async () => {
    const { stdout } = await run(process.execPath, [bin, 'search', 'flash sale', '--json'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    const result = JSON.parse(stdout) as { matches: { caseId: string }[] };
    expect(result.matches[0]?.caseId).toBe('ecommerce');
  });

  it('validates the shipped casebook from any folder', async () => {
    const { stdout } = await run(process.execPath, [bin, 'validate'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(stdout).toMatch(/4 cases, \d+ tips — all valid/);
  });
});
