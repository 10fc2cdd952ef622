import { fail } from '../core/errors.js';
import { averageRunLength } from './average-run-length.js';
import type { ControlChart } from './control-chart.js';

/** A period of an EWMA or CUSUM chart. */
export interface SmoothedPeriod {
  readonly period: string;
  readonly start: string;
  /** The period's standardised score from the control chart; null without answers (the statistic carries over). */
  readonly z: number | null;
  /** EWMA: the smoothed z; CUSUM: the larger of the upward and downward sums, signed (+ upward, − downward). */
  readonly statistic: number;
  readonly signal: boolean;
}

/** An EWMA or CUSUM chart over a control chart's standardised scores. */
export interface SmoothedChart {
  readonly chart: 'ewma' | 'cusum';
  /** ±limit for the EWMA (L·√(λ/(2 − λ))), h for the CUSUM. */
  readonly limit: number;
  /** In-control average run length of these parameters: periods until a false alarm, on average. */
  readonly inControlRunLength: number;
  readonly periods: readonly SmoothedPeriod[];
}

/**
 * An EWMA chart of a control chart's standardised scores: eᵢ = λzᵢ + (1 − λ)eᵢ₋₁ from 0, a
 * signal when |eᵢ| exceeds L·√(λ/(2 − λ)). It sees small persistent shifts sooner than
 * three-sigma limits. Defaults λ = 0.2, L = 2.86 (an in-control ARL of 371 periods, two-sided).
 *
 * @throws {CxValidationError} for λ outside (0, 1] or a limit that is not positive.
 *
 * @example
 * ```ts
 * const rows = ['2026-01-05', '2026-01-12', '2026-01-19'].flatMap((at, week) => [5, 5, 4, week === 2 ? 5 : 2].map((csat) => ({ at, csat })));
 * const chart = ewmaChart(controlChart(rows, { at: 'at', period: 'week', csat: 'csat' }), { lambda: 0.5, limit: 3 });
 * chart.limit; // 1.7321 (3 · √(0.5 / 1.5))
 * chart.periods.map((period) => period.signal); // [false, false, false]
 * ```
 */
export function ewmaChart(chart: ControlChart, options: { readonly lambda?: number; readonly limit?: number } = {}): SmoothedChart {
  const lambda = options.lambda ?? 0.2;
  const L = options.limit ?? 2.86;
  const inControlRunLength = averageRunLength({ chart: 'ewma', lambda, limit: L });
  const limit = L * Math.sqrt(lambda / (2 - lambda));
  let statistic = 0;
  const periods = chart.periods.map((period) => {
    if (period.z !== null) statistic = lambda * period.z + (1 - lambda) * statistic;
    return { period: period.period, start: period.start, z: period.z, statistic, signal: period.z !== null && Math.abs(statistic) > limit };
  });
  return { chart: 'ewma', limit, inControlRunLength, periods };
}

/**
 * A two-sided CUSUM chart of a control chart's standardised scores: S⁺ = max(0, S⁺ + z − k),
 * S⁻ = max(0, S⁻ − z − k), a signal when either exceeds h. Defaults k = 0.5 (tuned to a
 * one-σ shift), h = 4 (an in-control ARL of 168 periods, two-sided).
 *
 * @throws {CxValidationError} for k below 0 or h that is not positive.
 *
 * @example
 * ```ts
 * const rows = ['2026-01-05', '2026-01-12'].flatMap((at) => [5, 4, 2, 1].map((csat) => ({ at, csat })));
 * const chart = cusumChart(controlChart(rows, { at: 'at', period: 'week', csat: 'csat' }));
 * chart.periods.map((period) => period.statistic); // [0, 0] (both weeks on the centre)
 * ```
 */
export function cusumChart(chart: ControlChart, options: { readonly k?: number; readonly h?: number } = {}): SmoothedChart {
  const k = options.k ?? 0.5;
  const h = options.h ?? 4;
  const inControlRunLength = averageRunLength({ chart: 'cusum', k, h });
  let up = 0;
  let down = 0;
  const periods = chart.periods.map((period) => {
    if (period.z !== null) {
      up = Math.max(0, up + period.z - k);
      down = Math.max(0, down - period.z - k);
    }
    return { period: period.period, start: period.start, z: period.z, statistic: up >= down ? up : -down, signal: period.z !== null && (up > h || down > h) };
  });
  if (!Number.isFinite(up + down)) fail('invalid_option', [], 'the standardised scores are not finite');
  return { chart: 'cusum', limit: h, inControlRunLength, periods };
}
