import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { requestIdOf } from '../deps.js';

/** How long a handled `event_id` is remembered (Slack retries within minutes). */
export const EVENT_TTL_MS = 3_600_000;

/**
 * One answer per question: Slack redelivers an event (X-Slack-Retry-Num) when our ack was slow or
 * lost. The store remembers event ids for every replica; the first to claim one answers it.
 * If the store is down we answer anyway: a rare duplicate beats silence.
 */
export function dedupeEvents(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId) {
      let first = true;
      try {
        first = await deps.store.rememberEvent(eventId, deps.now(), EVENT_TTL_MS);
      } catch (error) {
        deps.logger.warn({ err: error, eventId }, 'event dedupe unavailable; answering anyway');
      }
      if (!first) {
        deps.logger.info(
          { eventId, retryNum: context.retryNum, requestId: requestIdOf(context) },
          'slack event already handled; skipped',
        );
        return;
      }
    }
    await next();
  };
}
