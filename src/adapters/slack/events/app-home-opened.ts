import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AgentFeatures } from '../agent-features.js';
import type { ListenerDeps } from '../deps.js';
import { publishHome } from '../views/home.js';
import { greetInMessagesTab } from './messages-tab.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * Opening the Home tab publishes the casebook at a glance; opening the Messages tab (the agent
 * DM) greets a user the first time.
 */
export function appHomeOpened(deps: ListenerDeps, agent: AgentFeatures) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (event.tab === 'home') {
      await publishHome(client, deps, event.user, deps.defaultLocale);
      return;
    }
    if (event.tab === 'messages' && event.channel) {
      const team = (body as { team_id?: string }).team_id;
      await greetInMessagesTab(deps, agent, client, {
        user: event.user,
        channel: event.channel,
        team,
      });
    }
  };
}
