import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { dedupeEvents } from './dedupe.js';
import { directMessage } from './direct-message.js';

/** Events API: mentions, direct messages, the Home tab; every event id answered once. */
export function register(app: App, deps: ListenerDeps): void {
  app.use(dedupeEvents(deps));
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
