import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export type { DatabaseSync, SQLInputValue, StatementSync };

/** SQLite's primary result codes that mean "try again later", not "this statement is wrong". */
const UNAVAILABLE_CODES = new Set([
  5 /* BUSY */, 6 /* LOCKED */, 10 /* IOERR */, 14 /* CANTOPEN */,
]);

let sqlite: typeof import('node:sqlite') | undefined;

/**
 * Node's built-in SQLite, loaded on first use so a replica on PostgreSQL never loads it. Node 22
 * marks the module experimental and prints one ExperimentalWarning when it loads; that one
 * warning is not shown (casebot depends on the API it uses, which Node 24 ships as stable).
 * Every other warning still reaches the default handler.
 */
export function loadSqlite(): typeof import('node:sqlite') {
  if (sqlite) return sqlite;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string })?.type;
    if (type === 'ExperimentalWarning' && text.startsWith('SQLite ')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    sqlite = process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return sqlite;
}

/** True for SQLite errors that mean the file is busy, locked or unreachable. */
export function isUnavailable(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' && UNAVAILABLE_CODES.has(errcode & 0xff);
}

/** Runs `fn` inside `BEGIN IMMEDIATE … COMMIT` (rolled back when it throws). */
export function immediateTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
