import type { Tally } from '../../core/tally-types.js';
import type { Interval } from '../../stats/interval.js';
import { studentTInterval } from '../../stats/t-interval.js';
import { sampleStandardError, scoredMean } from './scored-mean.js';

/** The mean answer of a tally with its standard error and Student t interval. */
export interface MeanEstimate {
  readonly mean: number;
  /** s/√n (weighted: linearised × √(n/(n−1))); null without two answers of positive weight. */
  readonly standardError: number | null;
  /** t interval on Kish effective n − 1 df, clipped to the scale; null with the standard error. */
  readonly interval: Interval<'t'> | null;
}

/**
 * The mean answer on the scale as asked, with s/√n and a t interval on n − 1 degrees of
 * freedom (R `t.test`); with weights the `survey::svymean` standard error and Kish effective
 * n − 1 df. Null when the tally has no weighted answers.
 */
export function meanEstimate(tally: Tally, effectiveN: number, level: number): MeanEstimate | null {
  const { scale } = tally;
  const rating = scoredMean(tally, (k) => scale.min + k);
  if (rating === null) return null;
  // A single answer of positive weight has no variance to speak of.
  const standardError = effectiveN > 1 ? sampleStandardError(rating, tally.n) : null;
  const interval = standardError === null ? null : studentTInterval(rating.mean, standardError, effectiveN - 1, level, scale.min, scale.max);
  return { mean: rating.mean, standardError, interval };
}
