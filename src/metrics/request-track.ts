import type { Answer } from '../core/model.js';
import type { Metrics, MetricsPlatform, Outcome, Surface } from './metrics.js';
import { outcomeOf } from './outcome.js';

/** One request being handled: it ends with one outcome counted, at most once. */
export interface RequestTrack {
  /** Its answer is ready (the first one counts: a 👍 click yields a thanks, then the card). */
  answered(answer: Answer | Outcome): void;
  /** It failed (wins over an answer: the user saw an apology, not the answer). */
  failed(): void;
  /** It is over: counts its outcome. A request with no answer and no failure is not counted. */
  end(): void;
}

/** Milliseconds on a monotonic clock (`performance.now`), injected in tests. */
export type Stopwatch = () => number;

export function trackRequest(
  metrics: Metrics,
  platform: MetricsPlatform,
  surface: Surface,
  stopwatch: Stopwatch = () => performance.now(),
): RequestTrack {
  const started = stopwatch();
  let outcome: Outcome | null = null;
  let ended = false;
  return {
    answered(answer) {
      if (outcome !== null) return;
      outcome = typeof answer === 'string' ? answer : outcomeOf(answer);
      metrics.answerDuration(platform, (stopwatch() - started) / 1000);
    },
    failed() {
      outcome = 'error';
    },
    end() {
      if (ended || outcome === null) return;
      ended = true;
      metrics.request(platform, surface, outcome);
    },
  };
}

/**
 * Requests in flight by request id, for adapters that learn of the answer far from where the
 * request began (Slack: a global middleware begins, a listener answers). A request id reused
 * while another with it is in flight (an `x-request-id` sent twice) shares that one's track.
 */
export class RequestTracks {
  readonly #tracks = new Map<string, { track: RequestTrack; users: number }>();

  constructor(
    private readonly metrics: Metrics,
    private readonly platform: MetricsPlatform,
    private readonly stopwatch?: Stopwatch,
  ) {}

  begin(id: string, surface: Surface): RequestTrack {
    const held = this.#tracks.get(id);
    if (held) {
      held.users += 1;
      return held.track;
    }
    const track = trackRequest(this.metrics, this.platform, surface, this.stopwatch);
    this.#tracks.set(id, { track, users: 1 });
    return track;
  }

  answered(id: string, answer: Answer | Outcome): void {
    this.#tracks.get(id)?.track.answered(answer);
  }

  end(id: string): void {
    const held = this.#tracks.get(id);
    if (!held) return;
    held.users -= 1;
    if (held.users > 0) return;
    this.#tracks.delete(id);
    held.track.end();
  }
}
