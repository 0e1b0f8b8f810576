import type { StoreConfig } from '../config.js';
import type { Store } from './store.js';
import { type Logger, silentLogger } from './support.js';

/**
 * The store the configuration asks for, with only its own driver code loaded. Nothing is opened
 * yet: call `init()` (which may fail when the database is down; the store then retries on its
 * next call).
 */
export async function openStore(
  config: StoreConfig,
  logger: Logger = silentLogger,
): Promise<Store> {
  switch (config.kind) {
    case 'memory':
      return new (await import('./memory-store.js')).MemoryStore();
    case 'sqlite':
      return new (await import('./sqlite-store.js')).SqliteStore(config.path, logger);
    case 'postgres':
      return new (await import('./postgres-store.js')).PostgresStore(config.url, { logger });
  }
}
