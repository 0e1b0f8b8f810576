import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The size limit (in KiB, for `ulimit -f`) that leaves an existing SQLite file a few WAL frames
 * of room: the file may not grow, its `-shm` (32 KiB) must fit, and a WAL may take about
 * `frames` pages before every further write fails as on a full disk.
 */
export function fullDiskLimitKb(dbPath: string, frames = 6): number {
  const size = Math.max(statSync(dbPath).size, 32 * 1024);
  return Math.ceil((size + frames * (4096 + 24)) / 1024);
}

/**
 * Runs `node args…` with its files capped at `limitKb` KiB (RLIMIT_FSIZE, set by `ulimit -f`;
 * no root needed). Past the cap a write fails with EFBIG (Node ignores SIGXFSZ), which SQLite
 * reports as an I/O error at commit time, just as it reports ENOSPC on a full disk.
 */
export async function runWithFileLimit(
  limitKb: number,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return run(
    'bash',
    [
      '-c',
      'ulimit -f "$1" && shift && exec "$@"',
      'bash',
      String(limitKb),
      process.execPath,
      ...args,
    ],
    { env: { ...process.env, ...env }, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
  );
}
