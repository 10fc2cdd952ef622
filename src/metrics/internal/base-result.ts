import type { Scale } from '../../core/scale.js';
import type { RejectedAnswer, Tally } from '../../core/tally-types.js';
import type { Interval } from '../../stats/interval.js';

/** The fields every metric result has. */
export interface MetricResult {
  /** Which metric this is. */
  readonly metric: string;
  /** The headline number, or null when there are no (weighted) answers. */
  readonly score: number | null;
  /** Answers on the scale: the denominator. */
  readonly n: number;
  /** No answer or not applicable. */
  readonly missing: number;
  /** Left out as invalid under `invalid: 'skip'`. */
  readonly invalid: number;
  /** The first 100 invalid answers: index, value, reason. */
  readonly rejected: readonly RejectedAnswer[];
  /** Σw: the weighted number of answers (equals `n` without weights). */
  readonly weightedN: number;
  /** Kish effective sample size (Σw)²/Σw² (equals `n` without weights; 0 when empty). */
  readonly effectiveN: number;
  /** Σw per scale point, index 0 = `scale.min`. */
  readonly distribution: readonly number[];
  /** Standard error of `score`, on the score's own scale; null when there is no score (or, for a mean, fewer than two answers). */
  readonly standardError: number | null;
  /** Confidence interval of `score`; null when there is no score (or, for a mean, fewer than two answers). */
  readonly interval: Interval | null;
  readonly scale: Scale;
  /** The tally the result was computed from: merge it, store it, compare it. */
  readonly tally: Tally;
  /**
   * Set when the figures are hidden to protect respondents (`minN` of a report): too few
   * answered (`'insufficient'`), or the group would let a hidden one be worked out by
   * subtraction (`'complementary'`). Score, interval, distribution and tally are then empty,
   * and the counts 0 unless the report was asked to show them.
   */
  readonly suppressed?: 'insufficient' | 'complementary';
}

/** The sample-size part of a result, shared by every metric. */
export function sampleFields(tally: Tally) {
  let weightedN = 0;
  let squaredWeights = 0;
  for (let k = 0; k < tally.sumWeights.length; k++) {
    weightedN += tally.sumWeights[k]!;
    squaredWeights += tally.sumSquaredWeights[k]!;
  }
  return {
    n: tally.n,
    missing: tally.missing,
    invalid: tally.invalid,
    rejected: tally.rejected,
    weightedN,
    effectiveN: squaredWeights > 0 ? (weightedN * weightedN) / squaredWeights : 0,
    distribution: tally.sumWeights.slice(),
    scale: tally.scale,
    tally,
  };
}
