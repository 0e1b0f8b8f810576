import { decodeAction } from '../../../render/blockkit-actions.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { actionRequest } from '../request.js';
import { postMessage, postToResponseUrl, respondWith, slackErrorCode } from '../send.js';
import { type ButtonArgs, clickConversation } from './reply.js';

/** Slack errors that mean "the bot is not in that conversation", where response_url still works. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * "Share in channel": the card is posted for everyone (saying who shared it) and the ephemeral
 * copy goes away.
 */
export function shareAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const share = decodeAction(action.value);
    const channel = body.channel?.id;
    if (share?.kind !== 'share' || !channel) return;
    const request = actionRequest(
      requestIdOf(context),
      share,
      body.user.id,
      clickConversation(body),
    );
    const { message } = await answerFor(deps, request, { sharedBy: body.user.id });
    try {
      await postMessage(client, { channel }, message, deps.logger);
    } catch (error) {
      // Not a member (a private channel, a DM between people): post through the response_url.
      if (!NOT_A_MEMBER.has(slackErrorCode(error) ?? '') || !body.response_url) throw error;
      await respondWith(
        body.response_url,
        message,
        { response_type: 'in_channel', replace_original: false },
        deps.logger,
      );
    }
    if (body.response_url) await postToResponseUrl(body.response_url, { delete_original: true });
  };
}
