import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../../catalog/schema.js';
import { renderHomeView } from '../../../render/blockkit.js';
import type { ListenerDeps } from '../deps.js';

/** Publishes the App Home tab for one user, in one language. */
export async function publishHome(
  client: WebClient,
  deps: ListenerDeps,
  userId: string,
  lang: Lang,
): Promise<void> {
  const { catalog } = deps.core;
  await client.views.publish({ user_id: userId, view: renderHomeView(catalog, lang) });
}
