import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Tip } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { TipAnswer } from '../../core/model.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Subscription } from '../../store/store.js';
import type { SendOutcome, TipSender } from '../../tips/sender.js';
import { isDevServiceUrl } from './loopback.js';
import { answerActivity } from './reply.js';

export interface TeamsTipSenderDeps {
  readonly adapter: CloudAdapter;
  /** '' without credentials. */
  readonly appId: string;
  readonly core: Core;
  readonly logger: Logger;
  readonly diagrams: DiagramOptions;
  /** Without credentials: TEAMS_DEV_SERVICE_URL, if set (see loopback.ts). */
  readonly devServiceUrl?: string;
}

type StoredReference = Partial<ConversationReference> & {
  readonly serviceUrl: string;
  readonly conversation: ConversationReference['conversation'];
};

interface Connector {
  conversations: { sendToConversation(id: string, activity: Partial<Activity>): Promise<unknown> };
}

function asReference(value: unknown): StoredReference | null {
  const ref = value as Partial<ConversationReference> | null;
  if (!ref || typeof ref !== 'object') return null;
  if (typeof ref.serviceUrl !== 'string' || typeof ref.conversation?.id !== 'string') return null;
  return ref as StoredReference;
}

/** Errors that mean "this conversation is gone for us" (casebot removed, chat deleted, blocked). */
const GONE_CODES = new Set([
  'ConversationNotFound',
  'BotNotInConversationRoster',
  'ConversationBlockedByUser',
]);

/**
 * What a failed post means (see SendOutcome): the conversation is gone → retire; a rate limit →
 * not sent, the next pass tries again; a network or server error leaves unknown whether it was
 * posted → thrown (that day is not retried); any other refusal → skip today, try the next day.
 */
export function classify(error: unknown): SendOutcome {
  const e = error as {
    statusCode?: unknown;
    code?: unknown;
    body?: { error?: { code?: unknown } };
  };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const code = String(e?.body?.error?.code ?? e?.code ?? '');
  const reason = `teams ${status ?? 'network'} ${code}`.trim();
  if (status === 404 || GONE_CODES.has(code)) return { kind: 'retire', reason };
  if (status === 429) return { kind: 'not-sent', reason };
  if (status === undefined || status >= 500) {
    throw new CasebotError('platform_failed', `Teams tip not posted (${reason})`, { cause: error });
  }
  return { kind: 'retry-later', reason };
}

/**
 * Posts a daily tip into a Teams conversation: a proactive message (`continueConversationAsync`)
 * to the conversation reference stored with the subscription, the tip as an Adaptive Card with a
 * "Read the case" button. Without credentials only a local emulator's service URL is posted to.
 */
export function createTeamsTipSender(deps: TeamsTipSenderDeps): TipSender {
  const { adapter, appId, logger } = deps;
  return {
    async send(sub: Subscription, tip: Tip): Promise<SendOutcome> {
      const reference = asReference(sub.reference);
      if (!reference) return { kind: 'retire', reason: 'no Teams conversation reference stored' };
      if (!appId && !isDevServiceUrl(reference.serviceUrl, { devServiceUrl: deps.devServiceUrl })) {
        logger.warn(
          { subscriptionId: sub.id, serviceUrl: reference.serviceUrl.slice(0, 200) },
          'not posting a tip: without credentials only a local emulator’s service URL is served',
        );
        return { kind: 'retire', reason: 'no credentials and not a local emulator’s service URL' };
      }
      const c = tip.caseId ? deps.core.catalog.byId.get(tip.caseId) : undefined;
      const answer: TipAnswer = c
        ? { kind: 'tip', lang: sub.lang, tip, case: c }
        : { kind: 'tip', lang: sub.lang, tip };
      const message = answerActivity(answer, { diagrams: deps.diagrams, daily: true });
      // Failures inside the turn are kept here, not handed to the adapter's error sink (which
      // would post an apology into the channel).
      let failure: unknown = null;
      try {
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          try {
            const connector = context.turnState.get(
              context.adapter.ConnectorClientKey,
            ) as Connector;
            // A new post in the conversation, not a reply to whatever was said last.
            const activity = TurnContext.applyConversationReference({ ...message }, reference);
            delete activity.replyToId;
            await connector.conversations.sendToConversation(reference.conversation.id, activity);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure === null) return { kind: 'sent' };
      logger.warn({ err: failure, subscriptionId: sub.id }, 'teams tip not posted');
      return classify(failure);
    },
  };
}
