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

/**
 * Where a click came from decides where its answer goes: a card only the clicker sees (an
 * ephemeral `/case` answer, or a card in the clicker's DM with casebot), a card everyone in a
 * channel sees, or the Home tab.
 */
export type ClickPlace = 'ephemeral' | 'private' | 'message' | 'home';

export function clickPlace(body: BlockAction): ClickPlace {
  const container = body.container as {
    type?: string;
    is_ephemeral?: boolean;
    channel_id?: string;
  };
  if (container.type === 'view' || body.view) return 'home';
  if (container.is_ephemeral) return 'ephemeral';
  const channel = body.channel?.id ?? container.channel_id ?? '';
  return channel.startsWith('D') ? 'private' : 'message';
}

/** True for a card only the clicker sees: it may change in place. */
export const isPrivate = (place: ClickPlace): boolean =>
  place === 'ephemeral' || place === 'private';

/** The thread a clicked message is in (a top-level message is in none). */
function threadOf(body: BlockAction): string | undefined {
  const threadTs = (body.message as { thread_ts?: unknown } | undefined)?.thread_ts;
  return typeof threadTs === 'string' && threadTs ? threadTs : undefined;
}

export function clickConversation(body: BlockAction) {
  return body.channel?.id ? conversationOf(body.channel.id, body.team?.id) : undefined;
}

/**
 * The answer to a click (DESIGN.md, "Views that change in place"): a card only the clicker sees
 * (ephemeral, or in their DM) is replaced in place; a card everyone sees stays as it is for
 * everyone and the clicker gets their own view as an ephemeral message, in the card's thread when
 * it is in one; a click in the Home tab answers by DM.
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
  const thread = threadOf(body);
  const extra = isPrivate(place)
    ? { replace_original: true }
    : { response_type: 'ephemeral', replace_original: false, ...(thread && { thread_ts: thread }) };
  await respondWith(body.response_url, message, extra, deps.sending);
}
