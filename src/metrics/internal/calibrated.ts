import { isWeightsCarrier } from '../../core/options.js';
import type { PointScores, ScoredResult } from './point-scores.js';
import type { Weights } from '../../core/tally-types.js';
import { DEFAULT_LEVEL, waldInterval, type Interval, type IntervalMethod } from '../../stats/interval.js';

interface Headline<Method extends IntervalMethod> extends ScoredResult {
  readonly score: number | null;
  readonly standardError: number | null;
  readonly interval: Interval<Method> | null;
}

/**
 * A metric's result with the standard error of calibrated weights, when its weights came from
 * `rake` or `calibrate` (which bring the function: nothing of the weighting is imported here): that standard error, and the Wald interval on it (R survey's
 * `confint` of `svymean`), clipped to the metric's range. Any other result is returned as it is.
 */
export function withCalibration<Method extends IntervalMethod, R extends Headline<Method>>(
  result: R,
  input: unknown,
  options: { readonly weights?: Weights | undefined; readonly level?: number | undefined },
  pointScores: (result: ScoredResult) => PointScores,
): R {
  const weights = options.weights;
  // A tally as input never gets here with weights (they apply while reading answers).
  if (!isWeightsCarrier(weights) || weights.standardError === undefined || result.score === null) return result;
  const { score, range } = pointScores(result);
  const standardError = weights.standardError(input as ArrayLike<unknown>, result.scale, score);
  if (standardError === null) return { ...result, standardError: null, interval: null };
  return { ...result, standardError, interval: waldInterval(result.score, standardError, options.level ?? DEFAULT_LEVEL, range[0], range[1]) };
}
