import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../../render/blockkit-actions.js';
import type { ListenerDeps } from '../deps.js';
import { dismissAction } from './dismiss.js';
import { feedbackAction } from './feedback.js';
import { answeredAction, handoffAction } from './handoff.js';
import { homeLanguageAction } from './home-language.js';
import type { ButtonArgs } from './reply.js';
import { shareAction } from './share.js';
import { showAction } from './show.js';

const startsWith = (prefix: string) => new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.`);

/**
 * Buttons on our cards; the button's value says what it means (see render/blockkit-actions).
 * One Bolt listener that dispatches itself: Bolt runs every listener's matchers for every request,
 * so each extra listener is paid by every slash command too.
 */
export function register(app: App, deps: ListenerDeps): void {
  const handlers: [RegExp, (args: ButtonArgs) => Promise<void>][] = [
    [startsWith(ACTION_IDS.show), showAction(deps)],
    [startsWith(ACTION_IDS.feedback), feedbackAction(deps)],
    [startsWith(ACTION_IDS.share), shareAction(deps)],
    [startsWith(ACTION_IDS.home), homeLanguageAction(deps)],
    [startsWith(ACTION_IDS.dismiss), dismissAction(deps)],
    [startsWith(ACTION_IDS.handoff), handoffAction(deps)],
    [startsWith(ACTION_IDS.answered), answeredAction(deps)],
  ];
  app.action<BlockAction<ButtonAction>>(/^casebot\./, async (args) => {
    const handler = handlers.find(([pattern]) => pattern.test(args.action.action_id))?.[1];
    if (handler) await handler(args);
    else await args.ack();
  });
}
