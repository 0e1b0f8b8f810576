import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { STORE_OPERATIONS } from './instrumented-store.js';
import {
  DIGEST_RESULTS,
  EMBEDDINGS_FALLBACKS,
  HANDOFF_RESULTS,
  type Metrics,
  OUTCOMES,
  oneOf,
  PLATFORMS,
  RELOAD_RESULTS,
  SURFACES,
  TIP_RESULTS,
  UNPROMPTED_DECISIONS,
  VOTES,
} from './metrics.js';

/** Answers are in-process: most take milliseconds; the alert looks at 1 s. */
export const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** The exposition text for `GET /metrics`. */
  render(): Promise<string>;
}

/**
 * The instruments on a registry of their own (never prom-client's global one: tests run several
 * apps in one process), with Node's default process metrics (RSS, event-loop lag, GC).
 */
export interface PrometheusOptions {
  /** Semantic search is on: count its fall-backs to lexical search. */
  readonly embeddings?: boolean;
}

export function createPrometheusMetrics(options: PrometheusOptions = {}): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: 'casebot_requests_total',
    help: 'Requests answered, by platform, surface and outcome.',
    labelNames: ['platform', 'surface', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'casebot_answer_duration_seconds',
    help: 'Time from a request coming in to its answer being ready.',
    labelNames: ['platform'] as const,
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const tips = new Counter({
    name: 'casebot_tips_total',
    help: 'Daily tips by platform and result (posted, retired, skipped, failed).',
    labelNames: ['platform', 'result'] as const,
    registers,
  });
  const feedback = new Counter({
    name: 'casebot_feedback_total',
    help: 'Feedback votes recorded.',
    labelNames: ['vote'] as const,
    registers,
  });
  const handoffs = new Counter({
    name: 'casebot_handoffs_total',
    help: '"Ask a person" presses by platform and result (asked, already_asked, rate_limited), and hand-offs marked answered.',
    labelNames: ['platform', 'result'] as const,
    registers,
  });
  const digests = new Counter({
    name: 'casebot_digests_total',
    help: 'Weekly gap reports by platform and result (posted, skipped, failed), in-process scheduler only.',
    labelNames: ['platform', 'result'] as const,
    registers,
  });
  const storeErrors = new Counter({
    name: 'casebot_store_errors_total',
    help: 'Store operations that failed (database down or refusing), by operation.',
    labelNames: ['operation'] as const,
    registers,
  });
  const cases = new Gauge({
    name: 'casebot_casebook_cases',
    help: 'Cases in the casebook being served.',
    registers,
  });
  const reloads = new Counter({
    name: 'casebot_casebook_reloads_total',
    help: 'Casebook reloads (SIGHUP) by result; a failed one keeps the previous casebook.',
    labelNames: ['result'] as const,
    registers,
  });
  const fallbacks = options.embeddings
    ? new Counter({
        name: 'casebot_embeddings_fallbacks_total',
        help: 'Questions answered by lexical search only although semantic search is on, by reason.',
        labelNames: ['reason'] as const,
        registers,
      })
    : null;

  const unprompted = new Counter({
    name: 'casebot_unprompted_total',
    help: 'Decisions about channel messages nobody addressed to casebot (auto-answer channels, thread follow-ups): answered, or why not.',
    labelNames: ['platform', 'decision'] as const,
    registers,
  });
  const dismissed = new Counter({
    name: 'casebot_unprompted_dismissed_total',
    help: 'Unprompted answers removed with their Not helpful button.',
    labelNames: ['platform'] as const,
    registers,
  });

  // Series that alerts divide or take increase() of exist from the start, at zero.
  for (const platform of ['slack', 'teams'] as const) {
    for (const decision of UNPROMPTED_DECISIONS) unprompted.inc({ platform, decision }, 0);
    dismissed.inc({ platform }, 0);
  }
  for (const platform of ['slack', 'teams'] as const)
    for (const result of TIP_RESULTS) tips.inc({ platform, result }, 0);
  for (const vote of VOTES) feedback.inc({ vote }, 0);
  for (const platform of ['slack', 'teams'] as const) {
    for (const result of HANDOFF_RESULTS) handoffs.inc({ platform, result }, 0);
    for (const result of DIGEST_RESULTS) digests.inc({ platform, result }, 0);
  }
  for (const operation of STORE_OPERATIONS) storeErrors.inc({ operation }, 0);
  for (const result of RELOAD_RESULTS) reloads.inc({ result }, 0);
  for (const reason of EMBEDDINGS_FALLBACKS) fallbacks?.inc({ reason }, 0);

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    request(platform, surface, outcome) {
      requests.inc({
        platform: oneOf(PLATFORMS, platform, 'console'),
        surface: oneOf(SURFACES, surface, 'other'),
        outcome: oneOf(OUTCOMES, outcome, 'error'),
      });
    },
    answerDuration(platform, seconds) {
      duration.observe({ platform: oneOf(PLATFORMS, platform, 'console') }, seconds);
    },
    tip(platform, result) {
      tips.inc({ platform, result });
    },
    feedback(vote) {
      feedback.inc({ vote });
    },
    handoff(platform, result) {
      handoffs.inc({ platform, result });
    },
    digest(platform, result) {
      digests.inc({ platform, result });
    },
    storeError(operation) {
      storeErrors.inc({ operation: oneOf(STORE_OPERATIONS, operation, 'other') });
    },
    casebookCases(count) {
      cases.set(count);
    },
    casebookReload(result) {
      reloads.inc({ result });
    },
    embeddingsFallback(reason) {
      fallbacks?.inc({ reason: oneOf(EMBEDDINGS_FALLBACKS, reason, 'network') });
    },
    unprompted(platform, decision) {
      unprompted.inc({ platform, decision: oneOf(UNPROMPTED_DECISIONS, decision, 'unclear') });
    },
    unpromptedDismissed(platform) {
      dismissed.inc({ platform });
    },
  };
}
