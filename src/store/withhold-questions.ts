import type { Feedback, HandoffLimit, Miss, NewHandoff, Store } from './store.js';

/**
 * STATS_KEEP_QUESTIONS=off: the store never sees what people asked. A question that found
 * nothing is recorded without its text (still counted, with its time), and a vote without the
 * question it answered (so one vote per platform, user and case), and a hand-off without the
 * question's words (its key, a digest, still tells one question from another).
 */
export function withholdQuestions(store: Store): Store {
  const overrides: Partial<Store> = {
    recordMiss: (miss: Miss) => store.recordMiss({ ...miss, query: null }),
    recordFeedback: (feedback: Feedback) => store.recordFeedback({ ...feedback, query: '' }),
    requestHandoff: (handoff: NewHandoff, limit: HandoffLimit) =>
      store.requestHandoff({ ...handoff, question: '' }, limit),
  };
  return new Proxy(store, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
