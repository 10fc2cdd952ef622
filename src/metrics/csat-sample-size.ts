import * as z from 'zod/mini';
import { parseWith } from '../core/internal/parse-options.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import { checkMarginOfError, requiredSampleSize } from '../stats/sample-size.js';

/** Options of {@link csatSampleSize}. */
export interface CsatSampleSizeOptions {
  /** Wanted half-width of the interval, in percentage points (5 for ±5; at least 0.5). */
  readonly marginOfError: number;
  /** Confidence level (default 0.95). */
  readonly level?: number | undefined;
  /** Expected % satisfied (0–100); without it the worst case, 50. */
  readonly expected?: number | undefined;
  /** Size of the population surveyed, for the finite population correction. */
  readonly population?: number | undefined;
}

const optionsSchema = z.strictObject({
  marginOfError: z.number().check(z.gt(0), z.lte(100)),
  level: z.optional(levelSchema),
  expected: z.optional(z.number().check(z.gte(0), z.lte(100))),
  population: z.optional(z.int().check(z.gte(1))),
});

/**
 * How many answers give a CSAT interval of ± `marginOfError` points: n = z²·p(1−p)/e²
 * (p = 0.5 unless `expected` is given), corrected for a finite population by
 * n / (1 + (n − 1)/N). Rounded up; at least 1.
 *
 * @throws {CxValidationError} for a margin outside [0.5, 100] points (0.05 is a fraction
 * where points are meant: write 5 for ±5 points) or a share outside 0–100.
 * @example
 * ```ts
 * csatSampleSize({ marginOfError: 5 }); // 385 (3.841459 × 0.25 / 0.0025 = 384.1)
 * csatSampleSize({ marginOfError: 3, expected: 80 }); // 683 (3.841459 × 0.16 / 0.0009 = 682.9)
 * ```
 */
export function csatSampleSize(options: CsatSampleSizeOptions): number {
  const { marginOfError, level = DEFAULT_LEVEL, expected = 50, population } = parseWith(optionsSchema, options);
  checkMarginOfError(marginOfError, 'percentage points');
  const p = expected / 100;
  return requiredSampleSize(p * (1 - p), marginOfError / 100, level, population);
}
