/** Posting lists of every term, end to end: term `t` holds entries `starts[t]` to `starts[t + 1]`. */
export interface PostingLists {
  readonly starts: Int32Array;
  /** Case numbers, ascending within a term. */
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

const FIRST_CAPACITY = 1 << 12;

/** A copy of `array` with room for `size` entries, the new ones set to `fill`. */
function grown<T extends Int32Array | Float64Array>(array: T, size: number, fill = 0): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/**
 * Collects the postings of a casebook case by case, in flat typed arrays (a 1,000-case casebook
 * has about half a million), keeping each term's best weight per case. Cases must be added in
 * ascending order.
 */
export class PostingCollector {
  #terms = new Int32Array(FIRST_CAPACITY);
  #docs = new Int32Array(FIRST_CAPACITY);
  #weights = new Float64Array(FIRST_CAPACITY);
  #size = 0;
  /** Per term: the last case it was added for, and where. */
  #lastDoc = new Int32Array(FIRST_CAPACITY).fill(-1);
  #lastAt = new Int32Array(FIRST_CAPACITY);

  add(term: number, doc: number, weight: number): void {
    if (term >= this.#lastDoc.length) {
      const size = Math.max(term + 1, this.#lastDoc.length * 2);
      this.#lastDoc = grown(this.#lastDoc, size, -1);
      this.#lastAt = grown(this.#lastAt, size);
    }
    if (this.#lastDoc[term] === doc) {
      const at = this.#lastAt[term]!;
      if (this.#weights[at]! < weight) this.#weights[at] = weight;
      return;
    }
    if (this.#size === this.#docs.length) {
      const size = this.#size * 2;
      this.#terms = grown(this.#terms, size);
      this.#docs = grown(this.#docs, size);
      this.#weights = grown(this.#weights, size);
    }
    const at = this.#size++;
    this.#terms[at] = term;
    this.#docs[at] = doc;
    this.#weights[at] = weight;
    this.#lastDoc[term] = doc;
    this.#lastAt[term] = at;
  }

  /** The postings grouped by term (terms numbered 0 to `termCount` − 1), cases kept in order. */
  lists(termCount: number): PostingLists {
    const size = this.#size;
    const starts = new Int32Array(termCount + 1);
    for (let i = 0; i < size; i++) starts[this.#terms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!;
    const next = starts.slice(0, termCount);
    const docs = new Int32Array(size);
    const weights = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const at = next[this.#terms[i]!]!++;
      docs[at] = this.#docs[i]!;
      weights[at] = this.#weights[i]!;
    }
    return { starts, docs, weights };
  }
}
