import { CasebotError } from '../errors.js';
import type { Feedback, Handoff, HandoffRequest, Store } from '../store/store.js';
import type { HandoffResult, Metrics } from './metrics.js';

type StoreMethod = {
  [K in keyof Store]: Store[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Store];

/** Every Store method: the `operation` label of `casebot_store_errors_total`. */
export const STORE_OPERATIONS = [
  'init',
  'ping',
  'close',
  'rememberEvent',
  'markGreeted',
  'recordFeedback',
  'recordMiss',
  'subscribe',
  'unsubscribe',
  'getSubscription',
  'listActiveSubscriptions',
  'retireSubscription',
  'claimTip',
  'markTipSending',
  'confirmTip',
  'releaseTip',
  'skipTip',
  'postedTips',
  'stats',
  'topMisses',
  'purgeStats',
  'listFeedback',
  'requestHandoff',
  'answerHandoff',
  'listHandoffs',
  'loadCaseVectors',
  'saveCaseVectors',
  'setChannelMode',
  'getChannelMode',
  'rememberThread',
  'claimThread',
  'recallThread',
  'dismissThread',
  'takeAnswerSlot',
  'other',
] as const satisfies readonly (StoreMethod | 'other')[];

// A Store method missing from the list above fails to compile here.
type Unlisted = Exclude<StoreMethod, (typeof STORE_OPERATIONS)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

const OPERATIONS: ReadonlySet<string> = new Set(STORE_OPERATIONS);

/** A store failure, not a claim another replica won (`tip_claim_lost` is contention, not error). */
function isStoreError(error: unknown): boolean {
  return !(error instanceof CasebotError && error.code === 'tip_claim_lost');
}

const HANDOFF_RESULT: Record<HandoffRequest['kind'], HandoffResult> = {
  created: 'asked',
  exists: 'already_asked',
  limited: 'rate_limited',
};

/** Counts what a store call recorded (votes, hand-offs), once it has succeeded. */
function countRecorded(metrics: Metrics, name: string, args: unknown[], value: unknown): void {
  if (name === 'recordFeedback') {
    metrics.feedback((args[0] as Feedback).helpful ? 'helpful' : 'not_helpful');
  } else if (name === 'requestHandoff') {
    const request = value as HandoffRequest;
    const platform = (args[0] as Handoff).platform;
    metrics.handoff(platform, HANDOFF_RESULT[request.kind]);
  } else if (name === 'answerHandoff') {
    const h = value as Handoff | null;
    // Only the press that answered it: a second press finds it answered at an earlier moment.
    if (h && h.answeredAt?.getTime() === (args[2] as Date).getTime() && h.answeredBy === args[1]) {
      metrics.handoff(h.platform, 'answered');
    }
  }
}

/**
 * The store, counting what fails (`casebot_store_errors_total{operation}`), the votes it records
 * (`casebot_feedback_total{vote}`) and the hand-offs (`casebot_handoffs_total`). Behaviour is
 * unchanged: results and errors pass through as they are.
 */
export function instrumentStore(store: Store, metrics: Metrics): Store {
  const wrapped = new Map<PropertyKey, unknown>();
  const wrap = (name: string, method: (...args: unknown[]) => unknown) => {
    return (...args: unknown[]) => {
      const failed = (error: unknown) => {
        if (isStoreError(error)) metrics.storeError(name);
        throw error;
      };
      let result: unknown;
      try {
        result = method.apply(store, args);
      } catch (error) {
        return failed(error);
      }
      if (!(result instanceof Promise)) return result;
      return result.then((value) => {
        countRecorded(metrics, name, args, value);
        return value;
      }, failed);
    };
  };
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== 'string' || !OPERATIONS.has(property)) return value;
      if (typeof value !== 'function') return value;
      let method = wrapped.get(property);
      if (!method) {
        method = wrap(property, value as (...args: unknown[]) => unknown);
        wrapped.set(property, method);
      }
      return method;
    },
  });
}
