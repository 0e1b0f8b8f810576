import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { Answer } from '../../core/model.js';
import { type AdaptiveCardOptions, renderAdaptiveCard } from '../../render/adaptive-card.js';

/** Notifications show one short line. */
const MAX_SUMMARY_CHARS = 200;

/**
 * An Answer as a Teams message: the Adaptive Card as the attachment, and its text fallback as the
 * `summary` (what notifications and clients without cards show).
 */
export function answerActivity(answer: Answer, options: AdaptiveCardOptions): Partial<Activity> {
  const card = renderAdaptiveCard(answer, options);
  const firstLine = (card.fallbackText ?? '').split('\n')[0] ?? '';
  return {
    type: ActivityTypes.Message,
    summary: [...firstLine].slice(0, MAX_SUMMARY_CHARS).join(''),
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
