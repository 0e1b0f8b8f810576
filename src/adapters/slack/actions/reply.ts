import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BlockKitMessage } from '../../../render/blockkit.js';
import type { ListenerDeps } from '../deps.js';
import { conversationOf } from '../request.js';
import { postMessage, respondWith } from '../send.js';

/** What Bolt hands a listener for a click on one of our buttons. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where a click came from decides where its answer goes. */
export type ClickPlace = 'ephemeral' | 'message' | 'home';

export function clickPlace(body: BlockAction): ClickPlace {
  const container = body.container as { type?: string; is_ephemeral?: boolean };
  if (container.type === 'view' || body.view) return 'home';
  return container.is_ephemeral ? 'ephemeral' : 'message';
}

export function clickConversation(body: BlockAction) {
  return body.channel?.id ? conversationOf(body.channel.id, body.team?.id) : undefined;
}

/**
 * The answer to a click: an ephemeral card is updated in place; a card everyone sees stays as it
 * is and the clicker gets their own ephemeral answer; a click in the Home tab answers by DM.
 */
export async function replyToClick(
  deps: ListenerDeps,
  body: BlockAction,
  client: WebClient,
  message: BlockKitMessage,
): Promise<void> {
  const place = clickPlace(body);
  if (place === 'home' || !body.response_url) {
    await postMessage(client, { channel: body.user.id }, message, deps.sending);
    return;
  }
  const extra =
    place === 'ephemeral'
      ? { replace_original: true }
      : { response_type: 'ephemeral', replace_original: false };
  await respondWith(body.response_url, message, extra, deps.sending);
}
