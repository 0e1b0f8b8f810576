import type { Lang } from '../../../catalog/schema.js';
import { type Command, parseCommand } from '../../../core/grammar.js';
import type { Answer } from '../../../core/model.js';
import { renderBlockKit } from '../../../render/blockkit.js';
import { type CardAction, decodeAction } from '../../../render/blockkit-actions.js';
import { sendOnce } from '../delivery.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { actionRequest } from '../request.js';
import { postMessage, postToResponseUrl, respondWith, slackErrorCode } from '../send.js';
import { type ButtonArgs, clickConversation } from './reply.js';

/** Slack errors that mean "the bot is not in that conversation", where response_url still works. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * What the renderer offers a Share button for: a case (or one section of it), and the `list`,
 * `help` and `compare A B` cards. A button value is only as trustworthy as whoever clicked, so
 * anything else (`subscribe`, `unsubscribe`, `tip`, a question) is refused before the core runs,
 * and an answer that is not one of those cards is never posted.
 */
const SHAREABLE_COMMANDS: ReadonlySet<Command['kind']> = new Set(['list', 'help', 'compare']);
const SHAREABLE_ANSWERS: ReadonlySet<Answer['kind']> = new Set(['case', 'list', 'help', 'compare']);

const NOT_SHAREABLE: Readonly<Record<Lang, string>> = {
  en: 'I can’t share that in the channel: “Share in channel” posts a case, a comparison, the case list or the help card.',
  zh: '无法分享到频道：“分享到频道”只能发布案例、对比、案例列表或帮助卡片。',
};

type Share = Extract<CardAction, { kind: 'share' }>;

const offered = (share: Share): boolean =>
  share.caseId !== undefined || SHAREABLE_COMMANDS.has(parseCommand(share.text ?? '').kind);

/**
 * "Share in channel": the card is posted for everyone (saying who shared it), casebot follows its
 * thread, and the ephemeral copy goes away.
 */
export function shareAction(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, action, body, context, client } = args;
    await ack();
    const share = decodeAction(action.value);
    const channel = body.channel?.id;
    if (share?.kind !== 'share' || !channel) return;
    const requestId = requestIdOf(context);
    if (!offered(share)) return refuse(deps, args, { share, channel, requestId });
    const request = actionRequest(requestId, share, body.user.id, clickConversation(body));
    const { answer, message } = await answerFor(deps, request, { sharedBy: body.user.id });
    if (!SHAREABLE_ANSWERS.has(answer.kind))
      return refuse(deps, args, { share, channel, requestId });
    try {
      const ts = await postMessage(client, { channel }, message, deps.sending);
      // Replies under the shared card are followed up without a mention.
      const conv = request.conversation;
      if (ts && conv)
        await deps.core.noteThread({ ...request, conversation: { ...conv, threadId: ts } }, answer);
    } catch (error) {
      // Not a member (a private channel, a DM between people): post through the response_url.
      if (!NOT_A_MEMBER.has(slackErrorCode(error) ?? '') || !body.response_url) throw error;
      await respondWith(
        body.response_url,
        message,
        { response_type: 'in_channel', replace_original: false },
        deps.sending,
      );
    }
    const url = body.response_url;
    if (url) await sendOnce(() => postToResponseUrl(url, { delete_original: true }), deps.sending);
  };
}

/** Tells the clicker, privately and in the card's language, that this cannot be shared. */
async function refuse(
  deps: ListenerDeps,
  { body, client }: ButtonArgs,
  { share, channel, requestId }: { share: Share; channel: string; requestId: string },
): Promise<void> {
  deps.logger.warn(
    { requestId, caseId: share.caseId, text: share.text?.slice(0, 100) },
    'share refused: not something a Share button offers',
  );
  const message = renderBlockKit(
    { kind: 'notice', lang: share.lang, tone: 'warning', text: NOT_SHAREABLE[share.lang] },
    { diagrams: deps.diagrams },
  );
  if (body.response_url) {
    await respondWith(
      body.response_url,
      message,
      { response_type: 'ephemeral', replace_original: false },
      deps.sending,
    );
    return;
  }
  await sendOnce(
    () =>
      client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text: message.text,
        blocks: message.blocks,
      }),
    deps.sending,
  );
}
