/**
 * compareToBenchmark against hand computations and R (the lines of R are in the comments).
 */
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { ces } from './ces.js';
import { compareToBenchmark } from './compare-to-benchmark.js';
import { csat } from './csat.js';
import { nps } from './nps.js';

// 7 of 10 satisfied: CSAT 70, SE √(0.7 · 0.3 / 10) · 100 = 14.4914.
const result = csat([5, 4, 4, 3, 2, 5, 4, 1, 4, 5]);

describe('compareToBenchmark', () => {
  it('a benchmark with its own standard error from its n (CSAT: binomial at its share)', () => {
    // R: se_b <- sqrt(0.6*0.4/100)*100; s <- sqrt(se_a^2+se_b^2); z <- 10/s; 2*pnorm(-z)
    const against = compareToBenchmark(result, { value: 60, n: 100, label: 'sector' });
    expect(against.benchmarkStandardError).toBeCloseTo(4.898979485566, 9);
    expect(against.standardError).toBeCloseTo(15.297058540778, 9);
    expect(against.statistic).toBeCloseTo(0.653720450461, 9);
    expect(against.pValue).toBeCloseTo(0.513291925303, 9);
    expect(against.interval?.lower).toBeCloseTo(-19.981683809326, 9);
    expect(against.interval?.upper).toBeCloseTo(39.981683809326, 9);
    expect([against.label, against.significant, against.metric, against.benchmark]).toEqual(['sector', false, 'csat', 60]);
  });

  it('a given standard error is used as it is; without one or n the benchmark is a constant', () => {
    expect(compareToBenchmark(result, { value: 60, standardError: 3 }).standardError).toBeCloseTo(Math.hypot(14.491376746189, 3), 9);
    expect(compareToBenchmark(result, { value: 60 }).standardError).toBeCloseTo(14.491376746189, 9);
  });

  it('NPS and CES from n: the result spread per respondent, scaled to the benchmark n', () => {
    // NPS of [10, 10, 9, 3]: (3 − 1)/4 = 50; SE √((p + d − NPS²)/n) = √((0.75 + 0.25 − 0.25)/4) · 100 = 43.30.
    // Per respondent 43.30 · √4 = 86.60; for n = 300, 86.60/√300 = 5.
    const promoter = nps([10, 10, 9, 3]);
    expect(compareToBenchmark(promoter, { value: 30, n: 300 }).benchmarkStandardError).toBeCloseTo(5, 9);
    // CES mean of [7, 5, 3]: 5, s = 2, SE 2/√3; per respondent 2; for n = 16, 2/4 = 0.5.
    expect(compareToBenchmark(ces([7, 5, 3]), { value: 4, n: 16 }).benchmarkStandardError).toBeCloseTo(0.5, 9);
  });

  it('the percentile position among other organisations; no score, no comparison', () => {
    expect(compareToBenchmark(result, { value: 60, distribution: [80, 90] }).percentile).toBe(0);
    expect(compareToBenchmark(result, { value: 60, distribution: [10, 20, 30, 40] }).percentile).toBe(100);
    const empty = compareToBenchmark(csat([]), { value: 60, distribution: [50] });
    expect([empty.difference, empty.pValue, empty.percentile]).toEqual([null, null, null]);
  });

  it('bad benchmarks are CxValidationErrors', () => {
    for (const bad of [{ value: Number.NaN }, { value: 60, standardError: -1 }, { value: 60, n: 0 }, { value: 60, distribution: [1, Number.POSITIVE_INFINITY] }]) {
      expect(() => compareToBenchmark(result, bad)).toThrow(CxValidationError);
    }
  });
});
