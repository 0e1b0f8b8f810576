import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../core/grammar.js';
import type { Answer } from '../../../core/model.js';
import { type BlockKitMessage, renderBlockKit } from '../../../render/blockkit.js';
import { DIAGRAM_DEFAULT_URL } from '../../../render/diagram.js';
import { within } from '../../../within.js';
import { AnswerCache, type InlineAnswer, inlineAnswer } from '../answer-cache.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { botCannotPost, inviteHint, userTimeZone } from '../lookups.js';
import { askRequest, conversationOf, questionText } from '../request.js';
import { respondWith } from '../send.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * How long an answer may take to go straight into the ack (Slack allows 3 s in all). Lookups are
 * in-process and take milliseconds; only a slow store or Slack look-up takes the slow path.
 */
export const INLINE_BUDGET_MS = 1_500;

/**
 * Whether Slack can be trusted to fetch the diagram image. Inline answers get no second chance:
 * if Slack cannot download the image it shows the user an error instead of the card. A
 * self-hosted renderer (often inside a private network) therefore goes through the response_url,
 * where a refused image is retried without it.
 */
function inlineSafe(deps: ListenerDeps): boolean {
  const { renderer, baseUrl } = deps.diagrams;
  return renderer === 'none' || baseUrl === DIAGRAM_DEFAULT_URL[renderer];
}

/**
 * `/case …`: an ephemeral answer with a "Share in channel" button. When the answer is ready well
 * inside Slack's 3 seconds (nearly always) it is the ack itself: one round trip, the way the
 * snappiest Slack apps answer. Otherwise the ack goes first and the answer follows through the
 * response_url.
 */
export function caseCommand(deps: ListenerDeps) {
  const cache = new AnswerCache();
  return async ({ ack, command, context }: Args): Promise<void> => {
    const work = answerCommand(deps, command, requestIdOf(context), cache);
    // A failure is handled below, after the ack; don't let it go unobserved meanwhile.
    work.catch(() => undefined);
    const inline = inlineSafe(deps) ? await within(() => work, INLINE_BUDGET_MS) : null;
    const ready = inline?.kind === 'done' ? inline.value : null;
    if (ready) {
      await ack(ready);
      return;
    }
    await ack();
    // A throw here reaches the error sink, which apologises through the response_url.
    const { text, blocks, response_type } = await work;
    await respondWith(command.response_url, { text, blocks }, { response_type }, deps.sending);
  };
}

async function answerCommand(
  deps: ListenerDeps,
  command: Args['command'],
  requestId: string,
  cache: AnswerCache,
): Promise<InlineAnswer> {
  const text = questionText(command.text);
  const catalog = deps.core.catalog;
  const cached = cache.get(catalog, text);
  if (cached) {
    deps.requests?.answered(requestId, cached.outcome);
    return cached.inline;
  }
  const parsed = parseCommand(text);
  const subscribing = parsed.kind === 'subscribe';
  const request = askRequest({
    requestId,
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
  if (answer.kind === 'auto-mode' && answer.changed) {
    // A channel's mode changed: everyone there is told, and who did it.
    const hinted =
      answer.mode === 'auto'
        ? await withInviteHint(deps, answer, message, command.channel_id, 'auto')
        : message;
    return inlineAnswer(hinted, 'in_channel');
  }
  return subscribing
    ? inlineAnswer(await withInviteHint(deps, answer, message, command.channel_id, 'subscribe'))
    : cache.put(catalog, text, answer, message);
}

/**
 * After a successful `subscribe` or `auto on`, ask for an invite when the bot is not in the
 * channel (it could neither post the tip nor see the channel's messages).
 */
async function withInviteHint(
  deps: ListenerDeps,
  answer: Answer,
  message: BlockKitMessage,
  channel: string,
  why: 'subscribe' | 'auto',
): Promise<BlockKitMessage> {
  const done =
    (answer.kind === 'notice' && answer.tone === 'success') || answer.kind === 'auto-mode';
  if (!done) return message;
  if (!(await botCannotPost(deps.lookups, channel, deps.logger))) return message;
  const hint = renderBlockKit(
    { kind: 'notice', lang: answer.lang, tone: 'warning', text: inviteHint(answer.lang, why) },
    { diagrams: deps.diagrams },
  );
  const hintBlocks = hint.blocks.map((b) => ({ ...b, block_id: `hint-${b.block_id ?? ''}` }));
  return { text: `${message.text}\n${hint.text}`, blocks: [...message.blocks, ...hintBlocks] };
}
