import { renderBlockKit } from '../../../render/blockkit.js';
import { decodeAction } from '../../../render/blockkit-actions.js';
import { answerFor, type ListenerDeps, renderOptions, requestIdOf } from '../deps.js';
import { actionRequest } from '../request.js';
import {
  type ButtonArgs,
  clickConversation,
  clickPlace,
  isPrivate,
  replyToClick,
} from './reply.js';

/**
 * 👍/👎 (Slack's feedback buttons, or the buttons of cards sent before them): recorded through the
 * core (and the store). On a card only the voter sees, the card is drawn again with the thanks in
 * place of the buttons; on a card everyone sees, the voter gets the thanks privately.
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
    // The vote's outcome is the request's (a store failure counts, not the card drawn after it).
    deps.requests?.answered(requestId, thanks);
    const place = clickPlace(body);
    if (!isPrivate(place) || thanks.kind !== 'notice') {
      await replyToClick(deps, body, client, renderBlockKit(thanks, renderOptions(deps)));
      return;
    }
    const card = actionRequest(requestId, { ...vote, kind: 'show' }, body.user.id, conversation);
    const { message } = await answerFor(deps, card, {
      shareable: place === 'ephemeral',
      note: `${thanks.text}`,
      ...(thanks.handoff && { noteHandoff: thanks.handoff }),
    });
    await replyToClick(deps, body, client, message);
  };
}
