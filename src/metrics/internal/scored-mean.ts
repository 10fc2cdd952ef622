import type { Tally } from '../../core/tally-types.js';

/** A weighted mean of per-point scores with what its linearised variance needs. */
export interface ScoredMean {
  /** Σw·y / Σw. */
  readonly mean: number;
  /** Σw²·(y − mean)²: the linearised variance of the mean is this over (Σw)². */
  readonly squaredDeviations: number;
  /** Σw. */
  readonly total: number;
  /** Σw·y. */
  readonly weightedSum: number;
}

/**
 * The one mechanism behind every metric's estimate and standard error: give each scale
 * point a score y (NPS: +1 / 0 / −1, CSAT: 1 if satisfied, CES: the point itself) and take
 * the weighted mean from the tally's Σw and Σw² per point. Null when Σw = 0.
 */
export function scoredMean(tally: Tally, scoreOfSlot: (slot: number) => number): ScoredMean | null {
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < tally.sumWeights.length; k++) {
    total += tally.sumWeights[k]!;
    weighted += tally.sumWeights[k]! * scoreOfSlot(k);
  }
  if (total === 0) return null;
  const mean = weighted / total;
  let squaredDeviations = 0;
  for (let k = 0; k < tally.sumSquaredWeights.length; k++) {
    squaredDeviations += tally.sumSquaredWeights[k]! * (scoreOfSlot(k) - mean) ** 2;
  }
  return { mean, squaredDeviations, total, weightedSum: weighted };
}

/** Linearised standard error of a {@link ScoredMean}: √(Σw²(y − ȳ)²) / Σw (√(var/n) at unit weights). */
export function linearisedStandardError(estimate: ScoredMean): number {
  return Math.sqrt(estimate.squaredDeviations) / estimate.total;
}

/**
 * Standard error of a mean from a sample of `n` answers: the linearised one times √(n/(n−1)),
 * so it is the classical s/√n at unit weights (and R `survey::svymean`'s with weights).
 * Null below two answers, where the sample variance does not exist.
 */
export function sampleStandardError(estimate: ScoredMean, n: number): number | null {
  if (n < 2) return null;
  return linearisedStandardError(estimate) * Math.sqrt(n / (n - 1));
}
