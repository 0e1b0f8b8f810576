import type { Catalog } from '../../catalog/load.js';
import type { Answer } from '../../core/model.js';
import type { Outcome } from '../../metrics/metrics.js';
import { outcomeOf } from '../../metrics/outcome.js';
import type { BlockKitMessage } from '../../render/blockkit.js';
import { type Serialized, serialized } from './serialized.js';

/**
 * An answer to a slash command, serialised once for the ack: private to the asker (`ephemeral`),
 * or for everyone in the channel (`in_channel`: an announcement such as `auto on`).
 */
export type InlineAnswer = Serialized<{
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: BlockKitMessage['blocks'];
}>;

export function inlineAnswer(
  message: BlockKitMessage,
  responseType: 'ephemeral' | 'in_channel' = 'ephemeral',
): InlineAnswer {
  return serialized({ response_type: responseType, text: message.text, blocks: message.blocks });
}

/** Answers that depend on nothing but the question and the casebook. */
const STABLE: ReadonlySet<Answer['kind']> = new Set(['case', 'list', 'help', 'compare']);
const LIMIT = 1_000;

/** A kept answer, and what it counts as (`casebot_requests_total{outcome}`). */
export interface CachedAnswer {
  readonly inline: InlineAnswer;
  readonly outcome: Outcome;
}

/**
 * The rendered answers to the questions people ask most (a team asks "flash sale" many times):
 * searching and rendering a whole card costs more than everything else in a request. Only
 * answers that cannot change for the same text are kept (no tips, no subscriptions, no misses,
 * which the store must see), and a reloaded casebook starts a fresh cache.
 */
export class AnswerCache {
  #catalog: Catalog | null = null;
  readonly #entries = new Map<string, CachedAnswer>();

  get(catalog: Catalog, key: string): CachedAnswer | undefined {
    if (catalog !== this.#catalog) {
      this.#catalog = catalog;
      this.#entries.clear();
      return undefined;
    }
    return this.#entries.get(key);
  }

  /** Keeps a stable answer; returns it ready to send (serialised once). */
  put(catalog: Catalog, key: string, answer: Answer, message: BlockKitMessage): InlineAnswer {
    const inline = inlineAnswer(message);
    if (catalog !== this.#catalog || !STABLE.has(answer.kind)) return inline;
    if (this.#entries.size >= LIMIT) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { inline, outcome: outcomeOf(answer) });
    return inline;
  }
}
