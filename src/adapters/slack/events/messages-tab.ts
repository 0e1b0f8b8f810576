import type { WebClient } from '@slack/web-api';
import { agentGreeting } from '../../../render/agent-dm.js';
import { within } from '../../../within.js';
import type { AgentFeatures } from '../agent-features.js';
import type { ListenerDeps } from '../deps.js';
import { userLang } from '../lookups.js';
import { DEDUPE_TIMEOUT_MS } from './dedupe.js';

export interface MessagesTabOpened {
  readonly user: string;
  /** The DM between the user and casebot. */
  readonly channel: string;
  readonly team?: string;
}

/**
 * The first time a user opens casebot's Messages tab (the agent DM), a one-line greeting in their
 * language and up to four suggested prompts from the casebook; never again for that user (the
 * store remembers, for every replica). Without the agent features Slack refuses the prompts and
 * the DM stays as it always was: the greeting line, then questions answered.
 */
export async function greetInMessagesTab(
  deps: ListenerDeps,
  agent: AgentFeatures,
  client: WebClient,
  opened: MessagesTabOpened,
): Promise<void> {
  const first = await within(
    () => deps.store.markGreeted('slack', opened.team ?? '', opened.user, deps.now()),
    DEDUPE_TIMEOUT_MS,
  );
  if (first.kind !== 'done' || !first.value) {
    // Not sure the user was never greeted (store down or slow): better no greeting than a second.
    if (first.kind !== 'done')
      deps.logger.info({ user: opened.user }, 'greeting skipped: the store did not answer');
    return;
  }
  const lang = await userLang(deps.lookups, opened.user, deps.defaultLocale, deps.logger);
  const greeting = agentGreeting(deps.core.catalog.cases, lang);
  await client.chat.postMessage({ channel: opened.channel, text: greeting.intro });
  // No thread_ts: in the agent DM the prompts go with the latest message, the greeting.
  await agent.call('assistant.threads.setSuggestedPrompts', opened.team, () =>
    deps.lookups.assistant.threads.setSuggestedPrompts({
      channel_id: opened.channel,
      title: greeting.title,
      prompts: [...greeting.prompts],
    }),
  );
}
