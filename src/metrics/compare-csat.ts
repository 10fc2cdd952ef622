import * as z from 'zod/mini';
import { CSAT_SCALE } from '../core/scale.js';
import { compareOptionsShape, compareStart } from './internal/compare-inputs.js';
import { csatFromTally, type CsatOptions, type CsatResult } from './csat.js';
import { noComparison, zComparison, type Comparison } from './internal/comparison.js';
import { differenceInterval, type DifferenceIntervalMethod } from '../stats/difference-interval.js';
import type { MetricInput, ReadingOptions } from './internal/resolve-tally.js';

/** Options of {@link compareCsat}. */
export interface CompareCsatOptions extends Omit<ReadingOptions, 'weights'> {
  readonly satisfied?: CsatOptions['satisfied'];
  /** The interval of the difference: `'newcombe'` (default), `'agresti-caffo'` or `'wald'`. */
  readonly interval?: DifferenceIntervalMethod | undefined;
  /** Confidence level of the interval and threshold of `significant` (default 0.95). */
  readonly level?: number | undefined;
}

/** {@link Comparison} of two CSAT samples, with the result of each side. */
export interface CsatComparison extends Comparison {
  readonly metric: 'csat';
  readonly a: CsatResult;
  readonly b: CsatResult;
}

const compareCsatOptionsSchema = z.strictObject({ ...compareOptionsShape, satisfied: z.optional(z.array(z.number())), interval: z.optional(z.enum(['newcombe', 'agresti-caffo', 'wald'])) });

/**
 * Compares the CSAT of two independent samples, a − b in percentage points. The test is the
 * pooled two-proportion z test, so `pValue` equals R's `prop.test(c(xa, xb), c(na, nb),
 * correct = FALSE)`; `statistic` is that z (its square is prop.test's X-squared) and
 * `standardError` the unpooled one. `interval` is Newcombe's hybrid score interval by default
 * (method 10 of Newcombe 1998, built from the two Wilson intervals: it keeps its coverage
 * with small samples and shares near 0 or 100 %, where CSAT lives), or `'agresti-caffo'`, or
 * `'wald'` (prop.test's interval). Weighted samples (pass their tallies) use the Kish
 * effective n of each side.
 *
 * @throws {CxValidationError} for invalid answers or options.
 * @example
 * ```ts
 * const a = tallyFromCounts(CSAT_SCALE, { 5: 30, 4: 15, 2: 15 }); // 45 of 60 satisfied
 * const b = tallyFromCounts(CSAT_SCALE, { 5: 10, 4: 20, 1: 25 }); // 30 of 55
 * compareCsat(a, b).pValue; // 0.021416 (R: prop.test(c(45, 30), c(60, 55), correct = FALSE))
 * compareCsat(a, b).interval?.method; // 'newcombe'
 * ```
 */
export function compareCsat(a: MetricInput, b: MetricInput, options: CompareCsatOptions = {}): CsatComparison {
  const { level, a: resultA, b: resultB, method } = compareStart(a, b, compareCsatOptionsSchema, options, CSAT_SCALE, (tally, parsed) => csatFromTally(tally, { satisfied: parsed.satisfied, level: parsed.level, interval: 'wald' }));
  if (resultA.score === null || resultB.score === null) return { metric: 'csat', ...noComparison(level), a: resultA, b: resultB };
  const pa = resultA.score / 100;
  const pb = resultB.score / 100;
  const na = resultA.effectiveN;
  const nb = resultB.effectiveN;
  const unpooled = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  const pooled = (pa * na + pb * nb) / (na + nb);
  const pooledStandardError = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  const comparison = zComparison((pa - pb) * 100, unpooled * 100, pooledStandardError * 100, level, 100);
  const interval = differenceInterval(pa * na, na, pb * nb, nb, level, method ?? 'newcombe');
  return { metric: 'csat', ...comparison, interval: { ...interval, lower: interval.lower * 100, upper: interval.upper * 100 }, a: resultA, b: resultB };
}
