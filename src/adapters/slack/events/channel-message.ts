import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderBlockKit } from '../../../render/blockkit.js';
import { type ListenerDeps, requestIdOf } from '../deps.js';
import { conversationOf, mentionsBot, questionText } from '../request.js';
import { postMessage } from '../send.js';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** What a `message` event may carry that Bolt's union of message types does not always name. */
interface ChannelEvent {
  readonly channel: string;
  readonly channel_type?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly subtype?: string;
  readonly user?: string;
  readonly bot_id?: string | null;
  readonly text?: string;
}

/**
 * A message in a channel casebot is in (`message.channels`, `message.groups`), not addressed to
 * it. The core decides whether it answers (an `auto` channel, a thread it answered); an answer
 * goes into the message's thread. Nothing of a message it leaves alone is logged above debug.
 */
export function channelMessage(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    const e = event as unknown as ChannelEvent;
    const requestId = requestIdOf(context);
    const threadId = e.thread_ts && e.thread_ts !== e.ts ? e.thread_ts : null;
    const considered = await deps.core.consider({
      id: requestId,
      platform: 'slack',
      text: questionText(e.text, deps.bot.userId),
      ...(e.user && { user: { id: e.user } }),
      conversation: conversationOf(e.channel, body.team_id, { channelType: e.channel_type }),
      messageId: e.ts,
      threadId,
      sentAt: new Date(Number(e.ts) * 1000),
      fromBot: Boolean(e.bot_id) || !e.user || e.user === deps.bot.userId,
      changed: e.subtype !== undefined,
      mentionsBot: mentionsBot(e.text, deps.bot.userId),
    });
    if (considered.kind === 'ignored') return;
    deps.metrics?.unprompted('slack', considered.decision);
    deps.logger.debug({ requestId, decision: considered.decision }, 'unprompted message');
    if (considered.kind !== 'answer') return;
    deps.requests?.answered(requestId, considered.answer);
    const message = renderBlockKit(considered.answer, { diagrams: deps.diagrams });
    await postMessage(
      client,
      { channel: e.channel, thread_ts: considered.threadId },
      message,
      deps.sending,
    );
  };
}
