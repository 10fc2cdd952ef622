import * as z from 'zod/mini';
import { CES_SCALE } from '../core/scale.js';
import { cesFromTally, cesOptionsSchema, type CesOptions, type CesResult } from './ces.js';
import { compareOptionsShape, compareStart } from './internal/compare-inputs.js';
import { noComparison, welchComparison, type Comparison } from './internal/comparison.js';
import type { MetricInput, ReadingOptions } from './internal/resolve-tally.js';

/** Options of {@link compareCes}: how to read both samples, the CES points, and the level. */
export interface CompareCesOptions extends Omit<ReadingOptions, 'weights'>, Pick<CesOptions, 'orientation' | 'easy' | 'difficult'> {
  /** Confidence level of the interval and threshold of `significant` (default 0.95). */
  readonly level?: number | undefined;
}

/** {@link Comparison} of two CES means (Welch), with the result of each side. */
export interface CesComparison extends Comparison {
  readonly metric: 'ces';
  /** Welch–Satterthwaite degrees of freedom; null when there is no standard error. */
  readonly df: number | null;
  readonly a: CesResult;
  readonly b: CesResult;
}

const compareCesOptionsSchema = z.strictObject({
  ...compareOptionsShape,
  orientation: cesOptionsSchema.shape.orientation,
  easy: cesOptionsSchema.shape.easy,
  difficult: cesOptionsSchema.shape.difficult,
});

/**
 * Compares the mean CES of two independent samples, a − b on the answer scale, with Welch's
 * t test: standard error √(s_a²/n_a + s_b²/n_b), Welch–Satterthwaite degrees of freedom, a
 * two-sided p-value and a t interval — equal to R's `t.test(a, b)`. Weighted samples (pass
 * their tallies) use the weighted standard errors of {@link ces} and Kish effective n − 1
 * per side in the degrees of freedom. A side with fewer than two answers, or two samples
 * that do not vary at all, give nulls where a number would be meaningless.
 *
 * @throws {CxValidationError} for invalid answers or options.
 * @example
 * ```ts
 * const change = compareCes([7, 6, 6, 5, 7], [4, 5, 3, 6]);
 * change.difference; // 1.7 (6.2 − 4.5)
 * change.df; // 4.9367 (R: t.test(c(7, 6, 6, 5, 7), c(4, 5, 3, 6)))
 * change.pValue; // 0.072348
 * change.significant; // false
 * ```
 */
export function compareCes(a: MetricInput, b: MetricInput, options: CompareCesOptions = {}): CesComparison {
  const { level, scale, a: resultA, b: resultB } = compareStart(a, b, compareCesOptionsSchema, options, CES_SCALE, (tally, parsed) => cesFromTally(tally, { ...parsed, method: 'mean' }));
  const seA = resultA.standardError;
  const seB = resultB.standardError;
  if (resultA.mean === null || resultB.mean === null || seA === null || seB === null) {
    return { metric: 'ces', ...noComparison(level), df: null, a: resultA, b: resultB };
  }
  // Neither sample varying gives the exact difference and no test, as R's t.test stops there too.
  const comparison = welchComparison({ estimate: resultA.mean, standardError: seA, n: resultA.effectiveN }, { estimate: resultB.mean, standardError: seB, n: resultB.effectiveN }, level, scale.max - scale.min);
  return { metric: 'ces', ...comparison, a: resultA, b: resultB };
}
