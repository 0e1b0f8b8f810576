import { StringDecoder } from 'node:string_decoder';

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

/**
 * The lines of a text stream, without their ends. A line ends at LF or CRLF only: a bare CR is
 * text (readline would split there), so line n of the output is line n of the input. An empty
 * line is a line; a last line without an end is one too.
 */
export async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    // Only the new text can hold a line end: a long line is scanned once, not once per chunk.
    let from = pending.length;
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = pending.indexOf('\n', from); end >= 0; end = pending.indexOf('\n', from)) {
      yield withoutCr(pending.slice(start, end));
      start = end + 1;
      from = start;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Exit codes: 0 ok, 1 the command found problems, 2 bad usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
