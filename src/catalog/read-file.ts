import { constants, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Casebook files are a few KB; a bigger one is a mistake, and parsing it would cost seconds. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A casebook file's text, or in one line why it was not read (and the system's error code). */
export type FileRead =
  | { readonly text: string }
  | { readonly problem: string; readonly code?: string };

/** What a path that is not a regular file is, for the one-line problem. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * Opening a FIFO for reading waits for a writer; O_NONBLOCK makes it return at once (and changes
 * nothing for a regular file). Windows has no FIFOs and no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one casebook file, or says in one line why it cannot. Only a regular file is read (a link
 * is followed first), and never more than MAX_FILE_BYTES + 1 bytes, whatever its size says.
 */
export async function readCasebookFile(file: string): Promise<FileRead> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    if (stat.isDirectory()) return { problem: 'is a directory, not a file' };
    if (!stat.isFile()) return { problem: `is ${kindOf(stat)}, not a regular file` };
    if (stat.size > MAX_FILE_BYTES) {
      return { problem: `${stat.size} bytes; a casebook file may be at most 1 MiB` };
    }
    // The size is a hint, not a bound (a file being written, or one in /proc, says 0): read at
    // most one byte past the cap.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const room = MAX_FILE_BYTES + 1 - length;
      const chunk = Buffer.allocUnsafe(Math.min(room, Math.max(stat.size + 1, 16 * 1024)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_FILE_BYTES) {
        return {
          problem: `more than ${MAX_FILE_BYTES} bytes; a casebook file may be at most 1 MiB`,
        };
      }
    }
    return { text: Buffer.concat(chunks, length).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem: `file is missing or unreadable${code ? ` (${code})` : ''}`,
      ...(code && { code }),
    };
  } finally {
    await handle?.close();
  }
}
