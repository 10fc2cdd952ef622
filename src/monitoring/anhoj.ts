import { fail } from '../core/errors.js';

/** The limits of Anhøj's run rules for a chart of `n` useful points (points not on the centre line). */
export interface AnhojLimits {
  /** A run (points on one side of the centre) longer than this is a signal: round(log2(n) + 3). */
  readonly longestRun: number;
  /** Fewer crossings of the centre than this is a signal: the lower 5 % quantile of Binomial(n − 1, 0.5). */
  readonly crossings: number;
}

/**
 * Anhøj's run rules (Anhøj and Olesen 2014, as in R qicharts2): a shift shows as an unusually
 * long run of points on one side of the centre line, or as unusually few crossings of it. The
 * longest run may be at most round(log2(n) + 3); the crossings at least the lower 5 %
 * quantile of Binomial(n − 1, ½) (R's `qbinom(0.05, n - 1, 0.5)`).
 *
 * @throws {CxValidationError} for n that is not a whole number from 1.
 *
 * @example
 * ```ts
 * anhojLimits(20).longestRun; // 7 (round(log2(20) + 3) = round(7.32))
 * anhojLimits(20).crossings; // 6 (R: qbinom(0.05, 19, 0.5))
 * anhojLimits(10).crossings; // 2
 * ```
 */
export function anhojLimits(n: number): AnhojLimits {
  if (!Number.isInteger(n) || n < 1) fail('invalid_option', ['n'], `n must be a whole number of points from 1, got ${String(n)}`);
  return { longestRun: Math.round(Math.log2(n) + 3), crossings: binomialLowerQuantile(n - 1, 0.05) };
}

/** The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(trials, ½) (R's qbinom). */
function binomialLowerQuantile(trials: number, p: number): number {
  // P(X = k) = C(trials, k) / 2^trials, built up in logs so that large trials do not overflow.
  let logChoose = 0;
  let cumulative = 0;
  for (let k = 0; k <= trials; k++) {
    if (k > 0) logChoose += Math.log(trials - k + 1) - Math.log(k);
    cumulative += Math.exp(logChoose - trials * Math.LN2);
    // R's qbinom has a fuzz of 1 − 64·ε on the probability.
    if (cumulative >= p * (1 - 64 * Number.EPSILON)) return k;
  }
  return trials;
}
