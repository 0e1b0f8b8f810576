import type {
  DatabaseSync,
  SQLInputValue,
  StatementResultingChanges,
  StatementSync,
} from 'node:sqlite';

export type { DatabaseSync, SQLInputValue, StatementSync };
export type StatementResult = StatementResultingChanges;

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

/** SQLite's primary result code of an error (`SQLITE_BUSY` = 5, …); 0 for anything else. */
export function sqliteCode(error: unknown): number {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' ? errcode & 0xff : 0;
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
