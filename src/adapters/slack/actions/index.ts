import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../../render/blockkit-actions.js';
import type { ListenerDeps } from '../deps.js';
import { feedbackAction } from './feedback.js';
import { homeLanguageAction } from './home-language.js';
import { shareAction } from './share.js';
import { showAction } from './show.js';

const startsWith = (prefix: string) => new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.`);

/** Buttons on our cards; the button's value says what it means (see render/blockkit-actions). */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(startsWith(ACTION_IDS.show), showAction(deps));
  app.action<BlockAction<ButtonAction>>(startsWith(ACTION_IDS.feedback), feedbackAction(deps));
  app.action<BlockAction<ButtonAction>>(startsWith(ACTION_IDS.share), shareAction(deps));
  app.action<BlockAction<ButtonAction>>(startsWith(ACTION_IDS.home), homeLanguageAction(deps));
}
