import { betaQuantile } from './beta.js';
import { clip, twoSidedZ, type Interval } from './interval.js';
import { wilsonInterval } from './wilson.js';

/** The intervals for a proportion, on the 0–1 scale. */
export type ProportionIntervalMethod = 'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald';

/** The intervals computed from counts; Wald is computed from a score's own standard error (see `csat`). */
type CountIntervalMethod = Exclude<ProportionIntervalMethod, 'wald'>;

/**
 * An interval for a proportion from x successes in n trials (both may be fractional: with
 * weights, n is the Kish effective n and x = p·n):
 * - `'wilson'`: the score interval (Wilson 1927; R `prop.test(correct = FALSE)`);
 * - `'agresti-coull'`: Wald on x + z²/2 successes of n + z² (Agresti & Coull 1998);
 * - `'jeffreys'`: the Beta(x + ½, n − x + ½) quantiles, 0 or 1 at x = 0 or x = n (Brown, Cai
 *   & DasGupta 2001);
 * - `'clopper-pearson'`: the exact interval of the binomial tails (1934; R `binom.test`).
 * All are kept inside [0, 1]. n must be positive.
 */
export function proportionInterval<Method extends CountIntervalMethod>(x: number, n: number, level: number, method: Method): Interval<Method> {
  const p = x / n;
  const z = twoSidedZ(level);
  const alpha = 1 - level;
  let lower: number;
  let upper: number;
  switch (method) {
    case 'wilson':
      return { ...wilsonInterval(p, n, level), method };
    case 'agresti-coull': {
      const adjustedN = n + z * z;
      const adjusted = (x + (z * z) / 2) / adjustedN;
      const half = z * Math.sqrt((adjusted * (1 - adjusted)) / adjustedN);
      [lower, upper] = [adjusted - half, adjusted + half];
      break;
    }
    case 'jeffreys':
      lower = x > 0 ? betaQuantile(alpha / 2, x + 0.5, n - x + 0.5) : 0;
      upper = x < n ? betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5) : 1;
      break;
    default:
      lower = x > 0 ? betaQuantile(alpha / 2, x, n - x + 1) : 0;
      upper = x < n ? betaQuantile(1 - alpha / 2, x + 1, n - x) : 1;
  }
  return { lower: clip(lower, 0, 1), upper: clip(upper, 0, 1), level, method };
}
