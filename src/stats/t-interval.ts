import { symmetricInterval, type Interval } from './interval.js';
import { studentTQuantile } from './student-t.js';

/**
 * estimate ± t(df)·standardError at the two-sided `level`, clipped to the range the estimate
 * can take (a mean of 1–7 answers never lies outside 1–7): the whole range when t is
 * Infinity (df far below 1).
 */
export function studentTInterval(estimate: number, standardError: number, df: number, level: number, low: number, high: number): Interval<'t'> {
  // With a tiny effective n the df can be so small that t is Infinity; no spread still means
  // no width (Infinity · 0 would be NaN).
  const halfWidth = standardError === 0 ? 0 : studentTQuantile((1 + level) / 2, df) * standardError;
  return symmetricInterval(estimate, halfWidth, level, 't', low, high);
}
