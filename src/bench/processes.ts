import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');

/** A port nobody listens on right now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface NodeChild {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code once the process is gone. */
  readonly exited: Promise<number | null>;
}

/**
 * Runs `node script args…` with a clean environment plus `env`, an empty and already closed
 * stdin, stdout piped (entry points print their port there) and stderr appended to `logFile`.
 */
export function spawnNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
): NodeChild {
  const err = openSync(logFile, 'a');
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', err],
  });
  child.stdin?.end();
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  return { child, pid: child.pid, exited };
}

/** The first JSON line a child prints on stdout, e.g. `{"port": 41234}`. */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('child printed nothing')), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(JSON.parse(buffered.slice(0, newline)) as T);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before printing`)));
  });
}

/** Polls `url` until it answers `status`; resolves with the milliseconds it took. */
export async function waitForStatus(url: string, status: number, timeoutMs = 15_000) {
  const started = performance.now();
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === status) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} never answered ${status}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks/s). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** SIGTERM, then SIGKILL if it lingers; resolves with the exit code. */
export async function stop(proc: NodeChild, timeoutMs = 15_000): Promise<number | null> {
  if (proc.child.exitCode !== null) return proc.child.exitCode;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return code;
}
