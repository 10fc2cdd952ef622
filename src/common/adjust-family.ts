import * as z from 'zod/mini';
import type { Comparison } from '../metrics/internal/comparison.js';
import { adjustPValues, P_VALUE_ADJUSTMENTS, type PValueAdjustment } from '../stats/adjust-p-values.js';

/** zod/mini schema of the reports' `adjust` option. */
export const adjustSchema = z.optional(z.enum(P_VALUE_ADJUSTMENTS as [PValueAdjustment, ...PValueAdjustment[]]));

/** The reports adjust each family of tests by Holm's method unless told otherwise. */
export const DEFAULT_ADJUSTMENT: PValueAdjustment = 'holm';

/**
 * The comparisons of one family of tests with their p-values adjusted together: the tests
 * that have a p-value form the family (m = their number), and each gets `adjustedPValue` and
 * `significant` from the adjusted value. Null entries and comparisons without a p-value pass
 * through unchanged.
 */
export function adjustFamily<C extends Comparison>(comparisons: readonly (C | null)[], method: PValueAdjustment): (C | null)[] {
  const tested = comparisons.flatMap((comparison, i) => (comparison?.pValue === null || comparison === null ? [] : [i]));
  const adjusted = adjustPValues(
    tested.map((i) => comparisons[i]!.pValue!),
    method,
  );
  const result = comparisons.slice();
  tested.forEach((i, k) => {
    const comparison = comparisons[i]!;
    result[i] = { ...comparison, adjustedPValue: adjusted[k]!, significant: adjusted[k]! < 1 - comparison.level };
  });
  return result;
}
