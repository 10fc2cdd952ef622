import { clip, twoSidedZ, type Interval } from './interval.js';
import { wilsonInterval } from './wilson.js';

/** The intervals for the difference of two independent proportions. */
export type DifferenceIntervalMethod = 'newcombe' | 'agresti-caffo' | 'wald';

/**
 * An interval for p₁ − p₂ from x₁ of n₁ and x₂ of n₂ (fractional with weights: Kish
 * effective n), on −1…1:
 * - `'newcombe'`: method 10 of R. G. Newcombe (1998), "Interval estimation for the difference
 *   between independent proportions: comparison of eleven methods", Stat Med 17:873–890 —
 *   the hybrid score interval from the two Wilson intervals (l₁, u₁) and (l₂, u₂):
 *   δ − √((p₁ − l₁)² + (u₂ − p₂)²) to δ + √((u₁ − p₁)² + (p₂ − l₂)²);
 * - `'agresti-caffo'`: Wald after adding one success and one failure to each sample (Agresti
 *   & Caffo 2000, The American Statistician 54(4));
 * - `'wald'`: δ ± z·√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂), as R's `prop.test` reports.
 */
export function differenceInterval<Method extends DifferenceIntervalMethod>(x1: number, n1: number, x2: number, n2: number, level: number, method: Method): Interval<Method> {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const z = twoSidedZ(level);
  let lower: number;
  let upper: number;
  if (method === 'newcombe') {
    const first = wilsonInterval(p1, n1, level);
    const second = wilsonInterval(p2, n2, level);
    lower = difference - Math.hypot(p1 - first.lower, second.upper - p2);
    upper = difference + Math.hypot(first.upper - p1, p2 - second.lower);
  } else if (method === 'agresti-caffo') {
    const a = (x1 + 1) / (n1 + 2);
    const b = (x2 + 1) / (n2 + 2);
    const half = z * Math.sqrt((a * (1 - a)) / (n1 + 2) + (b * (1 - b)) / (n2 + 2));
    [lower, upper] = [a - b - half, a - b + half];
  } else {
    const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
    [lower, upper] = [difference - half, difference + half];
  }
  return { lower: clip(lower, -1, 1), upper: clip(upper, -1, 1), level, method };
}
