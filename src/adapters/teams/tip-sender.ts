import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Tip } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { TipAnswer } from '../../core/model.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RateGate } from '../../rate-gate.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Subscription } from '../../store/store.js';
import { cardCache } from '../../tips/card-cache.js';
import type { SendOutcome, TipSender } from '../../tips/sender.js';
import { provedNotSent, TEAMS_TIP_CONCURRENCY } from './connector-http.js';
import { isDevServiceUrl } from './loopback.js';
import { answerActivity } from './reply.js';

export interface TeamsTipSenderDeps {
  readonly adapter: CloudAdapter;
  /** The bot's gate, shared with every connector call (see connector-http.ts). */
  readonly gate: RateGate;
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
  conversations: {
    sendToConversation(
      id: string,
      activity: Partial<Activity>,
      options?: { abortSignal?: AbortSignal },
    ): Promise<unknown>;
  };
}

/**
 * Rate limits are waited out up to this much in all per tip, as on Slack; past that the tip is
 * `not-sent` and a later pass tries again the same day.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 120_000;

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
 * What a failed post means (see SendOutcome), decided as on Slack: a failure that proves the
 * connector took nothing (a 429 or 412 longer than the connector client waits, a connection
 * never made, a send stopped before it started) is `not-sent`, so the claim is released and the
 * tip is tried again later THE SAME DAY; never `retry-later`, which would skip a whole day for a
 * few seconds of rate limit. The conversation gone → retire. A 5xx, reset or timeout leaves
 * unknown whether it was posted → thrown (that day is not retried). Any other refusal (a 403,
 * a 400) → skip today, try the next day.
 */
export function classify(error: unknown): SendOutcome {
  if (error instanceof CasebotError && error.code === 'delivery_unknown') throw error;
  const proved = provedNotSent(error);
  if (proved) {
    const why = proved.stopped
      ? 'stopped'
      : proved.retryAfterMs !== undefined
        ? 'ratelimited'
        : 'not connected';
    return { kind: 'not-sent', reason: `teams ${why}` };
  }
  const e = error as {
    statusCode?: unknown;
    code?: unknown;
    body?: { error?: { code?: unknown } };
  };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const code = String(e?.body?.error?.code ?? e?.code ?? '');
  const reason = `teams ${status ?? 'network'} ${code}`.trim();
  if (status === 404 || GONE_CODES.has(code)) return { kind: 'retire', reason };
  if (status === undefined || status >= 500) {
    throw new CasebotError('delivery_unknown', `Teams tip may have been posted (${reason})`, {
      cause: error,
    });
  }
  return { kind: 'retry-later', reason };
}

/**
 * Posts a daily tip into a Teams conversation: a proactive message (`continueConversationAsync`)
 * to the conversation reference stored with the subscription, the tip as an Adaptive Card with a
 * "Read the case" button. Without credentials only a local emulator's service URL is posted to.
 */
export function createTeamsTipSender(deps: TeamsTipSenderDeps): TipSender {
  const { adapter, appId, logger, gate } = deps;
  const card = cardCache((tip, lang) => {
    const c = tip.caseId ? deps.core.catalog.byId.get(tip.caseId) : undefined;
    const answer: TipAnswer = c ? { kind: 'tip', lang, tip, case: c } : { kind: 'tip', lang, tip };
    return answerActivity(answer, { diagrams: deps.diagrams, daily: true });
  });

  /** One post; thrown errors as the connector client threw them. */
  const post = async (
    reference: StoredReference,
    message: Partial<Activity>,
    signal?: AbortSignal,
  ) => {
    // Failures inside the turn are kept here, not handed to the adapter's error sink (which
    // would post an apology into the channel).
    let failure: unknown = null;
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        try {
          const connector = context.turnState.get(context.adapter.ConnectorClientKey) as Connector;
          // A new post in the conversation, not a reply to whatever was said last.
          const activity = TurnContext.applyConversationReference({ ...message }, reference);
          delete activity.replyToId;
          await connector.conversations.sendToConversation(
            reference.conversation.id,
            activity,
            signal ? { abortSignal: signal } : undefined,
          );
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== null) throw failure;
  };

  return {
    concurrency: TEAMS_TIP_CONCURRENCY,
    ready: (_sub, signal) => gate.ready(signal),
    async send(sub: Subscription, tip: Tip, signal?: AbortSignal): Promise<SendOutcome> {
      const reference = asReference(sub.reference);
      if (!reference) return { kind: 'retire', reason: 'no Teams conversation reference stored' };
      if (!appId && !isDevServiceUrl(reference.serviceUrl, { devServiceUrl: deps.devServiceUrl })) {
        logger.warn(
          { subscriptionId: sub.id, serviceUrl: reference.serviceUrl.slice(0, 200) },
          'not posting a tip: without credentials only a local emulator’s service URL is served',
        );
        return { kind: 'retire', reason: 'no credentials and not a local emulator’s service URL' };
      }
      const message = card(tip, sub.lang);
      let waited = 0;
      for (;;) {
        try {
          await post(reference, message, signal);
          return { kind: 'sent' };
        } catch (failure) {
          // The connector client waits out short rate limits itself; a longer one is waited
          // out here, through the gate every send of the bot waits at, up to the maximum.
          const wait = provedNotSent(failure)?.retryAfterMs;
          if (wait !== undefined && waited + wait <= MAX_RATE_LIMIT_WAIT_MS) {
            waited += wait;
            if (await gate.ready(signal)) continue;
            return { kind: 'not-sent', reason: 'stopped' };
          }
          logger.warn({ err: failure, subscriptionId: sub.id }, 'teams tip not posted');
          return classify(failure);
        }
      }
    },
  };
}
