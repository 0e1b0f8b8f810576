import { renderBlockKit } from '../../../render/blockkit.js';
import { decodeAction } from '../../../render/blockkit-actions.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { actionRequest } from '../request.js';
import { type ButtonArgs, clickConversation, clickPlace, replyToClick } from './reply.js';

/**
 * 👍/👎: recorded through the core (and the store). On an ephemeral card the card is drawn again
 * with the thanks in place of the buttons; elsewhere the clicker gets the thanks privately.
 */
export function feedbackAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const vote = decodeAction(action.value);
    if (vote?.kind !== 'feedback') return;
    const requestId = requestIdOf(context);
    const conversation = clickConversation(body);
    const thanks = await deps.core.handle(
      actionRequest(requestId, vote, body.user.id, conversation),
    );
    if (clickPlace(body) !== 'ephemeral' || thanks.kind !== 'notice') {
      await replyToClick(deps, body, client, renderBlockKit(thanks, { diagrams: deps.diagrams }));
      return;
    }
    const card = actionRequest(requestId, { ...vote, kind: 'show' }, body.user.id, conversation);
    const { message } = await answerFor(deps, card, {
      shareable: true,
      note: `${thanks.text}`,
      ...(thanks.handoff && { noteHandoff: thanks.handoff }),
    });
    await replyToClick(deps, body, client, message);
  };
}
