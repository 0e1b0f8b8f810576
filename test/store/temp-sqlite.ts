import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one test's SQLite file; `remove()` deletes it with the WAL files. */
export function tempSqlitePath(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'casebot-store-'));
  return {
    path: join(dir, 'nested', 'casebot.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
