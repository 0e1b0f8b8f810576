import type { Store, ThreadKey } from '../store/store.js';
import type { Answer, BotRequest } from './model.js';

/** The thread a request came from, as the store keys it; null outside Slack/Teams threads. */
export function threadOf(request: BotRequest): ThreadKey | null {
  const conv = request.conversation;
  const platform = request.platform;
  if (!conv?.threadId || conv.kind === 'personal') return null;
  if (platform !== 'slack' && platform !== 'teams') return null;
  return { platform, channelId: conv.id, threadId: conv.threadId };
}

/**
 * casebot posted `answer` in the request's thread: a case answer is remembered there, so replies
 * in the thread are followed up without a mention. Never fails: without the memory a follow-up
 * needs a mention, and the answer itself went out.
 */
export async function noteThread(
  store: Store,
  now: Date,
  request: BotRequest,
  answer: Answer,
): Promise<void> {
  const thread = threadOf(request);
  if (answer.kind !== 'case' || !thread) return;
  try {
    await store.rememberThread({ ...thread, caseId: answer.case.id }, now);
  } catch {
    // Bookkeeping only.
  }
}

/**
 * *Not helpful* on an unprompted answer: a 👎 for the case, the question kept as a miss (the
 * store leaves its text out when STATS_KEEP_QUESTIONS=off), and no more follow-ups in the thread.
 */
export async function dismissAnswer(
  store: Store,
  now: Date,
  request: BotRequest,
  dismissal: { readonly caseId: string; readonly query: string; readonly lang: Answer['lang'] },
): Promise<void> {
  const { caseId, query, lang } = dismissal;
  const userId = request.user?.id ?? '';
  await store.recordFeedback({
    platform: request.platform,
    caseId,
    helpful: false,
    query,
    userId,
    at: now,
  });
  await store.recordMiss({ query, lang, at: now });
  const thread = threadOf(request);
  if (thread) await store.dismissThread(thread);
}
