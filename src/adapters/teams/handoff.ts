import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { HandoffAnswer } from '../../core/model.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardToAdaptive } from '../../render/adaptive-card.js';
import { handoffNoteCard } from '../../render/cards-handoff.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { answerActivity } from './reply.js';
import { baseConversationId, conversationKind, tenantOf } from './to-request.js';

interface Connector {
  conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id?: string }>;
  };
}

/**
 * A link back to the card the question was answered with, for the experts channel: the message
 * in its channel thread, or in its group chat; none from a personal chat (nobody else can open it).
 */
export function teamsLinkBack(activity: Partial<Activity>): string | undefined {
  const kind = conversationKind(activity);
  const id = activity.conversation?.id;
  const message = activity.replyToId;
  if (kind === 'personal' || !id || !message) return undefined;
  const chat = baseConversationId(id);
  const parent = /;messageid=(\d+)/.exec(id)?.[1];
  const tenant = tenantOf(activity);
  const params = new URLSearchParams({
    ...(tenant && { tenantId: tenant }),
    ...(parent && { parentMessageId: parent }),
    ...(kind === 'group' && { context: JSON.stringify({ contextType: 'chat' }) }),
  });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(chat)}/${encodeURIComponent(message)}?${params}`;
}

/**
 * Posts a hand-off where the core routed it: a reply in the thread it was asked in; a new post in
 * the experts channel (with a link back) and a note in the thread; a hand-off marked answered
 * changes the card in place. A refusal or a second press is a reply to the presser's thread.
 */
export async function deliverHandoff(
  context: TurnContext,
  answer: HandoffAnswer,
  diagrams: DiagramOptions,
): Promise<void> {
  if (answer.status === 'answered' && context.activity.replyToId) {
    await context.updateActivity({
      ...answerActivity(answer, { diagrams }),
      id: context.activity.replyToId,
    });
    return;
  }
  if (answer.status !== 'asked' || answer.route.kind !== 'experts') {
    await context.sendActivity(answerActivity(answer, { diagrams }));
    return;
  }
  const link = teamsLinkBack(context.activity);
  const post = answerActivity(answer, { diagrams, ...(link && { handoffLink: link }) });
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as Connector;
  const tenant = tenantOf(context.activity);
  await connector.conversations.createConversation({
    isGroup: true,
    bot: { id: context.activity.recipient?.id ?? '', name: context.activity.recipient?.name ?? '' },
    channelData: {
      channel: { id: answer.route.channel },
      ...(tenant && { tenant: { id: tenant } }),
    },
    ...(tenant && { tenantId: tenant }),
    activity: post as Activity,
  } as ConversationParameters);
  const note = cardToAdaptive(handoffNoteCard(answer, 'teams'));
  await context.sendActivity({
    type: 'message',
    summary: note.fallbackText ?? '',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: note }],
  });
}
