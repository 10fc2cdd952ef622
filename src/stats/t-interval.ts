import { symmetricInterval, type Interval } from './interval.js';
import { studentTQuantile } from './student-t.js';

/**
 * estimate ± t(df)·standardError at the two-sided `level`, clipped to the range the estimate
 * can take (a mean of 1–7 answers never lies outside 1–7).
 */
export function studentTInterval(estimate: number, standardError: number, df: number, level: number, low: number, high: number): Interval {
  return symmetricInterval(estimate, studentTQuantile((1 + level) / 2, df) * standardError, level, 't', low, high);
}
