import type { Lang } from '../../../catalog/schema.js';
import { searchingStatus } from '../../../render/agent-dm.js';
import { within } from '../../../within.js';
import type { AgentFeatures } from '../agent-features.js';
import type { ListenerDeps } from '../deps.js';

/** An answer ready sooner than this needs no status: it would only flicker. */
export const STATUS_AFTER_MS = 300;

export interface StatusPlace {
  readonly channel: string;
  /** The thread the question is in (its own ts for a message that starts one). */
  readonly threadTs: string;
  readonly team?: string;
  readonly lang: Lang;
}

/**
 * Runs `answer`, then `post`s it. When the answer is not ready within STATUS_AFTER_MS (a slow
 * store, embeddings), the agent DM says "casebot is searching the casebook…" under the question
 * until the answer is posted; then the status is cleared. A fast answer makes no extra call.
 */
export async function withWorkingStatus<T>(
  deps: ListenerDeps,
  agent: AgentFeatures,
  place: StatusPlace,
  answer: () => Promise<T>,
  post: (value: T) => Promise<void>,
): Promise<void> {
  const work = answer();
  // Observed below; a failure must not go unhandled while the status is being set.
  work.catch(() => undefined);
  const early = await within(() => work, STATUS_AFTER_MS);
  if (early.kind === 'done') return post(early.value);
  if (early.kind === 'failed') throw early.error;
  const status = (text: string) =>
    agent.call('assistant.threads.setStatus', place.team, () =>
      deps.lookups.assistant.threads.setStatus({
        channel_id: place.channel,
        thread_ts: place.threadTs,
        status: text,
      }),
    );
  const shown = await status(searchingStatus(place.lang));
  try {
    await post(await work);
  } finally {
    // Slack clears it when a reply lands in the thread; an answer outside the thread does not.
    if (shown) await status('');
  }
}
