import { SILENT_REASONS, type UnpromptedDecision } from '../core/unprompted.js';

/**
 * What casebot counts, as a small interface the adapters, the tips and the store wrapper call.
 * Every label value comes from the fixed sets below, never from what a user typed, so the number
 * of series is bounded whatever people send. `noMetrics` stands in when METRICS=off.
 */

export const PLATFORMS = ['slack', 'teams', 'console'] as const;
export type MetricsPlatform = (typeof PLATFORMS)[number];

/** Where a request came in: `/case`, `@casebot`, a direct message, a card button, a link, … */
export const SURFACES = [
  'command',
  'mention',
  'dm',
  'button',
  'extension',
  'unfurl',
  'welcome',
  'home',
  'unprompted',
  'other',
] as const;
export type Surface = (typeof SURFACES)[number];

/**
 * `error`: the user got an apology; `store_error`: the store was down or did not keep a write,
 * and the user was asked to try again.
 */
export const OUTCOMES = ['answered', 'no_match', 'did_you_mean', 'error', 'store_error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TIP_RESULTS = ['posted', 'retired', 'skipped', 'failed'] as const;
export type TipResult = (typeof TIP_RESULTS)[number];

/** `casebot_unprompted_total{decision}`: answered, or why casebot stayed silent. */
export const UNPROMPTED_DECISIONS = [
  'answered',
  ...SILENT_REASONS,
] as const satisfies readonly UnpromptedDecision[];

export const VOTES = ['helpful', 'not_helpful'] as const;
export type Vote = (typeof VOTES)[number];

/**
 * "Ask a person": a hand-off made, refused as already asked or over the hourly limit, or marked
 * answered.
 */
export const HANDOFF_RESULTS = ['asked', 'already_asked', 'rate_limited', 'answered'] as const;
export type HandoffResult = (typeof HANDOFF_RESULTS)[number];

/** The weekly gap report: posted, left out (nothing sent, e.g. not in the channel), failed. */
export const DIGEST_RESULTS = ['posted', 'skipped', 'failed'] as const;
export type DigestResult = (typeof DIGEST_RESULTS)[number];

export const RELOAD_RESULTS = ['success', 'failure'] as const;
export type ReloadResult = (typeof RELOAD_RESULTS)[number];

/**
 * Why a question was answered lexically although semantic search is on: the embeddings call timed
 * out, could not connect, got an HTTP error or an unreadable answer, or the case vectors are not
 * ready yet.
 */
export const EMBEDDINGS_FALLBACKS = [
  'timeout',
  'network',
  'http_error',
  'malformed',
  'not_ready',
] as const;
export type EmbeddingsFallback = (typeof EMBEDDINGS_FALLBACKS)[number];

export interface Metrics {
  /** One request, counted once, when it is over. */
  request(platform: MetricsPlatform, surface: Surface, outcome: Outcome): void;
  /** From the request coming in to its answer being ready. */
  answerDuration(platform: MetricsPlatform, seconds: number): void;
  tip(platform: 'slack' | 'teams', result: TipResult): void;
  feedback(vote: Vote): void;
  handoff(platform: 'slack' | 'teams', result: HandoffResult): void;
  digest(platform: 'slack' | 'teams', result: DigestResult): void;
  /** `operation` is a Store method name. */
  storeError(operation: string): void;
  casebookCases(count: number): void;
  casebookReload(result: ReloadResult): void;
  /** A question answered lexically only, although semantic search is on. */
  embeddingsFallback(reason: EmbeddingsFallback): void;
  /** A decision about a message nobody addressed to casebot: answered, or why not. */
  unprompted(platform: 'slack' | 'teams', decision: UnpromptedDecision): void;
  /** *Not helpful* pressed on an unprompted answer (which is then removed). */
  unpromptedDismissed(platform: 'slack' | 'teams'): void;
}

/** METRICS=off: nothing is counted and nothing is kept. */
export const noMetrics: Metrics = {
  request() {},
  answerDuration() {},
  tip() {},
  feedback() {},
  handoff() {},
  digest() {},
  storeError() {},
  casebookCases() {},
  casebookReload() {},
  embeddingsFallback() {},
  unprompted() {},
  unpromptedDismissed() {},
};

/** `value` when it is one of `allowed`, else `fallback` (label values from outside stay bounded). */
export function oneOf<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
