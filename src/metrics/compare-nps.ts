import * as z from 'zod/mini';
import { NPS_SCALE } from '../core/scale.js';
import { compareOptionsShape, compareStart } from './internal/compare-inputs.js';
import { independentZComparison, type Comparison } from './internal/comparison.js';
import type { MetricInput, ReadingOptions } from './internal/resolve-tally.js';
import { npsFromTally, type NpsOptions, type NpsResult } from './nps.js';

/** Options of {@link compareNps}: how to read both samples, the bands, and the level. */
export interface CompareNpsOptions extends Omit<ReadingOptions, 'weights'> {
  readonly bands?: NpsOptions['bands'];
  /** Confidence level of the interval and threshold of `significant` (default 0.95). */
  readonly level?: number | undefined;
}

/** {@link Comparison} of two NPS samples, with the result of each side. */
export interface NpsComparison extends Comparison {
  readonly metric: 'nps';
  readonly a: NpsResult;
  readonly b: NpsResult;
}

const compareNpsOptionsSchema = z.strictObject({
  ...compareOptionsShape,
  bands: z.optional(z.strictObject({ detractorMax: z.optional(z.int()), promoterMin: z.optional(z.int()) })),
});

/**
 * Compares the NPS of two independent samples: difference a − b in NPS points, its standard
 * error √(SE_a² + SE_b²), the z statistic, a two-sided p-value and a Wald interval (clipped
 * to −200…200). Inputs are answers or tallies (use tallies for weighted samples, e.g.
 * `result.tally`). When neither sample varies the test is undefined and `statistic`,
 * `pValue` and `significant` are null.
 *
 * @throws {CxValidationError} for invalid answers or options.
 * @example
 * ```ts
 * const change = compareNps([10, 10, 9, 8, 3], [6, 5, 9, 7, 2]);
 * change.difference; // 80 (NPS 40 − NPS −40)
 * change.standardError; // 50.596 (√(0.64/5 + 0.64/5) × 100)
 * change.pValue; // 0.1138 (z = 80 / 50.596 = 1.581)
 * change.significant; // false
 * ```
 */
export function compareNps(a: MetricInput, b: MetricInput, options: CompareNpsOptions = {}): NpsComparison {
  const { level, a: resultA, b: resultB } = compareStart(a, b, compareNpsOptionsSchema, options, NPS_SCALE, (tally, parsed) => npsFromTally(tally, { ...parsed, interval: 'wald' }));
  return { metric: 'nps', ...independentZComparison(resultA, resultB, level, 200), a: resultA, b: resultB };
}
