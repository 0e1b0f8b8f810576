import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { postMessage } from '../send.js';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** `@casebot …` in a channel: answered for everyone, in the mention's thread. */
export function appMention(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (event.bot_id || event.subtype) return;
    const request = askRequest({
      requestId: requestIdOf(context),
      text: questionText(event.text, deps.bot.userId),
      userId: event.user,
      conversation: conversationOf(event.channel, body.team_id),
    });
    const { message } = await answerFor(deps, request);
    await postMessage(
      client,
      { channel: event.channel, thread_ts: event.thread_ts ?? event.ts },
      message,
      deps.sending,
    );
  };
}
