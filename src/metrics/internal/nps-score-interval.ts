import { findRoot } from '../../stats/internal/find-root.js';
import { twoSidedZ, type Interval } from '../../stats/interval.js';

/**
 * The iterative score interval of the NPS (B. Rocks, R package `NPS`, `nps_test(test =
 * "iterative")`, after Tango 1998): promoters c and detractors b of n play the discordant
 * cells of a paired 2 × 2 table, and the limits are the two roots of Tango's score statistic
 *
 *   T(Δ) = (c − b − nΔ) / √(n(2q̂₂₁ + Δ(1 − Δ))),
 *
 * where q̂₂₁ is the restricted maximum-likelihood estimate of the detractor cell under NPS = Δ,
 * the positive root of 2n·q² + B·q + C = 0 with B = −c − b + (2n − c + b)Δ, C = −bΔ(1 − Δ).
 * The lower limit solves T = z below the estimate, the upper T = −z above it. The package
 * bisects to 1e-6; here Brent's method brackets each root to 1e-12. With weights, b, c and n
 * are the Kish effective counts (as for the adjusted Wald interval). On −1…1: all detractors
 * give a lower limit of −1, all promoters an upper limit of 1.
 */
export function npsScoreInterval(promoters: number, detractors: number, n: number, level: number): Interval<'iterative'> {
  const z = twoSidedZ(level);
  const estimate = (promoters - detractors) / n;
  const statistic = (delta: number): number => {
    const b = -promoters - detractors + (2 * n - promoters + detractors) * delta;
    const c = -detractors * delta * (1 - delta);
    const q21 = (Math.sqrt(b * b - 8 * n * c) - b) / (4 * n);
    const variance = n * (2 * q21 + delta * (1 - delta));
    // The variance vanishes only at Δ = ±1. Beside −1 with (nearly) all detractors its two
    // terms cancel (2 − 2) and rounding can make it negative, where the exact T, e.g.
    // −√(n(1 + Δ)/(1 − Δ)) for all detractors, is still ≈ 0: report it as 0 so the root
    // finder never mistakes NaN for a sign change.
    if (!(variance > 0)) return 0;
    return (promoters - detractors - n * delta) / Math.sqrt(variance);
  };
  // T is 0 at the estimate (0/0 at ±1), so each bracket starts just beside it; T falls
  // monotonically through ±z unless the limit is the end of the scale itself.
  const lower = detractors >= n ? -1 : rootOrEnd((delta) => statistic(delta) - z, -1 + 1e-15, estimate - 1e-10, -1);
  const upper = promoters >= n ? 1 : rootOrEnd((delta) => statistic(delta) + z, estimate + 1e-10, 1 - 1e-15, 1);
  return { lower: lower * 100, upper: upper * 100, level, method: 'iterative' };
}

/** The root of f in [low, high], or `end` when f does not change sign there. */
function rootOrEnd(f: (delta: number) => number, low: number, high: number, end: number): number {
  if (low >= high) return end;
  const atLow = f(low);
  const atHigh = f(high);
  if (!(atLow > 0 !== atHigh > 0) || Number.isNaN(atLow) || Number.isNaN(atHigh)) return end;
  return findRoot(f, low, high, 1e-12);
}
