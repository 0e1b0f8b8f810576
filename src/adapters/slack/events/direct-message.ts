import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { postMessage } from '../send.js';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A direct message to the bot, answered without a mention. Edits, deletions, joins (any subtype),
 * other bots and the bot itself are ignored, so two bots can never talk in a loop.
 */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === deps.bot.userId) return;
    const request = askRequest({
      requestId: requestIdOf(context),
      text: questionText(event.text, deps.bot.userId),
      userId: event.user,
      conversation: conversationOf(event.channel, body.team_id, { channelType: 'im' }),
    });
    const { message } = await answerFor(deps, request);
    const target = event.thread_ts
      ? { channel: event.channel, thread_ts: event.thread_ts }
      : { channel: event.channel };
    await postMessage(client, target, message, deps.sending);
  };
}
