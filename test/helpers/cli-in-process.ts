import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli.js';

/** The streams a `casebot` command runs with, and what it has printed to them so far. */
export function capturedIo(env: Record<string, string> = {}): {
  io: CliIo;
  out: () => string;
  err: () => string;
} {
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
  return { io: { stdin: new PassThrough(), stdout, stderr, env }, out: () => out, err: () => err };
}

/** Runs a `casebot` command in this process (no build needed), capturing what it prints. */
export async function casebot(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out, err } = capturedIo(env);
  const code = await runCli(argv, io);
  return { code, stdout: out(), stderr: err() };
}
