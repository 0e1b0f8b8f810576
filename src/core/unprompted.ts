import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/schema.js';
import { CasebotError } from '../errors.js';
import type { SearchIndex } from '../search/types.js';
import type { ChannelMode, Store, SubscriptionPlatform, ThreadKey } from '../store/store.js';
import { THREAD_MEMORY_MS } from '../store/support.js';
import { readMessage } from './judge/message-text.js';
import { languageOf } from './lang.js';
import type { Conversation, UnpromptedAnswer } from './model.js';
import {
  type JudgeReason,
  judgeMessage,
  type ThreadContext,
  warmJudge,
} from './unprompted-judge.js';

/** A message posted in a channel or group conversation that did not address casebot. */
export interface ChannelMessage {
  /** Request id (logs). */
  readonly id: string;
  readonly platform: SubscriptionPlatform;
  readonly text: string;
  readonly user?: { readonly id: string; readonly name?: string };
  readonly conversation: Conversation;
  /** The message's own id: Slack `ts`, the Teams activity id. */
  readonly messageId: string;
  /** The root of the thread it replies in; null for a top-level message. */
  readonly threadId: string | null;
  /** When it was posted, by its own timestamp. */
  readonly sentAt: Date;
  /** Posted by a bot or an app, casebot included. */
  readonly fromBot: boolean;
  /** Not a new message: an edit, a deletion, a join (any Slack subtype), a Teams update. */
  readonly changed: boolean;
  /** It mentions casebot: the mention path answers it. */
  readonly mentionsBot: boolean;
}

/** Why an unprompted message got no reply, when casebot had to decide. */
export type SilentReason =
  | JudgeReason
  /** The channel had its `AUTO_ANSWER_MAX_PER_HOUR` unprompted answers in the last hour. */
  | 'capped'
  /** casebot already answered this thread (or another replica is answering this message). */
  | 'thread-answered'
  /** The store did not answer, so casebot could not make sure it answers only once. */
  | 'store-unavailable';

export const SILENT_REASONS = [
  'not-a-question',
  'out-of-scope',
  'no-match',
  'unclear',
  'capped',
  'thread-answered',
  'store-unavailable',
] as const satisfies readonly SilentReason[];

export type UnpromptedDecision = 'answered' | SilentReason;

export type Consideration =
  /** Not a decision: not casebot's to consider (a bot, an edit, a `mentions` channel, …). */
  | { readonly kind: 'ignored' }
  | { readonly kind: 'silent'; readonly decision: SilentReason }
  | {
      readonly kind: 'answer';
      readonly decision: 'answered';
      readonly answer: UnpromptedAnswer;
      /** Where the answer goes: the message's thread (its own `ts` for a top-level message). */
      readonly threadId: string;
    };

/** Events replayed after downtime are older than this by their own timestamp: never answered. */
export const MAX_MESSAGE_AGE_MS = 5 * 60_000;
/** How long this replica trusts a channel mode it read (a change made here is seen at once). */
export const MODE_CACHE_MS = 10_000;
const MODE_CACHE_SIZE = 10_000;
/** A message's reply claimed once across replicas (retries, replicas) for this long. */
const REPLY_CLAIM_MS = 60 * 60_000;

export interface UnpromptedDeps {
  readonly catalog: Catalog;
  readonly index: SearchIndex;
  readonly store: Store;
  readonly now: () => Date;
  readonly defaultLocale: Lang;
  readonly maxPerHour: number;
  readonly maxQueryChars: number;
}

export interface Unprompted {
  consider(message: ChannelMessage): Promise<Consideration>;
  /** A mode was changed through this replica. */
  forgetMode(platform: SubscriptionPlatform, channelId: string): void;
}

const IGNORED: Consideration = { kind: 'ignored' };
const NOT_KNOWN = Symbol('not known');

const isStoreError = (error: unknown) =>
  error instanceof CasebotError &&
  (error.code === 'store_unavailable' || error.code === 'store_failed');

/** A look-up that decides whether casebot considers a message at all; a store failure: it does not. */
async function lookup<T>(read: () => Promise<T>): Promise<T | typeof NOT_KNOWN> {
  try {
    return await read();
  } catch (error) {
    if (isStoreError(error)) return NOT_KNOWN;
    throw error;
  }
}
const silent = (decision: SilentReason): Consideration => ({ kind: 'silent', decision });

/**
 * The decision about a message nobody addressed to casebot, in one place: the free checks first
 * (bots, edits, age), then the channel's mode (read once per 10 s per replica), the text's own
 * verdict, and only for a message casebot would answer the store's claims (one answer per thread
 * and per message across replicas, the hourly cap). Nothing of a message it does not answer is
 * stored.
 */
