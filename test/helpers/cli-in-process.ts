import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';

/** Runs a `casebot` command in this process (no build needed), capturing what it prints. */
export async function casebot(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}
