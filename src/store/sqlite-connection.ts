import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CasebotError, type ErrorCode } from '../errors.js';
import {
  type DatabaseSync,
  loadSqlite,
  type SQLInputValue,
  type StatementResult,
  type StatementSync,
  sqliteCode,
} from './sqlite-driver.js';
import { migrateSqlite } from './sqlite-schema.js';
import { type Logger, storeError } from './support.js';

/** How long a write waits for another writer (another process's transaction) by default. */
export const DEFAULT_WRITE_WAIT_MS = 1_000;
/** How long a read waits when SQLite answers "busy" (rare in WAL mode: a recovery, say). */
const READ_WAIT_MS = 1_000;
/** The longest pause between two tries while waiting for a lock. */
const MAX_PAUSE_MS = 50;

const BUSY = 5;
const LOCKED = 6;
const READONLY = 8;
const IOERR = 10;
const FULL = 13;
const CANTOPEN = 14;

/** Primary codes of a write that did not reach the file: locked, read-only, I/O error, full. */
const WRITE_REFUSED = new Set([BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN]);
/** Primary codes of a read that could not be served now. */
const UNAVAILABLE = new Set([BUSY, LOCKED, IOERR, CANTOPEN]);

type Access = 'read' | 'write';

/** The file could not be opened at all (a missing permission, a path through a regular file). */
class OpenFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * The open database and its prepared statements, keyed by SQL text.
 *
 * A statement that writes is run with `run()` or `returning()`, never with `get()`: node:sqlite's
 * `get()` steps once and resets, so a commit that fails after the first row (a full disk) is
 * dropped silently and the row is returned as if it had been stored.
 */
export class Db {
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly raw: DatabaseSync) {}

  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The first row a SELECT returns. Only for statements that do not write. */
  one<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  /** Runs a statement that writes; throws if it, or its commit, failed. */
  run(sql: string, ...params: SQLInputValue[]): StatementResult {
    return this.prepare(sql).run(...params);
  }

  /**
   * The first row of a writing statement's `RETURNING`, read only after the statement (and its
   * commit) completed: undefined when nothing was written, a throw when the commit failed.
   */
  returning<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prepare(sql).all(...params)[0] as T | undefined;
  }
}

/**
 * One connection to a SQLite file, shared by several processes (WAL: readers never wait for a
 * writer). node:sqlite is synchronous, so nothing here ever waits inside SQLite: the busy timeout
 * is 0, and a write that finds another process's write lock is tried again after a pause that
 * yields to the event loop, for up to `writeWaitMs`, then fails with `store_write_failed`.
 * Lookups, health checks and other requests go on meanwhile.
 */
export class SqliteConnection {
  private db: Db | null = null;
  /** The file this connection opened (device and inode), to notice it being removed or replaced. */
  private file: { dev: number; ino: number } | null = null;

  constructor(
    readonly path: string,
    private readonly logger: Logger,
    private readonly writeWaitMs: number = DEFAULT_WRITE_WAIT_MS,
  ) {}

  /** Opens (and migrates) the database; waits like a write, since migrating takes the write lock. */
  async open(): Promise<void> {
    await this.attempt('open', 'write', () => undefined);
  }

  read<T>(op: string, fn: (db: Db) => T): Promise<T> {
    return this.attempt(op, 'read', fn);
  }

  /** Runs `fn` (one statement, or one short transaction) once this connection may write. */
  write<T>(op: string, fn: (db: Db) => T): Promise<T> {
    return this.attempt(op, 'write', (db) => {
      this.checkFile(op, 'store_write_failed');
      return fn(db);
    });
  }

  /**
   * Throws unless the file at `path` is still the one this connection opened and may be written:
   * a database whose folder was deleted keeps working on the open file, and everything written
   * to it is gone at the next start. Costs two system calls, takes no lock.
   */
  checkFile(op: string, code: ErrorCode = 'store_unavailable'): void {
    if (this.path === ':memory:' || !this.file) return;
    let problem: string | null = null;
    try {
      const now = statSync(this.path);
      if (now.ino !== this.file.ino || now.dev !== this.file.dev) {
        problem = 'was replaced by another file';
      } else {
        accessSync(this.path, constants.W_OK);
        accessSync(dirname(this.path), constants.W_OK);
      }
    } catch (error) {
      problem =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'was removed'
          : `cannot be written (${(error as Error).message})`;
    }
    if (problem) {
      throw storeError(code, `SQLite store ${op}: the database file ${this.path} ${problem}`, null);
    }
  }

  close(): void {
    this.db?.raw.close();
    this.db = null;
    this.file = null;
  }

  private async attempt<T>(op: string, access: Access, fn: (db: Db) => T): Promise<T> {
    const started = performance.now();
    const waitMs = access === 'write' ? this.writeWaitMs : READ_WAIT_MS;
    for (let tries = 0; ; tries += 1) {
      try {
        return fn(this.connect());
      } catch (error) {
        const code = sqliteCode(error);
        const busy = code === BUSY || code === LOCKED;
        const pause = Math.min(2 ** tries, MAX_PAUSE_MS);
        if (busy && performance.now() - started + pause <= waitMs) {
          await sleep(pause);
          continue;
        }
        throw this.failure(op, access, error, busy ? performance.now() - started : null);
      }
    }
  }

  private failure(op: string, access: Access, error: unknown, waitedMs: number | null) {
    if (error instanceof CasebotError) return error;
    if (error instanceof OpenFailed) {
      return storeError('store_unavailable', `SQLite store (${this.path}) cannot be opened`, error);
    }
    const code = sqliteCode(error);
    const kind: ErrorCode =
      access === 'write' && WRITE_REFUSED.has(code)
        ? 'store_write_failed'
        : UNAVAILABLE.has(code)
          ? 'store_unavailable'
          : 'store_failed';
    const waited =
      waitedMs === null ? '' : ` (locked by another writer for ${Math.round(waitedMs)} ms)`;
    return storeError(kind, `SQLite store (${this.path}) ${op} failed${waited}`, error);
  }

  private connect(): Db {
    if (this.db) return this.db;
    let raw: DatabaseSync;
    try {
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      const { DatabaseSync } = loadSqlite();
      raw = new DatabaseSync(this.path, { timeout: 0 });
    } catch (error) {
      throw new OpenFailed(error);
    }
    try {
      raw.exec('PRAGMA journal_mode = WAL');
      raw.exec('PRAGMA synchronous = NORMAL');
      migrateSqlite(raw, (version) =>
        this.logger.info({ path: this.path, version }, 'SQLite migration applied'),
      );
      if (this.path !== ':memory:') {
        const { dev, ino } = statSync(this.path);
        this.file = { dev, ino };
      }
    } catch (error) {
      raw.close();
      throw error;
    }
    this.db = new Db(raw);
    return this.db;
  }
}
