import { renderBlockKit } from '../../../render/blockkit.js';
import { decodeAction } from '../../../render/blockkit-actions.js';
import { type ListenerDeps, renderOptions, requestIdOf } from '../deps.js';
import { actionRequest, conversationOf } from '../request.js';
import { type ButtonArgs, replyToClick } from './reply.js';

/**
 * *Not helpful* on an unprompted answer: the core records it (a 👎, the question kept as a miss,
 * no more follow-ups in the thread) and the answer is deleted for everyone; only the presser
 * hears back, in the thread: thanks, and "Ask a person" for the question.
 */
export function dismissAction(deps: ListenerDeps) {
  return async ({ ack, action, body, context, client }: ButtonArgs): Promise<void> => {
    await ack();
    const dismissal = decodeAction(action.value);
    const channel = body.channel?.id;
    const ts = body.message?.ts ?? (body.container as { message_ts?: string }).message_ts;
    if (dismissal?.kind !== 'dismiss' || !channel || !ts) return;
    const threadId = (body.message as { thread_ts?: string } | undefined)?.thread_ts ?? ts;
    const conversation = conversationOf(channel, body.team?.id, { threadId });
    const thanks = await deps.core.handle(
      actionRequest(requestIdOf(context), dismissal, body.user.id, conversation),
    );
    await client.chat.delete({ channel, ts });
    deps.metrics?.unpromptedDismissed('slack');
    await replyToClick(deps, body, client, renderBlockKit(thanks, renderOptions(deps)));
  };
}
