import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { RequestTracks } from '../../metrics/request-track.js';
import { requestIdOf } from './deps.js';
import { slackSurface } from './surface.js';

const COUNTED = 'casebotCounted';

/**
 * A global middleware, the first after dropForeign: each request is counted once, when its
 * listeners are done, with the outcome of the answer a listener noted (`answerFor`) or `error` if
 * they threw. A request that produced no answer (a retry already handled, the Home tab) is not
 * counted.
 */
export function countRequests(tracks: RequestTracks): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const id = requestIdOf(context);
    const track = tracks.begin(id, slackSurface(body));
    context[COUNTED] = true;
    try {
      await next();
    } catch (error) {
      track.failed();
      throw error;
    } finally {
      tracks.end(id);
    }
  };
}

/** Whether `countRequests` saw this request (a failure before it, e.g. authorize, was not). */
export function counted(context: Context): boolean {
  return context[COUNTED] === true;
}
