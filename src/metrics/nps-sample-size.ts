import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { parseWith } from '../core/internal/parse-options.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import { checkMarginOfError, requiredSampleSize } from '../stats/sample-size.js';

/** Options of {@link npsSampleSize}. */
export interface NpsSampleSizeOptions {
  /** Wanted half-width of the interval, in NPS points (5 for ±5; at least 0.5). */
  readonly marginOfError: number;
  /** Confidence level (default 0.95). */
  readonly level?: number | undefined;
  /** Expected % promoters (0–100). With `detractors`; without both, the worst case 50/50. */
  readonly promoters?: number | undefined;
  /** Expected % detractors (0–100). */
  readonly detractors?: number | undefined;
  /** Size of the population surveyed, for the finite population correction. */
  readonly population?: number | undefined;
}

const percent = z.number().check(z.gte(0), z.lte(100));
const optionsSchema = z.strictObject({
  marginOfError: z.number().check(z.gt(0), z.lte(200)),
  level: z.optional(levelSchema),
  promoters: z.optional(percent),
  detractors: z.optional(percent),
  population: z.optional(z.int().check(z.gte(1))),
});

/**
 * How many answers give an NPS interval of ± `marginOfError` points: n = z²·σ²/e² with the
 * trinomial variance σ² = p + d − (p − d)² (at most 1, when half promote and half detract),
 * corrected for a finite population by n / (1 + (n − 1)/N). Rounded up; at least 1.
 *
 * @throws {CxValidationError} for a margin outside [0.5, 200] points (0.05 is a fraction where
 * points are meant: write 5 for ±5 points), shares outside 0–100 or summing past 100.
 * @example
 * ```ts
 * npsSampleSize({ marginOfError: 5 }); // 1537 (1.959964² × 1 / 0.05² = 1536.6)
 * npsSampleSize({ marginOfError: 5, promoters: 40, detractors: 20 }); // 861 (σ² = 0.6 − 0.2² = 0.56; 3.841459 × 0.56 / 0.0025 = 860.5)
 * ```
 */
export function npsSampleSize(options: NpsSampleSizeOptions): number {
  const { marginOfError, level = DEFAULT_LEVEL, promoters, detractors, population } = parseWith(optionsSchema, options);
  checkMarginOfError(marginOfError, 'NPS points');
  if ((promoters === undefined) !== (detractors === undefined)) {
    fail('invalid_option', [promoters === undefined ? 'promoters' : 'detractors'], 'give both expected promoters and detractors, or neither');
  }
  const p = (promoters ?? 50) / 100;
  const d = (detractors ?? 50) / 100;
  if (p + d > 1) fail('invalid_option', ['detractors'], `promoters + detractors cannot exceed 100 %, got ${(p + d) * 100}`);
  return requiredSampleSize(p + d - (p - d) ** 2, marginOfError / 100, level, population);
}
