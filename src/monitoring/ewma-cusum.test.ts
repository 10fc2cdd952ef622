/**
 * EWMA and CUSUM over standardised scores, worked by hand on a given z sequence; the default
 * parameters' in-control run lengths against R spc (xewma.arl(0.2, 2.86, 0, sided = "two"),
 * xcusum.arl(0.5, 4, 0, sided = "two")).
 */
import { describe, expect, it } from 'vitest';
import type { ControlChart } from './control-chart.js';
import { cusumChart, ewmaChart } from './ewma-cusum.js';

// Rscript -e 'library(spc); xewma.arl(0.2, 2.86, 0, sided="two"); xcusum.arl(0.5, 4, 0, sided="two")'
const EWMA_DEFAULT = 371.1033;
const CUSUM_DEFAULT = 167.68379;

/** A control chart whose periods have the given standardised scores (null: no answers). */
function chartOf(z: readonly (number | null)[]): ControlChart {
  return {
    metric: 'csat',
    chart: 'p',
    rules: 'anhoj',
    centre: 50,
    sigmaZ: null,
    baselinePeriods: z.length,
    runs: null,
    notes: [],
    periods: z.map((value, i) => ({ period: `2026-W0${i + 1}`, start: `2026-01-0${i + 1}`, n: value === null ? 0 : 10, score: value === null ? null : 50 + value, centre: 50, lower: 35, upper: 65, z: value, signals: [] })),
  };
}

describe('ewmaChart and cusumChart', () => {
  it('EWMA: e = λz + (1 − λ)e from 0; with λ = 0.5, z = 2, 2, (none), 2: 1, 1.5, 1.5, 1.75 — over 3·√(1/3) = 1.732 at the last', () => {
    const chart = ewmaChart(chartOf([2, 2, null, 2]), { lambda: 0.5, limit: 3 });
    expect(chart.periods.map((period) => period.statistic)).toEqual([1, 1.5, 1.5, 1.75]);
    expect(chart.periods.map((period) => period.signal)).toEqual([false, false, false, true]);
    expect(chart.limit).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('CUSUM: with k = 0.5, h = 4 and z = 2, 2, 2, −1: S⁺ = 1.5, 3, 4.5 (a signal), 3; S⁻ stays 0 until 0.5', () => {
    const chart = cusumChart(chartOf([2, 2, 2, -1]));
    expect(chart.periods.map((period) => period.statistic)).toEqual([1.5, 3, 4.5, 3]);
    expect(chart.periods.map((period) => period.signal)).toEqual([false, false, true, false]);
    // Downward: z = −3 twice: S⁻ = 2.5, 5 (a signal), shown negative.
    expect(cusumChart(chartOf([-3, -3])).periods.map((period) => [period.statistic, period.signal])).toEqual([[-2.5, false], [-5, true]]);
  });

  it("the defaults' in-control run lengths, as R spc", () => {
    expect(ewmaChart(chartOf([0])).inControlRunLength).toBeCloseTo(EWMA_DEFAULT, 4);
    expect(cusumChart(chartOf([0])).inControlRunLength).toBeCloseTo(CUSUM_DEFAULT, 4);
  });
});
