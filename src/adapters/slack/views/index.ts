import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/**
 * Views: the Home tab is published from `events/app-home-opened` and `actions/home-language`
 * (see `home.ts`); casebot has no modals, so there are no view submissions to listen to yet.
 */
export function register(_app: App, _deps: ListenerDeps): void {}
