import { decodeAction } from '../../../render/blockkit-actions.js';
import type { ListenerDeps } from '../deps.js';
import { publishHome } from '../views/home.js';
import type { ButtonArgs } from './reply.js';

/** The English / 中文 switch on the Home tab. */
export function homeLanguageAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const choice = decodeAction(action.value);
    if (choice?.kind !== 'home') return;
    await publishHome(client, deps, body.user.id, choice.lang);
  };
}
