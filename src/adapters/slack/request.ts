import type { Lang } from '../../catalog/schema.js';
import type { BotRequest, Conversation } from '../../core/model.js';
import type { CardAction } from '../../render/blockkit-actions.js';

/**
 * Slack → BotRequest: the only place that knows how Slack spells a question. No business logic:
 * text is cleaned, the conversation is described, and the core decides the rest.
 */

/** Slack escapes `&`, `<`, `>` in what users type; the core wants the plain text back. */
export function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/**
 * A Slack message as plain text for a case file: user and channel references kept readable
 * (`@U123`, `#platform`), links as their label, Slack's `&amp;` escapes undone.
 */
export function plainSlackText(text: string): string {
  return unescapeSlack(
    text
      .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `@${name || id}`)
      .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
      .replace(
        /<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g,
        (_, id: string, name?: string) => name || `@${id}`,
      )
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/<![^>]*>/g, ''),
  ).trim();
}

/** Removes the leading `<@U…>` mention(s) of the bot (any leading mention when the id is unknown). */
export function stripMentions(text: string, botUserId?: string): string {
  let rest = text.trimStart();
  const leading = /^<@([A-Z0-9]+)(?:\|[^>]*)?>[\s,:]*/;
  for (let m = leading.exec(rest); m; m = leading.exec(rest)) {
    if (botUserId && m[1] !== botUserId) break;
    rest = rest.slice(m[0].length);
  }
  if (botUserId) rest = rest.split(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g')).join(' ');
  return rest.trim();
}

/** The question as the core should see it. */
export function questionText(raw: string | undefined, botUserId?: string): string {
  return unescapeSlack(stripMentions(raw ?? '', botUserId));
}

export function conversationOf(
  channelId: string,
  teamId: string | undefined,
  hint?: { channelName?: string; channelType?: string; threadId?: string },
): Conversation {
  let kind: Conversation['kind'] = 'channel';
  const type = hint?.channelType;
  if (channelId.startsWith('D') || type === 'im' || hint?.channelName === 'directmessage')
    kind = 'personal';
  else if (
    type === 'mpim' ||
    type === 'group' ||
    hint?.channelName === 'privategroup' ||
    channelId.startsWith('G')
  ) {
    kind = 'group';
  }
  return {
    id: channelId,
    ...(teamId && { workspaceId: teamId }),
    kind,
    ...(hint?.threadId && { threadId: hint.threadId }),
  };
}

/** The bot's own mention in a message (any user mention while the bot's id is not known yet). */
export function mentionsBot(text: string | undefined, botUserId?: string): boolean {
  if (!text) return false;
  return botUserId ? text.includes(`<@${botUserId}`) : /<@[UW]/.test(text);
}

export interface AskInput {
  readonly requestId: string;
  readonly text: string;
  readonly userId?: string;
  readonly timeZone?: string;
  readonly conversation?: Conversation;
  readonly lang?: Lang;
}

export function askRequest(input: AskInput): BotRequest {
  return {
    id: input.requestId,
    platform: 'slack',
    text: input.text,
    ...(input.lang ? { lang: input.lang } : {}),
    ...(input.userId
      ? { user: { id: input.userId, ...(input.timeZone ? { timeZone: input.timeZone } : {}) } }
      : {}),
    ...(input.conversation ? { conversation: input.conversation } : {}),
  };
}

/** A click on one of our buttons, as the core's request (the card's language kept). */
export function actionRequest(
  requestId: string,
  action: CardAction,
  userId: string | undefined,
  conversation?: Conversation,
): BotRequest {
  const base = askRequest({ requestId, text: '', userId, conversation, lang: action.lang });
  switch (action.kind) {
    case 'show':
      return { ...base, action: { kind: 'show', caseId: action.caseId, section: action.section } };
    case 'ask':
      return { ...base, action: { kind: 'ask', text: action.text } };
    case 'feedback':
      return {
        ...base,
        action: {
          kind: 'feedback',
          caseId: action.caseId,
          helpful: action.helpful,
          query: action.query,
        },
      };
    case 'share':
      return action.caseId
        ? {
            ...base,
            action: { kind: 'show', caseId: action.caseId, section: action.section ?? null },
          }
        : { ...base, text: action.text ?? '' };
    case 'home':
      return base;
    case 'dismiss':
      return { ...base, action: { kind: 'dismiss', caseId: action.caseId, query: action.query } };
    case 'handoff':
      return {
        ...base,
        action: { kind: 'handoff', question: action.question, caseId: action.caseId },
      };
    case 'answered':
      return { ...base, action: { kind: 'handoff-answered', handoffId: action.handoffId } };
  }
}
