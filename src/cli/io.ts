import { createInterface } from 'node:readline';

/** What a command needs from the outside world; injected so tests can run commands in-process. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function out(io: CliIo, text: string): void {
  io.stdout.write(`${text}\n`);
}

export function err(io: CliIo, text: string): void {
  io.stderr.write(`${text}\n`);
}

export async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) yield line;
}

/** Exit codes: 0 ok, 1 the command found problems, 2 bad usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
