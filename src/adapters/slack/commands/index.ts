import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { caseCommand } from './case.js';

/** Slash commands. The app has one (`/case` in the manifest); any name a workspace gave it works. */
export function register(app: App, deps: ListenerDeps): void {
  app.command(/^\/\S+$/, caseCommand(deps));
}
