import { studentTCdf } from './student-t.js';

/** Two-sided p-value of a Student t statistic with `df` degrees of freedom: 2·P(T ≤ −|t|). */
export function twoSidedTPValue(statistic: number, df: number): number {
  return 2 * studentTCdf(-Math.abs(statistic), df);
}
