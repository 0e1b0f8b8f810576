import { decodeAction } from '../../../render/blockkit-actions.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { actionRequest } from '../request.js';
import { type ButtonArgs, clickConversation, clickPlace, replyToClick } from './reply.js';

/**
 * Focus views (Diagram, Challenges, Solutions), "Did you mean", "Open", "Read the case", and the
 * buttons that ask something (`list`, `tip`, an example question).
 */
export function showAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAction(action.value);
    if (decoded?.kind !== 'show' && decoded?.kind !== 'ask') return;
    const request = actionRequest(
      requestIdOf(context),
      decoded,
      body.user.id,
      clickConversation(body),
    );
    const { message } = await answerFor(deps, request, {
      shareable: clickPlace(body) === 'ephemeral',
    });
    await replyToClick(deps, body, client, message);
  };
}
