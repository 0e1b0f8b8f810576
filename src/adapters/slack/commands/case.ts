import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../core/grammar.js';
import type { Answer } from '../../../core/model.js';
import { type BlockKitMessage, renderBlockKit } from '../../../render/blockkit.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { botCannotPost, inviteHint, userTimeZone } from '../lookups.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { respondWith } from '../send.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/case …`: ack at once (Slack's 3 seconds), then answer ephemerally through the response_url,
 * with a "Share in channel" button.
 */
export function caseCommand(deps: ListenerDeps) {
  return async ({ ack, command, context }: Args): Promise<void> => {
    await ack();
    const text = questionText(command.text);
    const subscribing = parseCommand(text).kind === 'subscribe';
    const request = askRequest({
      requestId: requestIdOf(context),
      text,
      userId: command.user_id,
      timeZone: subscribing
        ? await userTimeZone(deps.lookups, command.user_id, deps.logger)
        : undefined,
      conversation: conversationOf(command.channel_id, command.team_id, {
        channelName: command.channel_name,
      }),
    });
    const { answer, message } = await answerFor(deps, request, { shareable: true });
    const full = subscribing
      ? await withInviteHint(deps, answer, message, command.channel_id)
      : message;
    await respondWith(command.response_url, full, { response_type: 'ephemeral' }, deps.logger);
  };
}

/** After a successful `subscribe`, ask for an invite when the bot cannot post in the channel. */
async function withInviteHint(
  deps: ListenerDeps,
  answer: Answer,
  message: BlockKitMessage,
  channel: string,
): Promise<BlockKitMessage> {
  if (answer.kind !== 'notice' || answer.tone !== 'success') return message;
  if (!(await botCannotPost(deps.lookups, channel, deps.logger))) return message;
  const hint = renderBlockKit(
    { kind: 'notice', lang: answer.lang, tone: 'warning', text: inviteHint(answer.lang) },
    { diagrams: deps.diagrams },
  );
  const hintBlocks = hint.blocks.map((b) => ({ ...b, block_id: `hint-${b.block_id ?? ''}` }));
  return { text: `${message.text}\n${hint.text}`, blocks: [...message.blocks, ...hintBlocks] };
}
