import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/** The HTTP request id, carried through the turn so logs and apologies can name it. */
const REQUEST_ID = Symbol('casebot.requestId');

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
