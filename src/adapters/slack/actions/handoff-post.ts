import type { BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BlockKitMessage } from '../../../render/blockkit.js';
import type { ListenerDeps } from '../deps.js';
import { postMessage, respondWith, slackErrorCode } from '../send.js';
import { clickPlace } from './reply.js';

/** Slack errors that mean "the bot is not in that conversation", where response_url still works. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

type Container = { message_ts?: string; thread_ts?: string; channel_id?: string };
type Message = { ts?: string; thread_ts?: string };

/** The thread a clicked card belongs to (its own ts when it starts one); none for a top-level ephemeral. */
export function threadOf(body: BlockAction): string | undefined {
  const message = (body as { message?: Message }).message;
  const container = body.container as Container;
  if (clickPlace(body) === 'ephemeral') return container.thread_ts;
  return message?.thread_ts ?? message?.ts ?? container.thread_ts ?? container.message_ts;
}

/** The clicked card's own message ts, when everyone can see it (an ephemeral one has no link). */
function messageTs(body: BlockAction): string | undefined {
  if (clickPlace(body) !== 'message') return undefined;
  const message = (body as { message?: Message }).message;
  return message?.ts ?? (body.container as Container).message_ts;
}

/**
 * Posts where the question was asked, for everyone: the card's thread, or the channel a `/case`
 * answer came from. A channel the bot is not in gets it through the response_url; a click in the
 * Home tab, by DM.
 */
export async function postWhereAsked(
  deps: ListenerDeps,
  body: BlockAction,
  client: WebClient,
  message: BlockKitMessage,
): Promise<void> {
  const channel = body.channel?.id;
  if (!channel || clickPlace(body) === 'home') {
    await postMessage(client, { channel: body.user.id }, message, deps.sending);
    return;
  }
  const thread = threadOf(body);
  try {
    await postMessage(
      client,
      { channel, ...(thread && { thread_ts: thread }) },
      message,
      deps.sending,
    );
  } catch (error) {
    if (!NOT_A_MEMBER.has(slackErrorCode(error) ?? '') || !body.response_url) throw error;
    await respondWith(
      body.response_url,
      message,
      { response_type: 'in_channel', replace_original: false },
      deps.sending,
    );
  }
}

/** Tells only the presser, without touching the card they pressed. */
export async function tellPresser(
  deps: ListenerDeps,
  body: BlockAction,
  client: WebClient,
  message: BlockKitMessage,
): Promise<void> {
  if (clickPlace(body) === 'home' || !body.response_url) {
    await postMessage(client, { channel: body.user.id }, message, deps.sending);
    return;
  }
  await respondWith(
    body.response_url,
    message,
    { response_type: 'ephemeral', replace_original: false },
    deps.sending,
  );
}

/**
 * A link back to where the question was asked, for a hand-off posted in the experts channel: the
 * card's own message (a permalink), else the channel; none for a private chat.
 */
export async function linkBack(
  deps: ListenerDeps,
  body: BlockAction,
  client: WebClient,
): Promise<string | undefined> {
  const channel = body.channel?.id;
  if (!channel || channel.startsWith('D') || clickPlace(body) === 'home') return undefined;
  const ts = messageTs(body);
  if (ts) {
    try {
      const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts });
      if (typeof permalink === 'string' && /^https:\/\//.test(permalink)) return permalink;
    } catch (error) {
      deps.logger.debug({ err: error, channel }, 'chat.getPermalink failed; linking the channel');
    }
  }
  const team = body.team?.id ? `&team=${encodeURIComponent(body.team.id)}` : '';
  return `https://slack.com/app_redirect?channel=${encodeURIComponent(channel)}${team}`;
}
