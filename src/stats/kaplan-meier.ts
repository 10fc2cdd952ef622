import { normalQuantile } from './normal.js';

/** A step of a Kaplan–Meier curve: at `time`, the survival after that time's events, with its interval. */
export interface SurvivalStep {
  readonly time: number;
  /** At risk just before `time`. */
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
  /** Log-transformed interval (R survival's default); null where the survival is 0. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A quantile of the time (the median at 0.5) with its interval; null where the curve does not reach it. */
export interface SurvivalQuantile {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A Kaplan–Meier estimate: the steps at the event times, and the quartiles of the time. */
export interface SurvivalCurve {
  readonly n: number;
  readonly events: number;
  readonly curve: readonly SurvivalStep[];
  readonly median: SurvivalQuantile;
  readonly quartiles: { readonly first: SurvivalQuantile; readonly third: SurvivalQuantile };
}

/**
 * The Kaplan–Meier estimate of the time to an event from times and whether each ended in the
 * event (false: censored, still open), with Greenwood's variance and the log-transformed
 * interval, and the quartiles of the time with their intervals by R `survival`'s rules
 * (`survfit`, `quantile.survfit`): a quantile is the first time the curve falls to 1 − p or
 * below, the midpoint to the next event time where it stays exactly at 1 − p; its interval
 * the first times the interval's lower and upper bounds do.
 *
 * @example
 * ```ts
 * // R: survfit(Surv(c(1, 2, 2, 3, 4, 4), c(1, 1, 1, 0, 1, 1)) ~ 1)
 * const fit = kaplanMeier([1, 2, 2, 3, 4, 4], [true, true, true, false, true, true]);
 * fit.curve[1]?.survival; // 0.5 (5/6 · 3/5)
 * fit.median.estimate; // 3 (the curve is exactly 0.5 from 2 to 4: the midpoint)
 * fit.median.lower; // 2
 * ```
 */
export function kaplanMeier(times: readonly number[], events: readonly boolean[], level = 0.95): SurvivalCurve {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const z = normalQuantile(1 - (1 - level) / 2);
  const curve: SurvivalStep[] = [];
  let atRisk = times.length;
  let survival = 1;
  let greenwood = 0;
  for (let k = 0; k < order.length; ) {
    const time = times[order[k]!]!;
    let died = 0;
    let left = 0;
    while (k < order.length && times[order[k]!] === time) {
      if (events[order[k]!]) died++;
      left++;
      k++;
    }
    if (died > 0) {
      survival *= 1 - died / atRisk;
      greenwood += atRisk > died ? died / (atRisk * (atRisk - died)) : Infinity;
      const spread = z * Math.sqrt(greenwood);
      const bounded = survival > 0 && Number.isFinite(spread);
      curve.push({ time, atRisk, events: died, survival, lower: bounded ? survival * Math.exp(-spread) : null, upper: bounded ? Math.min(1, survival * Math.exp(spread)) : null });
    }
    atRisk -= left;
  }
  const quantile = (p: number): SurvivalQuantile => ({
    estimate: firstAtOrBelow(curve, (step) => step.survival, 1 - p),
    // The lower limit of the time is where the curve's lower bound reaches 1 − p; where a bound is
    // not defined (the curve at 0) it reaches nothing, as in R.
    lower: firstAtOrBelow(curve, (step) => step.lower ?? Infinity, 1 - p),
    upper: firstAtOrBelow(curve, (step) => step.upper ?? Infinity, 1 - p),
  });
  return { n: times.length, events: events.filter(Boolean).length, curve, median: quantile(0.5), quartiles: { first: quantile(0.25), third: quantile(0.75) } };
}

/** The first step time where `value` ≤ target; where it equals the target, the midpoint to the next step's time. */
function firstAtOrBelow(curve: readonly SurvivalStep[], value: (step: SurvivalStep) => number, target: number): number | null {
  const fuzz = 1e-12;
  for (let k = 0; k < curve.length; k++) {
    const at = value(curve[k]!);
    if (at > target + fuzz) continue;
    if (Math.abs(at - target) <= fuzz && k + 1 < curve.length) return (curve[k]!.time + curve[k + 1]!.time) / 2;
    return curve[k]!.time;
  }
  return null;
}
