import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { NPS_SCALE } from '../core/scale.js';
import { tally } from '../core/tally.js';
import { tallyFromCounts } from '../core/tally-from-counts.js';
import { compareNps } from './compare-nps.js';
import { nps } from './nps.js';

const Z95 = 1.959963984540054; // qnorm(0.975) in R

describe('compareNps', () => {
  it('z test of a small difference, by hand', () => {
    // a: 3 promoters, 1 passive, 1 detractor → 0.4, variance 0.8 − 0.16 = 0.64, SE² = 0.64/5.
    // b: 1 promoter, 1 passive, 3 detractors → −0.4, SE² = 0.64/5 as well.
    const result = compareNps([10, 10, 9, 8, 3], [6, 5, 9, 7, 2]);
    const se = Math.sqrt(0.128 + 0.128);
    expect(result.difference).toBeCloseTo(80, 10);
    expect(result.standardError).toBeCloseTo(se * 100, 10);
    expect(result.statistic).toBeCloseTo(0.8 / se, 10);
    // R: 2 * pnorm(-0.8 / sqrt(0.256)) = 0.113846298006658
    expect(result.pValue).toBeCloseTo(0.113846298006658, 12);
    expect(result.significant).toBe(false);
    expect(result.interval!.lower).toBeCloseTo((0.8 - Z95 * se) * 100, 10);
    expect(result.interval!.upper).toBeCloseTo((0.8 + Z95 * se) * 100, 10);
    expect(result.a.score).toBeCloseTo(40, 10);
  });

  it('significant difference between two samples of 100', () => {
    // a: 60/20/20 → 0.4, SE² = (0.8 − 0.16)/100; b: 30/30/40 → −0.1, SE² = (0.7 − 0.01)/100.
    const a = tallyFromCounts(NPS_SCALE, { 10: 60, 8: 20, 2: 20 });
    const b = tallyFromCounts(NPS_SCALE, { 9: 30, 7: 30, 0: 40 });
    const result = compareNps(a, b);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.0064 + 0.0069) * 100, 10);
    // R: 2 * pnorm(-0.5 / sqrt(0.0133)) = 1.45396219835843e-05
    expect(result.pValue! / 1.45396219835843e-5).toBeCloseTo(1, 10);
    expect(result.significant).toBe(true);
  });

  it('compares weighted samples through their tallies', () => {
    const a = nps([10, 9, 0], { weights: [2, 1, 1] });
    const b = nps([10, 0], { weights: [1, 3] });
    const result = compareNps(a.tally, b.tally);
    expect(result.difference).toBeCloseTo(a.score! - b.score!, 12);
    expect(result.standardError).toBeCloseTo(Math.hypot(a.standardError!, b.standardError!), 12);
  });

  it('says nothing it cannot know: empty side, or no variance at all', () => {
    expect(compareNps([], [10, 0])).toMatchObject({ difference: null, pValue: null, significant: null, interval: null });
    const flat = compareNps([10, 10], [0, 0]);
    expect(flat).toMatchObject({ difference: 200, standardError: 0, statistic: null, pValue: null, significant: null });
  });

  it('uses the level for the interval and the verdict', () => {
    const result = compareNps([10, 10, 9, 8, 3], [6, 5, 9, 7, 2], { level: 0.8 });
    expect(result.level).toBe(0.8);
    expect(result.interval!.level).toBe(0.8);
  });

  it('names the sample an invalid answer is in', () => {
    expect(issuesOf(() => compareNps([10], [10, 12]))).toEqual([{ code: 'out_of_range', path: ['b', 1] }]);
    expect(() => compareNps(tally([1], { scale: NPS_SCALE }), [1], { weights: [1] } as never)).toThrow(/unknown option "weights"/);
  });
});
