import { normalCdf } from './normal.js';

/** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). */
export function twoSidedNormalPValue(statistic: number): number {
  return 2 * normalCdf(-Math.abs(statistic));
}
