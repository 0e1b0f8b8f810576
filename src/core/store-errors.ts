import type { Lang } from '../catalog/schema.js';
import { CasebotError } from '../errors.js';
import type { Logger } from '../store/support.js';
import { messages } from './messages.js';
import type { NoticeAnswer } from './model.js';

/** A failed bookkeeping write is logged at most this often (with how many failed since). */
export const BOOKKEEPING_LOG_INTERVAL_MS = 60_000;

/** The store failures a user is told about politely: it is down, or did not keep a write. */
export function isStoreOutage(error: unknown): error is CasebotError {
  return (
    error instanceof CasebotError &&
    (error.code === 'store_unavailable' || error.code === 'store_write_failed')
  );
}

/** "Try again" in the user's language: the store is down, or it did not save what they asked. */
export function storeOutageNotice(lang: Lang, error: CasebotError): NoticeAnswer {
  const text =
    error.code === 'store_write_failed' ? messages.storeNotSaved() : messages.storeDown();
  return { kind: 'notice', lang, tone: 'warning', text: text[lang], storeError: true };
}

/**
 * Logs failures of writes nobody waits for (a question that found nothing): every one is counted
 * by the store's metrics, but a full disk must not write a log line per request. The first
 * failure is logged at once, then at most one line a minute, with how many failed meanwhile.
 */
export function bookkeepingLog(logger: Logger, now: () => Date) {
  let last = Number.NEGATIVE_INFINITY;
  let quiet = 0;
  return (what: string, error: unknown): void => {
    const at = now().getTime();
    if (at - last < BOOKKEEPING_LOG_INTERVAL_MS) {
      quiet += 1;
      return;
    }
    const code = error instanceof CasebotError ? error.code : 'unexpected';
    logger.error({ code, err: error, alsoFailedSince: quiet }, `${what} not recorded`);
    last = at;
    quiet = 0;
  };
}
