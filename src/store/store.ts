import type { Lang } from '../catalog/schema.js';

export type SubscriptionPlatform = 'slack' | 'teams';

export interface Subscription {
  readonly id: string;
  readonly platform: SubscriptionPlatform;
  /** Slack team id or Teams tenant id ('' when unknown). */
  readonly workspaceId: string;
  /** Slack channel id or Teams conversation id. */
  readonly channelId: string;
  /** Teams ConversationReference (JSON); null on Slack. */
  readonly reference: unknown;
  /** Local time of day, `HH:MM`. */
  readonly time: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  readonly lang: Lang;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly active: boolean;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'active'>;

export interface Feedback {
  readonly platform: string;
  readonly caseId: string;
  readonly helpful: boolean;
  readonly query: string;
  readonly userId: string;
  readonly at: Date;
}

export interface Miss {
  /** As typed; null when questions are not kept (STATS_KEEP_QUESTIONS=off): counted, no text. */
  readonly query: string | null;
  readonly lang: Lang;
  readonly at: Date;
}

/** One local day of a subscription, in the time zone it has now. */
export interface LocalDay {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** The first moment of that date in the zone (local midnight). */
  readonly start: Date;
}

/**
 * A claim on one subscription's post for one local day. Posts are numbered per subscription
 * (`seq`), so a day is keyed by when it began rather than by its date string: changing the time
 * zone neither skips a day nor posts one twice.
 */
export interface TipClaim {
  readonly subscriptionId: string;
  /** The subscription's local date it was claimed for, `YYYY-MM-DD` (for logs). */
  readonly day: string;
  /** Which of the subscription's posts it is: 1, 2, … */
  readonly seq: number;
  readonly token: string;
}

export interface Stats {
  /** `retired`: every inactive subscription (unsubscribed or retired by the bot). */
  readonly subscriptions: { readonly active: number; readonly retired: number };
  /** Posts confirmed for subscriptions (claims on other keys, e.g. the weekly report's, are not tips). */
  readonly tipsPosted: number;
  readonly feedback: readonly { caseId: string; helpful: number; notHelpful: number }[];
  /** `query` is '' for the misses recorded without their text. */
  readonly misses: readonly { query: string; count: number }[];
}

/** One question that found nothing, as the casebook's owners read it (`casebot stats --misses`). */
export interface MissSummary {
  /** Normalised (see `recordMiss`); null for the misses recorded without their text. */
  readonly query: string | null;
  readonly count: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
}

export interface PurgedStats {
  readonly misses: number;
  readonly feedback: number;
}

export interface MissQuery {
  /** Only misses at or after this moment; all when absent. */
  readonly since?: Date;
  /** At most this many questions, most frequent first (then alphabetical). */
  readonly limit?: number;
}

/** Whether casebot answers a channel's messages on its own (`auto`) or only when asked. */
export type ChannelMode = 'mentions' | 'auto';

/** A channel's mode, who set it and when. */
export interface ChannelModeSetting {
  readonly platform: SubscriptionPlatform;
  /** Slack channel id or Teams conversation id (the channel, not one of its threads). */
  readonly channelId: string;
  readonly mode: ChannelMode;
  readonly changedBy: string;
  readonly changedAt: Date;
}

/** A thread of a channel: Slack's `thread_ts`, the root message id of a Teams reply chain. */
export interface ThreadKey {
  readonly platform: SubscriptionPlatform;
  readonly channelId: string;
  readonly threadId: string;
}

/** A thread casebot answered, with the case it answered from. */
export interface AnsweredThread extends ThreadKey {
  readonly caseId: string;
}

export interface FeedbackQuery {
  /** Only votes at or after this moment. */
  readonly since?: Date;
  /** Only 👍 (true) or only 👎 (false); both when absent. */
  readonly helpful?: boolean;
  /** At most this many, newest first. */
  readonly limit?: number;
}

/** A question someone asked a person about ("Ask a person"), as it is stored. */
export interface NewHandoff {
  readonly platform: SubscriptionPlatform;
  /** Where it was asked: Slack channel or Teams conversation id. */
  readonly conversationId: string;
  /** As asked (capped); '' when questions are not kept (STATS_KEEP_QUESTIONS=off). */
  readonly question: string;
  /** Tells one question from another within a conversation: one hand-off each. */
  readonly questionKey: string;
  /** The case casebot thought closest; null when none was. */
  readonly caseId: string | null;
  readonly askerId: string;
  /** The asker's display name when the platform gave one (Teams). */
  readonly askerName: string | null;
  readonly lang: Lang;
  readonly at: Date;
}

export interface Handoff extends NewHandoff {
  readonly id: string;
  /** When someone marked it answered; null while it is open. */
  readonly answeredAt: Date | null;
  readonly answeredBy: string | null;
}

/** What asking for a person came to. */
export type HandoffRequest =
  | { readonly kind: 'created'; readonly handoff: Handoff }
  /** This question was handed off in this conversation before (by anyone). */
  | { readonly kind: 'exists'; readonly handoff: Handoff }
  /** The asker has asked `max` times within the window already. */
  | { readonly kind: 'limited' };

export interface HandoffLimit {
  readonly max: number;
  readonly windowMs: number;
}

export interface HandoffQuery {
  /** Only those asked at or after this moment. */
  readonly since?: Date;
  /** Only those not marked answered. */
  readonly open?: boolean;
  /** At most this many, newest first. */
  readonly limit?: number;
}

/** The embedding of one case's text in one language (optional semantic search). */
export interface CaseVector {
  readonly caseId: string;
  readonly lang: Lang;
  readonly vector: Float32Array;
}

/**
 * Everything that must survive a restart and be shared by replicas.
 * Two engines implement it (SQLite, PostgreSQL), plus an in-memory one for tests and the console;
 * one contract suite runs against all of them.
 */
export interface Store {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  /** Creates tables / runs migrations. Idempotent. */
  init(): Promise<void>;
  /** Throws when the store cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * Remembers a Slack event id; true only for the first caller across all replicas.
   * Ids older than `ttlMs` are forgotten.
   */
  rememberEvent(eventId: string, now: Date, ttlMs: number): Promise<boolean>;

