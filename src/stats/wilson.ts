import { clip, twoSidedZ, type Interval } from './interval.js';

/**
 * Wilson score interval for a proportion p from n answers (E. B. Wilson, 1927; the interval
 * of R's `prop.test(x, n, correct = FALSE)`), on the 0–1 scale:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). n may be an effective (weighted) n.
 */
export function wilsonInterval(p: number, n: number, level: number): Interval<'wilson'> {
  const z = twoSidedZ(level);
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return { lower: clip(center - half, 0, 1), upper: clip(center + half, 0, 1), level, method: 'wilson' };
}
