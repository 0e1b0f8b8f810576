/**
 * From raw evidence to a calibrated 0–1 score, where 0.5 is the "confident" line.
 *
 * - `evidence`: the weighted number of question words a case explains (each English word and
 *   every two Chinese characters count one, times field weight × IDF × match quality).
 * - `coverage`: evidence divided by all content words of the question.
 *
 * A case is a confident match when it explains about two words' worth of the question, or most of
 * a short question. So "秒杀" or "GPU" alone match; "双十一买什么最划算" or "edge of the table",
 * where one domain word sits among unrelated ones, do not.
 */
export const MIN_EVIDENCE = 1.3;
export const MIN_COVERAGE = 0.6;
/** The coverage route still needs one solid hit (a keyword, not a stray bigram). */
export const MIN_EVIDENCE_FOR_COVERAGE = 0.75;
/** The confident line on the returned score. */
export const CONFIDENT = 0.5;

/**
 * A question that asks for a part of a case ("the trading platform's challenges") is about the
 * casebook already: one solid keyword is then enough.
 */
export const SECTION_EVIDENCE_FACTOR = 0.65;

export function confidence(evidence: number, coverage: number, asksForSection = false): number {
  const needed = asksForSection ? MIN_EVIDENCE * SECTION_EVIDENCE_FACTOR : MIN_EVIDENCE;
  const byEvidence = evidence / needed;
  const byCoverage = evidence >= MIN_EVIDENCE_FOR_COVERAGE ? coverage / MIN_COVERAGE : 0;
  const g = Math.max(byEvidence, byCoverage);
  return g / (g + 1);
}
