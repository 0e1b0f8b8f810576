import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { Core } from '../../core/core.js';
import type { Answer, HandoffOffer } from '../../core/model.js';
import { parseSubmitData, viewRefresh } from '../../render/adaptive-actions.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCardOptions,
  renderAdaptiveCard,
} from '../../render/adaptive-card.js';
import { toBotRequest } from './to-request.js';
import { noteAnswer, requestIdOf } from './turn-state.js';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** Teams shows this as a short message beside the card (an apology, a refusal). */
export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

function refused(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message },
  };
}

/**
 * A button pressed on one of our cards (`Action.Execute`): the answer is the card that replaces
 * the pressed one, for the presser only (Teams never changes the card for anybody else). A case
 * view keeps itself on the presser's other clients through `refresh.userIds`. A 👍/👎 is
 * recorded and answered with the same view, the thanks in place of the buttons.
 */
export async function answerCardAction(
  core: Core,
  cards: AdaptiveCardOptions,
  context: TurnContext,
  invoke: AdaptiveCardInvokeValue,
): Promise<AdaptiveCardInvokeResponse> {
  const data = (invoke as Partial<AdaptiveCardInvokeValue>).action?.data;
  const click = parseSubmitData(data);
  const activity = context.activity;
  const request =
    click && toBotRequest({ ...activity, text: '', value: data }, requestIdOf(context));
  if (!click || !request) return refused('This button is not one of casebot’s.');
  const answer = await core.handle(request);
  noteAnswer(context, answer);
  let shown: Answer = answer;
  let note: string | undefined;
  let noteHandoff: HandoffOffer | undefined;
  if (click.action.kind === 'feedback' && answer.kind === 'notice' && answer.tone === 'success') {
    note = answer.text;
    noteHandoff = answer.handoff;
    shown = await core.handle({
      ...request,
      action: { kind: 'show', caseId: click.action.caseId, section: click.section ?? null },
    });
  }
  const card = renderAdaptiveCard(shown, {
    ...cards,
    ...(note !== undefined && { note }),
    ...(noteHandoff && { noteHandoff }),
  });
  const presser = activity.from?.id;
  const refresh =
    shown.kind === 'case' && presser
      ? viewRefresh(shown.case.id, shown.section, shown.lang, presser)
      : undefined;
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_CONTENT_TYPE,
    value: { ...card, ...(refresh && { refresh }) } as unknown as Record<string, unknown>,
  };
}