  /**
   * Remembers that a user was greeted (the first time they open the bot's agent DM); true only for
   * the first caller across all replicas, ever, so each user is greeted once.
   */
  markGreeted(
    platform: SubscriptionPlatform,
    workspaceId: string,
    userId: string,
    now: Date,
  ): Promise<boolean>;

  /**
   * Records a 👍/👎. One vote per (platform, user, case, question): voting again replaces the
   * earlier vote, so a double click or a change of mind is not counted twice.
   */
  recordFeedback(feedback: Feedback): Promise<void>;
  /**
   * Records a question that found nothing; the query is normalised (trimmed, lower case, capped).
   * A null query is recorded without text (counted, with its time).
   */
  recordMiss(miss: Miss): Promise<void>;
  /** The most frequent questions that found nothing, with when each was first and last asked. */
  topMisses(query?: MissQuery): Promise<MissSummary[]>;
  /**
   * Forgets the questions that found nothing and the 👍/👎 recorded (or last changed) before
   * `before` (STATS_KEEP_DAYS), a batch at a time so that no write holds the store for long.
   * Returns how many of each went.
   */
  purgeStats(before: Date): Promise<PurgedStats>;

  /** Recorded votes, newest first (the weekly report's 👎 per case). */
  listFeedback(query?: FeedbackQuery): Promise<Feedback[]>;

