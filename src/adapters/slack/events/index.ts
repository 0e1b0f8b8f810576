import type { App } from '@slack/bolt';
import { agentFeatures } from '../agent-features.js';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { channelMessage } from './channel-message.js';
import { dedupeEvents } from './dedupe.js';
import { directMessage } from './direct-message.js';
import { linkShared } from './link-shared.js';

/**
 * Events API: mentions, direct messages, channel messages (answered without a mention where the
 * core says so), the Home and Messages tabs, links to case files; every event id answered once.
 * One Bolt listener for them all (see actions/index.ts for why).
 */
export function register(app: App, deps: ListenerDeps): void {
  app.use(dedupeEvents(deps));
  const agent = agentFeatures(deps.logger);
  const mention = appMention(deps);
  const direct = directMessage(deps, agent);
  const inChannel = channelMessage(deps);
  const home = appHomeOpened(deps, agent);
  const link = linkShared(deps);
  app.event(/^(app_mention|message|app_home_opened|link_shared)$/, async (args) => {
    switch (args.event.type) {
      case 'app_mention':
        return mention(args as unknown as Parameters<typeof mention>[0]);
      case 'message':
        return (args.event as { channel_type?: string }).channel_type === 'im'
          ? direct(args as unknown as Parameters<typeof direct>[0])
          : inChannel(args as unknown as Parameters<typeof inChannel>[0]);
      case 'app_home_opened':
        return home(args as unknown as Parameters<typeof home>[0]);
      case 'link_shared':
        return link(args as unknown as Parameters<typeof link>[0]);
    }
  });
}
