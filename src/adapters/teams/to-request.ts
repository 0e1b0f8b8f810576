import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Lang } from '../../catalog/schema.js';
import { languageOf } from '../../core/lang.js';
import type { BotRequest, Conversation } from '../../core/model.js';
import type { ChannelMessage } from '../../core/unprompted.js';
import { parseSubmitData } from '../../render/adaptive-actions.js';

/** Teams' `conversationType`: personal (1:1), groupChat, channel. */
export function conversationKind(activity: Partial<Activity>): Conversation['kind'] {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'group';
  return 'personal';
}

/** A channel thread `19:…@thread.tacv2;messageid=…` belongs to the channel `19:…@thread.tacv2`. */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}

/** The root message of a channel's reply chain (`…;messageid=ROOT`); undefined elsewhere. */
export function threadRootOf(activity: Partial<Activity>): string | undefined {
  const match = /;messageid=([^;]+)/.exec(activity.conversation?.id ?? '');
  return match?.[1];
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)
    ?.tenant?.id;
  return (
    activity.conversation?.tenantId ??
    (typeof fromChannelData === 'string' ? fromChannelData : undefined)
  );
}

/**
 * Where a daily tip for this conversation goes later: the conversation itself (a channel, not the
 * thread the command was typed in) and no activity to reply to, so a tip is a new post.
 */
export function storedReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const { activityId: _reply, ...ref } = TurnContext.getConversationReference(activity);
  if (!ref.conversation) return ref;
  return {
    ...ref,
    conversation: { ...ref.conversation, id: baseConversationId(ref.conversation.id) },
  };
}

export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface MentionEntity {
  readonly type?: string;
  readonly text?: unknown;
  readonly mentioned?: { readonly id?: unknown; readonly name?: unknown };
}

function botMentions(activity: Partial<Activity>): MentionEntity[] {
  const botId = activity.recipient?.id;
  return ((activity.entities ?? []) as MentionEntity[]).filter(
    (e) => e.type === 'mention' && botId !== undefined && e.mentioned?.id === botId,
  );
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos|nbsp);|&#(\d{1,6});/g,
    (_, named?: string, code?: string) =>
      named ? (ENTITIES[named] ?? '') : String.fromCodePoint(Math.min(Number(code), 0x10ffff)),
  );
}

function withoutOurMention(activity: Partial<Activity>): { text: string; ours: MentionEntity[] } {
  let text = activity.text ?? '';
  const ours = botMentions(activity);
  for (const m of ours)
    if (typeof m.text === 'string' && m.text) text = text.split(m.text).join(' ');
  return { text, ours };
}

/**
 * The question without casebot's `<at>…</at>` mention. Other people's mentions keep their name
 * (the tags go), so "@casebot what did @Alice mean" still reads naturally.
 */
export function questionText(activity: Partial<Activity>): string {
  const { text, ours } = withoutOurMention(activity);
  const botName = activity.recipient?.name;
  const named = text.replace(/<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi, (_, name: string) =>
    ours.length > 0 && name.trim() === botName ? ' ' : name,
  );
  return decodeEntities(named).replace(/\s+/g, ' ').trim();
}

/**
 * A channel message as the unprompted judgement reads it: its lines kept (a stand-up, a pasted
 * log) and other people's `<at>…</at>` mentions kept as mentions (a question put to a colleague
 * is theirs to answer), in plain text or Teams' HTML alike.
 */
export function channelText(activity: Partial<Activity>): string {
  return decodeEntities(withoutOurMention(activity).text)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

function conversationOf(activity: Partial<Activity>): Conversation | undefined {
  const id = activity.conversation?.id;
  if (!id) return undefined;
  const threadId = threadRootOf(activity);
  return {
    id: baseConversationId(id),
    workspaceId: tenantOf(activity),
    kind: conversationKind(activity),
    reference: storedReference(activity),
    ...(threadId && { threadId }),
  };
}

/** Bots' ids in Teams start with `28:` (people's with `29:`). */
const isBot = (activity: Partial<Activity>) =>
  activity.from?.role === 'bot' ||
  Boolean(activity.from?.id?.startsWith('28:')) ||
  (activity.from?.id !== undefined && activity.from.id === activity.recipient?.id);

/**
 * A channel or group chat message that does not mention casebot (Teams delivers those through
 * resource-specific consent), for the core to consider; null for anything else.
 */
export function toChannelMessage(
  activity: Partial<Activity>,
  requestId: string,
): ChannelMessage | null {
  if (activity.type !== 'message' || conversationKind(activity) === 'personal') return null;
  if (activity.value !== undefined && activity.value !== null) return null;
  const conversation = conversationOf(activity);
  const messageId = activity.id;
  if (!conversation || !messageId) return null;
  const root = threadRootOf(activity);
  const sent = activity.timestamp ? new Date(activity.timestamp) : null;
  return {
    id: requestId,
    platform: 'teams',
    text: channelText(activity),
    ...(activity.from?.id && {
      user: { id: activity.from.id, ...(activity.from.name && { name: activity.from.name }) },
    }),
    conversation,
    messageId,
    threadId: root && root !== messageId ? root : null,
    // No timestamp: it cannot be shown to be recent, so it is not answered.
    sentAt: sent && !Number.isNaN(sent.getTime()) ? sent : new Date(0),
    fromBot: isBot(activity),
    changed: false,
    mentionsBot: mentionsBot(activity),
  };
}

/**
 * A Teams message as a neutral request, or null when it is not for casebot: in a channel or a
 * group chat casebot answers only when mentioned (the rest goes to `toChannelMessage`); a card
 * button (`value`) always counts.
 */
export function toBotRequest(activity: Partial<Activity>, requestId: string): BotRequest | null {
  const from = activity.from;
  const timeZone = (activity as { localTimezone?: unknown }).localTimezone;
  const base = {
    id: requestId,
    platform: 'teams' as const,
    user: from?.id
      ? {
          id: from.id,
          name: from.name,
          ...(typeof timeZone === 'string' && timeZone && { timeZone }),
        }
      : undefined,
    conversation: conversationOf(activity),
  };
  const text = questionText(activity);
  if (activity.value !== undefined && activity.value !== null && text === '') {
    const click = parseSubmitData(activity.value);
    return click ? { ...base, text: '', lang: click.lang, action: click.action } : null;
  }
  if (conversationKind(activity) !== 'personal' && !mentionsBot(activity)) return null;
  // The text decides the language; with none in it (an empty mention), the user's Teams locale.
  const lang = languageOf(text) ? undefined : langOfLocale(activity.locale);
  return { ...base, text, ...(lang && { lang }) };
}