  /**
   * Records a hand-off, atomically across replicas: `exists` (the earlier one) when the same
   * question key was handed off in the same conversation before; else `limited` when the asker
   * has `limit.max` hand-offs made after `handoff.at` minus `limit.windowMs` (those of concurrent
   * presses stamped a moment later included); else `created`.
   */
  requestHandoff(handoff: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest>;
  /**
   * Marks a hand-off answered by `by` at `at`; one already answered keeps its first answer.
   * Null when there is no such hand-off.
   */
  answerHandoff(id: string, by: string, at: Date): Promise<Handoff | null>;
  /** Hand-offs, newest first. */
  listHandoffs(query?: HandoffQuery): Promise<Handoff[]>;

  /**
   * Creates or replaces (re-activates) the subscription of one channel. A replaced subscription
   * keeps its id (so its tip history and rotation go on) and gets `createdAt = now`.
   */
  subscribe(sub: NewSubscription, now: Date): Promise<Subscription>;
  /** Deactivates a channel's subscription; false when there was none. */
  unsubscribe(platform: SubscriptionPlatform, channelId: string): Promise<boolean>;
  getSubscription(platform: SubscriptionPlatform, channelId: string): Promise<Subscription | null>;
  listActiveSubscriptions(): Promise<Subscription[]>;
  /** Retires a subscription for good (deleted or archived channel). */
  retireSubscription(id: string, reason: string, now: Date): Promise<void>;

  /**
   * Atomically claims a subscription's post for a local day; the claim is stamped `now`, the
   * moment it is made. The day is the subscription's post claimed at or after `day.start`, or
   * else its next post: whatever zone earlier days were claimed in, a day that began after the
   * last claim is a new day, and one that began before it already has its post. Null when the
   * day is posted, skipped or being sent, or claimed by someone else less than `leaseMs` ago (an
   * older claim that never started sending is taken over). The weekly report claims its week the
   * same way, under a key of its own (`digest:…`) that no subscription id can take.
   */
  claimTip(
    subscriptionId: string,
    day: LocalDay,
    now: Date,
    leaseMs: number,
  ): Promise<TipClaim | null>;
  /**
   * Marks a claim as being sent, right before the tip is handed to the platform. From then on the
   * day is never taken over or released: if its holder dies before recording the outcome, that
   * day's tip may be lost, but it is never posted twice. Throws `tip_claim_lost` when the claim
   * is no longer its holder's (its lease ran out and another pass took it over).
   */
  markTipSending(claim: TipClaim, now: Date): Promise<void>;
  /**
   * Marks a held post as done, with the tip that was posted. Throws `tip_claim_lost` when the
   * claim is not held any more.
   */
  confirmTip(claim: TipClaim, tipId: string, now: Date): Promise<void>;
  /**
   * Gives a held claim back, also one marked as sending: only for when nothing reached the
   * platform and a later pass should try again. Does nothing once the claim is closed or someone
   * else's.
   */
  releaseTip(claim: TipClaim): Promise<void>;
  /**
   * Closes a held day without a post (e.g. Slack `not_in_channel`, a retired channel, or a send
   * that may or may not have gone out): the day is never claimed again, and it counts neither in
   * `postedTips` nor in `stats().tipsPosted`. Throws `tip_claim_lost` when the claim is not held.
   */
  skipTip(claim: TipClaim, reason: string, now: Date): Promise<void>;
  /** Tip ids already posted to a subscription, oldest first. */
  postedTips(subscriptionId: string): Promise<string[]>;

  stats(limit?: number): Promise<Stats>;

  /** Sets a channel's mode (replacing any earlier setting). */
  setChannelMode(
    setting: Omit<ChannelModeSetting, 'changedAt'>,
    now: Date,
  ): Promise<ChannelModeSetting>;
  /** A channel's mode as last set; null when it never was (the default, `mentions`). */
  getChannelMode(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<ChannelModeSetting | null>;

  /**
   * Remembers that casebot answered a thread from a case, at `now` (an answer in a thread it
   * answered before replaces the case and the time). Memories older than `THREAD_MEMORY_MS` are
   * purged now and then on the way.
   */
  rememberThread(thread: AnsweredThread, now: Date): Promise<void>;
  /**
   * Claims casebot's first answer in a thread for one caller across all replicas, and remembers
   * the thread like `rememberThread`: true only when casebot never answered the thread before.
   */
  claimThread(thread: AnsweredThread, now: Date): Promise<boolean>;
  /** The case of a thread casebot answered at or after `since`; null otherwise or when dismissed. */
  recallThread(key: ThreadKey, since: Date): Promise<string | null>;
  /**
   * Forgets the case of a thread (its answer was marked not helpful): no follow-ups are answered
   * from it, and it still counts as answered for `claimThread`.
   */
  dismissThread(key: ThreadKey): Promise<void>;
  /**
   * Takes one of a channel's unprompted answers for the hour before `now`: true when fewer than
   * `maxPerHour` were taken in that hour (and this one is then counted), atomically across replicas.
   */
  takeAnswerSlot(
    platform: SubscriptionPlatform,
    channelId: string,
    now: Date,
    maxPerHour: number,
  ): Promise<boolean>;

  /**
   * The case vectors kept for one casebook version (a content hash) and embeddings model, in no
   * particular order; empty when none were computed yet.
   */
  loadCaseVectors(casebook: string, model: string): Promise<CaseVector[]>;
  /**
   * Keeps case vectors for one casebook version and model; a vector saved again replaces the
   * earlier one (replicas computing the same vectors at once is harmless). The model's vectors of
   * other casebook versions are dropped: nothing serves them any more.
   */
  saveCaseVectors(casebook: string, model: string, vectors: readonly CaseVector[]): Promise<void>;
}
