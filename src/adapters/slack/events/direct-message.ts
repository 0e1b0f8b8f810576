import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { languageOf } from '../../../core/lang.js';
import type { AgentFeatures } from '../agent-features.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { postMessage } from '../send.js';
import { withWorkingStatus } from './working-status.js';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A direct message to the bot, answered without a mention. Edits, deletions, joins (any subtype),
 * other bots and the bot itself are ignored, so two bots can never talk in a loop. A slow answer
 * shows the agent DM's "searching" status meanwhile.
 */
export function directMessage(deps: ListenerDeps, agent: AgentFeatures) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === deps.bot.userId) return;
    const text = questionText(event.text, deps.bot.userId);
    const request = askRequest({
      requestId: requestIdOf(context),
      text,
      userId: event.user,
      conversation: conversationOf(event.channel, body.team_id, { channelType: 'im' }),
    });
    const target = event.thread_ts
      ? { channel: event.channel, thread_ts: event.thread_ts }
      : { channel: event.channel };
    const place = {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      team: body.team_id,
      lang: languageOf(text) ?? deps.defaultLocale,
    };
    await withWorkingStatus(
      deps,
      agent,
      place,
      () => answerFor(deps, request),
      async ({ message }) => {
        await postMessage(client, target, message, deps.sending);
      },
    );
  };
}
