import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BlindSet,
  CASE_IDS,
  describeFloors,
  expectFrozen,
  expectWellFormed,
  type Floors,
  loadBlindSet,
} from './blind-eval.js';

// The blind evaluation set for issues #15 and #16: written from the seed casebook document only,
// without looking at the cases' keywords, the synonym/stop-word lists, the other eval sets or any
// search result. It is the yardstick for later search work, so it is frozen: its bytes are pinned
// below. Never edit it to make a number go up; if it needs changing, write a new blind set in a
// new file (and a new test) instead.
const FILE = 'test/fixtures/search-eval-blind.yaml';
const FROZEN_SHA256 = '53888aae98f0301ebb31ff12b41813df9fbd809183584a8a4dc8ce949801fdce';

// The casebook's own technical vocabulary and product names; at least half of the in-scope
// questions must do without all of them.
const CASEBOOK_VOCABULARY =
  /flash[ -]?sale|秒杀|kubernetes|k8s|\bhpa\b|keda|edge|边缘|inference|推理|gpu/i;

// Regression floors, in percent: the scores measured when the set was frozen (2026-11-29), rounded
// down to a whole percent. They guard against search changes making things worse; raise them when search
// improves, never lower them to let a change through.
// Issue #16's target: ≥ 85 % right case first in scope, ≥ 95 % no match off-topic.
const FLOORS: Floors = {
  // Raised with the concept and section work (issue #16): 107/108, 50/50, 50/51, 7/7 and 31/31,
  // 15/15, 16/16.
  inScope: { all: 99, en: 100, zh: 98, mixed: 100 },
  outOfScope: { all: 100, en: 100, zh: 100 }, // no mixed off-topic questions
  section: { all: 80, en: 68, zh: 93 }, // 28/35, 13/19, 15/16 (no mixed section questions)
};

describe('blind search evaluation (issues #15, #16)', () => {
  let set: BlindSet;

  beforeAll(async () => {
    set = await loadBlindSet(FILE);
  });

  it('is the frozen set, byte for byte', () => {
    expectFrozen(FILE, set.raw, FROZEN_SHA256);
  });

  describe('shape', () => {
    const inScope = () => set.questions.filter((q) => q.expect !== null);

    it('has ≥ 110 questions: ≥ 85 in scope (≥ 20 per case) and ≥ 25 out of scope', () => {
      const { questions } = set;
      expect(questions.length).toBeGreaterThanOrEqual(110);
      expect(inScope().length).toBeGreaterThanOrEqual(85);
      for (const id of CASE_IDS) {
        expect(questions.filter((q) => q.expect === id).length, id).toBeGreaterThanOrEqual(20);
      }
      expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(25);
    });

    it('is half Chinese, within ±10 % of half', () => {
      const zh = set.questions.filter((q) => q.lang === 'zh').length / set.questions.length;
      expect(zh).toBeGreaterThanOrEqual(0.45);
      expect(zh).toBeLessThanOrEqual(0.55);
    });

    it('expects only known case ids, sections, kinds and languages', () => {
      expectWellFormed(set.questions, set.knownIds);
    });

    it('has ≥ 10 fact questions, and most out-of-scope questions are near-misses', () => {
      expect(set.questions.filter((q) => q.kind === 'fact').length).toBeGreaterThanOrEqual(10);
      const out = set.questions.filter((q) => q.expect === null);
      expect(out.filter((q) => q.kind === 'near-miss').length).toBeGreaterThan(out.length / 2);
    });

    it('words at least half of the in-scope questions without the casebook vocabulary', () => {
      const plain = inScope().filter((q) => !CASEBOOK_VOCABULARY.test(q.q));
      expect(plain.length).toBeGreaterThanOrEqual(inScope().length / 2);
    });
  });

  describeFloors(() => set, FLOORS);
});
