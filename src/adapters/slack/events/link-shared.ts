import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { caseIdOfUrl } from '../../../render/case-links.js';
import { answerFor, type ListenerDeps, requestIdOf } from '../deps.js';
import { userLang } from '../lookups.js';
import { actionRequest, conversationOf } from '../request.js';

type Args = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;

/** Slack unfurls at most this many links of one message. */
const MAX_UNFURLS = 5;

/**
 * A link to a case file (`<CASES_URL>/<id>.yaml`) pasted in a message, or being written in the
 * composer, unfurls as that case's card, in the language of whoever pasted it. Other links on the
 * same domain are left alone.
 */
export function linkShared(deps: ListenerDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    const casesUrl = deps.casesUrl;
    if (!casesUrl) return;
    const links = event.links
      .map((link) => ({ url: link.url, caseId: caseIdOfUrl(casesUrl, link.url) }))
      .filter((l) => l.caseId !== null && deps.core.catalog.byId.has(l.caseId))
      .slice(0, MAX_UNFURLS);
    if (links.length === 0) return;
    const lang = event.user
      ? await userLang(deps.lookups, event.user, deps.defaultLocale, deps.logger)
      : deps.defaultLocale;
    const conversation = conversationOf(event.channel, body.team_id);
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const link of links) {
      const show = { kind: 'show', caseId: link.caseId!, section: null, lang } as const;
      const request = actionRequest(requestIdOf(context), show, event.user, conversation);
      const { message } = await answerFor(deps, request, { unfurl: true });
      unfurls[link.url] = { blocks: message.blocks };
    }
    const target =
      event.unfurl_id && event.source
        ? {
            unfurl_id: event.unfurl_id,
            source: event.source as 'composer' | 'conversations_history',
          }
        : { channel: event.channel, ts: event.message_ts };
    await client.chat.unfurl({ ...target, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
  };
}
