import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The CLI tests run the built `casebot` command as a process, so dist/ must match src/.
 * One compile per test run. Type errors are the typecheck step's business (tsc still emits);
 * only a missing build is fatal here.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    const out = String((error as { stdout?: Buffer }).stdout ?? '');
    console.warn(
      `tsc reported problems while building dist/ for the CLI tests:\n${out.slice(0, 2000)}`,
    );
  }
  if (!existsSync(path.join(root, 'dist/cli.js'))) {
    throw new Error('dist/cli.js was not built; run `npm run build` and read its errors');
  }
}
