import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { DRAFT_CALLBACK_ID, draftCaseShortcut } from './draft-case.js';

/** Shortcuts: "Draft a case from this thread" on a message. */
export function register(app: App, deps: ListenerDeps): void {
  app.shortcut({ type: 'message_action', callback_id: DRAFT_CALLBACK_ID }, draftCaseShortcut(deps));
}