export function createUnprompted(deps: UnpromptedDeps): Unprompted {
  const modes = new Map<string, { mode: ChannelMode; until: number }>();
  const judgeDeps = { catalog: deps.catalog, index: deps.index };
  // Right after start-up, not during it: readiness is not delayed, and the first channel message
  // does not pay for what the judgement builds on first use.
  setImmediate(() => {
    try {
      warmJudge(judgeDeps);
    } catch {
      // Only a head start: the message that meets the fault reports it through its own request.
    }
  }).unref();

  const modeOf = async (platform: SubscriptionPlatform, channelId: string) => {
    const key = `${platform}\n${channelId}`;
    const now = deps.now().getTime();
    const cached = modes.get(key);
    if (cached && cached.until > now) return cached.mode;
    const mode = (await deps.store.getChannelMode(platform, channelId))?.mode ?? 'mentions';
    if (modes.size >= MODE_CACHE_SIZE) modes.clear();
    modes.set(key, { mode, until: now + MODE_CACHE_MS });
    return mode;
  };

  const answer = (
    m: ChannelMessage,
    threadId: string,
    verdict: Extract<ReturnType<typeof judgeMessage>, { speak: true }>,
  ): Consideration => {
    const c = deps.catalog.byId.get(verdict.caseId);
    if (!c) return silent('no-match');
    return {
      kind: 'answer',
      decision: 'answered',
      threadId,
      answer: {
        kind: 'unprompted',
        lang: languageOf(m.text) ?? deps.defaultLocale,
        case: c,
        section: verdict.section,
        // What the person wrote, without markup (Teams' HTML, Slack's <@U…>): what Not helpful keeps.
        query: (readMessage(m.text).prose || m.text.trim()).slice(0, deps.maxQueryChars),
        evidence: verdict.evidence,
        basis: verdict.basis,
      },
    };
  };

  /** The store's part, once the text says casebot would answer. */
  const claimAndAnswer = async (
    m: ChannelMessage,
    thread: ThreadKey,
    verdict: Extract<ReturnType<typeof judgeMessage>, { speak: true }>,
  ): Promise<Consideration> => {
    const now = deps.now();
    const remembered = { ...thread, caseId: verdict.caseId };
    if (m.threadId === null) {
      // One unprompted answer per thread: the first message of a thread is answered once.
      if (!(await deps.store.claimThread(remembered, now))) return silent('thread-answered');
    } else {
      const key = `reply:${m.platform}:${thread.channelId}:${m.messageId}`;
      if (!(await deps.store.rememberEvent(key, now, REPLY_CLAIM_MS))) return IGNORED;
    }
    if (!(await deps.store.takeAnswerSlot(m.platform, thread.channelId, now, deps.maxPerHour))) {
      // Not answered after all: no follow-ups from this thread either.
      if (m.threadId === null) await deps.store.dismissThread(thread);
      return silent('capped');
    }
    if (m.threadId !== null) await deps.store.rememberThread(remembered, now);
    return answer(m, thread.threadId, verdict);
  };

  /** A store failure while claiming: unsure whether it may answer, casebot does not. */
  const claimed: typeof claimAndAnswer = async (m, thread, verdict) => {
    try {
      return await claimAndAnswer(m, thread, verdict);
    } catch (error) {
      if (isStoreError(error)) return silent('store-unavailable');
      throw error;
    }
  };

  const consider = async (m: ChannelMessage): Promise<Consideration> => {
    if (m.fromBot || m.changed || m.mentionsBot || m.conversation.kind === 'personal') {
      return IGNORED;
    }
    if (deps.now().getTime() - m.sentAt.getTime() > MAX_MESSAGE_AGE_MS) return IGNORED;
    const text = m.text.trim();
    if (!text) return IGNORED;
    const channelId = m.conversation.id;
    if (m.threadId === null) {
      if ((await lookup(() => modeOf(m.platform, channelId))) !== 'auto') return IGNORED;
      const verdict = judgeMessage(text, judgeDeps);
      if (!verdict.speak) return silent(verdict.reason);
      return claimed(m, { platform: m.platform, channelId, threadId: m.messageId }, verdict);
    }
    // A reply in a thread: what asks nothing is left alone before the store is asked anything.
    const first = judgeMessage(text, judgeDeps);
    if (!first.speak && first.reason === 'not-a-question') return IGNORED;
    const thread = { platform: m.platform, channelId, threadId: m.threadId };
    const since = new Date(deps.now().getTime() - THREAD_MEMORY_MS);
    const caseId = await lookup(() => deps.store.recallThread(thread, since));
    if (caseId === NOT_KNOWN || !caseId) return IGNORED;
    const context: ThreadContext = { caseId };
    const verdict = judgeMessage(text, judgeDeps, context);
    if (!verdict.speak) return silent(verdict.reason);
    return claimed(m, thread, verdict);
  };

  return {
    consider,
    forgetMode(platform, channelId) {
      modes.delete(`${platform}\n${channelId}`);
    },
  };
}
