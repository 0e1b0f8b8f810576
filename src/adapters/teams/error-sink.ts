import { ActivityTypes, type TurnContext } from 'botbuilder';
import { languageOf } from '../../core/lang.js';
import { messages } from '../../core/messages.js';
import { asCasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { CARD_ACTION_INVOKE, MESSAGE_RESPONSE_TYPE } from './card-action.js';
import { answerActivity } from './reply.js';
import { langOfLocale, toChannelMessage } from './to-request.js';
import { requestIdOf } from './turn-state.js';

/**
 * The one error sink of the Teams adapter (`adapter.onTurnError`): logs the code, the cause and
 * the request, and still answers with a short apology naming the request id — unless the
 * failure was an answer the connector may have posted after all (`delivery_unknown`): an answer
 * and an apology side by side would be worse than either. Never throws.
 */
export function createErrorSink(logger: Logger, diagrams: DiagramOptions) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const requestId = requestIdOf(context);
    const coded = asCasebotError(error);
    const activity = context.activity;
    logger.error(
      {
        err: coded,
        code: coded.code,
        cause: coded.cause,
        requestId,
        activityType: activity.type,
        activityName: activity.name,
        conversationId: activity.conversation?.id,
      },
      'teams turn failed',
    );
    if (coded.code === 'delivery_unknown') {
      logger.warn({ requestId }, 'the answer may have been posted: no apology');
      return;
    }
    // A channel message nobody addressed to casebot gets no apology either.
    if (toChannelMessage(activity, requestId)?.mentionsBot === false) return;
    const lang = languageOf(activity.text ?? '') ?? langOfLocale(activity.locale) ?? 'en';
    const text = messages.apology(requestId)[lang];
    try {
      if (activity.type === ActivityTypes.Invoke && activity.name === CARD_ACTION_INVOKE) {
        // A card button: the apology beside the card, which stays as it was.
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text },
          },
        });
      } else if (activity.type === ActivityTypes.Invoke) {
        // An invoke (the search box, a link) is answered in the HTTP response, not with a message.
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { composeExtension: { type: 'message', text } } },
        });
      } else {
        await context.sendActivity(
          answerActivity({ kind: 'notice', lang, tone: 'error', text }, { diagrams }),
        );
      }
    } catch (sendError) {
      logger.error({ err: sendError, requestId }, 'teams apology could not be sent');
    }
  };
}
