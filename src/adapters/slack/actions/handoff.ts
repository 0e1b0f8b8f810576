import { renderBlockKit, renderCardBlockKit } from '../../../render/blockkit.js';
import { decodeAction } from '../../../render/blockkit-actions.js';
import { handoffNoteCard } from '../../../render/cards-handoff.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { actionRequest, conversationOf } from '../request.js';
import { respondWith } from '../send.js';
import { linkBack, postWhereAsked, tellPresser } from './handoff-post.js';
import { type ButtonArgs, clickConversation, clickPlace } from './reply.js';

/**
 * "Ask a person": the core decides who is asked and where; this posts it there. In the thread
 * (or channel) it was asked in, for everyone, mentioning the owners; into the experts channel
 * with a link back, and a note where it was asked; or, from a private chat with nobody to
 * bring in, to the presser alone. A refusal (asked already, the hourly limit) is the presser's.
 */
export function handoffAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAction(action.value);
    if (decoded?.kind !== 'handoff') return;
    const conversation =
      clickPlace(body) === 'home' || !body.channel?.id
        ? conversationOf(body.user.id, body.team?.id, { channelType: 'im' })
        : clickConversation(body);
    const request = actionRequest(requestIdOf(context), decoded, body.user.id, conversation);
    const { answer, message } = await answerFor(deps, request);
    if (answer.kind !== 'handoff' || answer.status !== 'asked' || answer.route.kind === 'private') {
      await tellPresser(deps, body, client, message);
      return;
    }
    if (answer.route.kind === 'here') {
      await postWhereAsked(deps, body, client, message);
      return;
    }
    const link = await linkBack(deps, body, client);
    const post = renderBlockKit(answer, {
      diagrams: deps.diagrams,
      ...(link && { handoffLink: link }),
    });
    await client.chat.postMessage({
      channel: answer.route.channel,
      text: post.text,
      blocks: post.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    const note = renderCardBlockKit(handoffNoteCard(answer, 'slack'), { diagrams: deps.diagrams });
    await postWhereAsked(deps, body, client, note);
  };
}

/** "Mark answered": the hand-off post changes in place to say who marked it, and when. */
export function answeredAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAction(action.value);
    if (decoded?.kind !== 'answered') return;
    const request = actionRequest(
      requestIdOf(context),
      decoded,
      body.user.id,
      clickConversation(body),
    );
    const { answer, message } = await answerFor(deps, request);
    if (answer.kind !== 'handoff') {
      await tellPresser(deps, body, client, message);
      return;
    }
    if (body.response_url) {
      await respondWith(body.response_url, message, { replace_original: true }, deps.sending);
      return;
    }
    const ts = (body.container as { message_ts?: string }).message_ts;
    if (body.channel?.id && ts) {
      await client.chat.update({
        channel: body.channel.id,
        ts,
        text: message.text,
        blocks: message.blocks,
      });
    }
  };
}
