import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { postMessage } from '../send.js';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/**
 * `@casebot …` in a channel: answered for everyone, in the mention's thread, which casebot then
 * follows (replies there are answered without a new mention). A change of the channel's mode
 * (`@casebot auto on`) is announced in the channel itself.
 */
export function appMention(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    if (event.bot_id || event.subtype) return;
    const threadId = event.thread_ts ?? event.ts;
    const request = askRequest({
      requestId: requestIdOf(context),
      text: questionText(event.text, deps.bot.userId),
      userId: event.user,
      conversation: conversationOf(event.channel, body.team_id, { threadId }),
    });
    const { answer, message } = await answerFor(deps, request);
    const announce = answer.kind === 'auto-mode' && answer.changed;
    await postMessage(
      client,
      announce ? { channel: event.channel } : { channel: event.channel, thread_ts: threadId },
      message,
      deps.sending,
    );
    await deps.core.noteThread(request, answer);
  };
}
