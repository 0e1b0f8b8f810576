import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../../core/model.js';
import type { Outcome } from '../../metrics/metrics.js';
import type { RequestTrack } from '../../metrics/request-track.js';

/** The HTTP request id, carried through the turn so logs and apologies can name it. */
const REQUEST_ID = Symbol('casebot.requestId');
/** The turn's `RequestTrack`, told of its answer. */
const TRACK = Symbol('casebot.requestTrack');

export function setTrack(context: TurnContext, track: RequestTrack): void {
  context.turnState.set(TRACK, track);
}

/** The turn's answer is ready (counted in `casebot_requests_total`). */
export function noteAnswer(context: TurnContext, answer: Answer | Outcome): void {
  (context.turnState.get(TRACK) as RequestTrack | undefined)?.answered(answer);
}

export function setRequestId(context: TurnContext, requestId: string): void {
  context.turnState.set(REQUEST_ID, requestId);
}

export function requestIdOf(context: TurnContext): string {
  const id: unknown = context.turnState.get(REQUEST_ID);
  if (typeof id === 'string') return id;
  const fresh = randomUUID();
  context.turnState.set(REQUEST_ID, fresh);
  return fresh;
}
