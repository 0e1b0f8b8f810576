import type { Answer } from '../core/model.js';
import type { Outcome } from './metrics.js';

/** What an answer means for `casebot_requests_total{outcome}`. */
export function outcomeOf(answer: Answer): Outcome {
  if (answer.kind === 'no-match') return 'no_match';
  if (answer.kind === 'notice' && answer.storeError) return 'store_error';
  if (answer.kind === 'case' && answer.alternatives.length > 0) return 'did_you_mean';
  return 'answered';
}
