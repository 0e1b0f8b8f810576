import type { MessageActionsPayload, MessagingExtensionActionResponse } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { TEAMS_PERSON_ID } from '../../catalog/people.js';
import type { Lang, Owner } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import { draftCase } from '../../core/draft.js';
import { draftCard } from '../../render/adaptive-draft.js';
import { adaptiveLabel } from '../../render/adaptive-labels.js';

/** The message action declared in manifests/teams/manifest.json. */
export const DRAFT_COMMAND_ID = 'draftCase';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A Teams message body (HTML or text) as plain text: mentions as `@Name`, tags gone. */
export function messageText(payload: MessageActionsPayload): string {
  const content = payload.body?.content ?? '';
  if (payload.body?.contentType !== 'html') return content.trim();
  return content
    .replace(/<at[^>]*>([\s\S]*?)<\/at>/gi, '@$1')
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);|&#(\d{1,6});/g, (_, named?: string, code?: string) =>
      named ? (ENTITIES[named] ?? '') : String.fromCodePoint(Math.min(Number(code), 0x10ffff)),
    )
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * "Draft a case from this message": Teams hands the message picked (not its thread's replies,
 * which only Graph could read), so the draft starts from it; when it is a reply, its author
 * answered, and is the case's first owner. The dialog shows the case file to copy: only the
 * user who picked the action sees it.
 */
export function draftTask(
  core: Core,
  payload: MessageActionsPayload,
  defaultLang: Lang,
): MessagingExtensionActionResponse {
  const text = messageText(payload);
  const user = payload.from?.user;
  const author = user?.displayName?.trim() || 'someone';
  const owners: Owner[] =
    payload.replyToId && user?.displayName
      ? [
          {
            name: user.displayName,
            ...(user.id && TEAMS_PERSON_ID.test(user.id) ? { teams: user.id } : {}),
          },
        ]
      : [];
  const draft = draftCase(
    core.catalog,
    {
      where: payload.linkToMessage
        ? `a Teams message (${payload.linkToMessage})`
        : 'a Teams message',
      question: text,
      replies: payload.replyToId ? [{ author, text }] : [],
      owners,
    },
    defaultLang,
  );
  return {
    task: {
      type: 'continue',
      value: {
        title: adaptiveLabel('draftDialog', draft.lang),
        height: 'large',
        width: 'large',
        card: CardFactory.adaptiveCard(draftCard(draft)),
      },
    },
  };
}
