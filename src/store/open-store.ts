import type { StoreConfig } from '../config.js';
import { MemoryStore } from './memory-store.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { type Logger, silentLogger } from './support.js';

/**
 * The store the configuration asks for. Nothing is opened yet: call `init()` (which may fail when
 * the database is down; the store then retries on its next call).
 */
export function openStore(config: StoreConfig, logger: Logger = silentLogger): Store {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
      return new SqliteStore(config.path, logger);
    case 'postgres':
      return new PostgresStore(config.url, { logger });
  }
}
