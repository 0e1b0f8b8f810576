import type { PurgedStats, Store } from './store.js';
import type { Logger } from './support.js';

const DAY_MS = 86_400_000;
/** The first purge waits this long after start (start-up stays cheap), then one an hour. */
export const RETENTION_FIRST_MS = 60_000;
export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionOptions {
  readonly store: Store;
  /** STATS_KEEP_DAYS */
  readonly keepDays: number;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface Retention {
  /** One purge now (a purge in flight is shared); null when the store failed (logged). */
  runOnce(): Promise<PurgedStats | null>;
  /** Stops the timer and waits for a purge in flight. */
  stop(): Promise<void>;
}

/**
 * Keeps the questions that found nothing and the 👍/👎 for `keepDays` only: a purge a minute after
 * start, then every hour. Every replica runs one; purging what another already purged is free.
 */
export function startRetention(options: RetentionOptions): Retention {
  const { store, keepDays, now, logger } = options;
  let running: Promise<PurgedStats | null> | null = null;

  const purge = async (): Promise<PurgedStats | null> => {
    const before = new Date(now().getTime() - keepDays * DAY_MS);
    try {
      const purged = await store.purgeStats(before);
      if (purged.misses + purged.feedback > 0) {
        logger.info({ ...purged, before: before.toISOString(), keepDays }, 'old stats purged');
      }
      return purged;
    } catch (error) {
      logger.warn({ err: error }, 'old stats not purged; trying again within the hour');
      return null;
    }
  };
  const runOnce = () => {
    running ??= purge().finally(() => {
      running = null;
    });
    return running;
  };

  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void runOnce();
    interval = setInterval(() => void runOnce(), RETENTION_INTERVAL_MS);
    interval.unref();
  }, RETENTION_FIRST_MS);
  first.unref();

  return {
    runOnce,
    async stop() {
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
