import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Owner } from '../../../catalog/schema.js';
import { type CaseDraft, draftCase } from '../../../core/draft.js';
import { languageOf } from '../../../core/lang.js';
import { messages } from '../../../core/messages.js';
import { renderBlockKit } from '../../../render/blockkit.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { ListenerDeps } from '../deps.js';
import { plainSlackText } from '../request.js';
import { postToResponseUrl, respondWith, slackErrorCode } from '../send.js';

/** The message shortcut's callback id (manifests/slack/manifest.yaml). */
export const DRAFT_CALLBACK_ID = 'casebot_draft_case';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
type SlackMessage = { user?: string; bot_id?: string; subtype?: string; text?: string };

/** The most of a thread read: a case is drafted from a conversation, not an archive. */
const MAX_MESSAGES = 100;
/** Slack errors that mean casebot cannot read that conversation. */
const CANNOT_READ = new Set(['not_in_channel', 'channel_not_found', 'missing_scope']);

/** Display names of the people who wrote in the thread (their id when Slack won't say). */
async function names(deps: ListenerDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { user } = await deps.lookups.users.info({ user: id });
        const name = user?.profile?.display_name || user?.real_name || user?.name;
        out.set(id, name || id);
      } catch {
        out.set(id, id);
      }
    }),
  );
  return out;
}

/** The draft, as a file in the user's direct messages with casebot (private, and kept). */
async function sendAsFile(client: WebClient, user: string, draft: CaseDraft): Promise<void> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: channel,
    filename: draft.fileName,
    title: draft.fileName,
    content: draft.yaml,
    initial_comment: messages.draftComment()[draft.lang],
  });
}

/**
 * "Draft a case from this thread": reads the thread the shortcut was used on (only then, and only
 * that one), and sends the user, privately, a case skeleton seeded by it as a YAML file in their
 * direct messages with casebot; if a file cannot be sent, the text itself, ephemerally.
 */
export function draftCaseShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut, client }: Args): Promise<void> => {
    await ack();
    const channel = shortcut.channel.id;
    const root = shortcut.message.thread_ts ?? shortcut.message.ts;
    const respond = (lang: 'en' | 'zh', text: string) =>
      shortcut.response_url
        ? respondWith(
            shortcut.response_url,
            renderBlockKit(
              { kind: 'notice', lang, tone: 'info', text },
              { diagrams: deps.diagrams },
            ),
            { response_type: 'ephemeral' },
            deps.sending,
          )
        : Promise.resolve();
    let thread: SlackMessage[];
    try {
      const replies = await client.conversations.replies({
        channel,
        ts: root,
        limit: MAX_MESSAGES,
      });
      thread = (replies.messages ?? []) as SlackMessage[];
    } catch (error) {
      if (!CANNOT_READ.has(slackErrorCode(error) ?? '')) throw error;
      await respond(deps.defaultLocale, messages.draftCannotRead()[deps.defaultLocale]);
      return;
    }
    const [first, ...rest] = thread.filter((m) => !m.bot_id && !m.subtype && m.user && m.text);
    const question = plainSlackText(first?.text ?? '');
    const answerers = [...new Set(rest.map((m) => m.user!).filter((u) => u !== first?.user))];
    const named = await names(deps, [
      ...new Set([first?.user ?? '', ...answerers].filter(Boolean)),
    ]);
    const owners: Owner[] = answerers.map((id) => ({ name: named.get(id) ?? id, slack: id }));
    const draft = draftCase(
      deps.core.catalog,
      {
        where: `a Slack thread (channel ${channel}, thread ${root})`,
        question,
        replies: rest.map((m) => ({
          author: named.get(m.user!) ?? m.user!,
          text: plainSlackText(m.text!),
        })),
        owners,
      },
      languageOf(question) ?? deps.defaultLocale,
    );
    try {
      await sendAsFile(client, shortcut.user.id, draft);
      await respond(draft.lang, messages.draftSent(`${draft.fileName}`)[draft.lang]);
    } catch (error) {
      deps.logger.warn(
        { err: error, code: slackErrorCode(error) },
        'draft not sent as a file; sending it inline',
      );
      if (!shortcut.response_url) throw error;
      await postToResponseUrl(shortcut.response_url, {
        response_type: 'ephemeral',
        text: messages.draftInline()[draft.lang],
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: escapeMrkdwn(messages.draftInline()[draft.lang]) },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `\`\`\`${escapeMrkdwn(draft.yaml).slice(0, 2_900)}\`\`\``,
            },
          },
        ],
      });
    }
  };
}
