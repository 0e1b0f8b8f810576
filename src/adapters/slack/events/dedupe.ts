import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { within } from '../../../within.js';
import type { ListenerDeps } from '../deps.js';
import { requestIdOf } from '../deps.js';

/** How long a handled `event_id` is remembered (Slack retries within minutes). */
export const EVENT_TTL_MS = 3_600_000;

/** The longest the store may hold an answer to decide whether an event is new. */
export const DEDUPE_TIMEOUT_MS = 500;

/**
 * A message in a channel: most are never answered, so their event ids are not written to the
 * store; the core claims the reply of the few it answers (one per thread and message, across
 * replicas and retries).
 */
function isChannelMessage(body: unknown): boolean {
  const event = (body as { event?: { type?: unknown; channel_type?: unknown } }).event;
  return event?.type === 'message' && event.channel_type !== 'im';
}

/**
 * One answer per question: Slack redelivers an event (X-Slack-Retry-Num) when our ack was slow or
 * lost. The store remembers event ids for every replica; the first to claim one answers it.
 * If the store is down, or has not answered within `timeoutMs`, we answer anyway: a rare
 * duplicate beats silence.
 */
export function dedupeEvents(
  deps: ListenerDeps,
  timeoutMs = DEDUPE_TIMEOUT_MS,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId && !isChannelMessage(body)) {
      const claim = await within(
        () => deps.store.rememberEvent(eventId, deps.now(), EVENT_TTL_MS),
        timeoutMs,
      );
      if (claim.kind === 'failed') {
        deps.logger.warn(
          { err: claim.error, eventId },
          'event dedupe unavailable; answering anyway',
        );
      } else if (claim.kind === 'timeout') {
        deps.logger.warn({ eventId, timeoutMs }, 'event dedupe timed out; answering anyway');
      } else if (!claim.value) {
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
