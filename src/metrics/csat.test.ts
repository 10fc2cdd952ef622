import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { CxValidationError } from '../core/errors.js';
import { CSAT_SCALE, NPS_SCALE } from '../core/scale.js';
import { tallyFromCounts } from '../core/tally-from-counts.js';
import { compareCsat } from './compare-csat.js';
import { csat } from './csat.js';
import { csatSampleSize } from './csat-sample-size.js';
import { statistics } from '../../test/statistics-reference.js';
import { betaQuantile } from '../stats/beta.js';

describe('csat: published examples', () => {
  it('Formbricks: [5, 4, 2, 1] → 50 %, [5, 4, 3, 1, 5] → 60 %', () => {
    expect(csat([5, 4, 2, 1]).score).toBeCloseTo(50, 12);
    expect(csat([5, 4, 3, 1, 5]).score).toBeCloseTo(60, 12);
  });

  it('Delighted: 7 of 10 satisfied → 70', () => {
    expect(csat(tallyFromCounts(CSAT_SCALE, { 5: 4, 4: 3, 3: 2, 1: 1 })).score).toBeCloseTo(70, 12);
  });
});

describe('csat: statistics', () => {
  it('Wilson interval equals R prop.test(7, 10, correct = FALSE)', () => {
    // R 4.2.2: prop.test(7, 10, correct = FALSE)$conf.int = 0.396778147461145 0.892208732593699
    const { interval, standardError } = csat(tallyFromCounts(CSAT_SCALE, { 5: 7, 2: 3 }));
    expect(interval!.method).toBe('wilson');
    expect(interval!.lower).toBeCloseTo(39.6778147461145, 9);
    expect(interval!.upper).toBeCloseTo(89.2208732593699, 9);
    expect(standardError).toBeCloseTo(Math.sqrt((0.7 * 0.3) / 10) * 100, 10);
  });

  it('Wilson at 90 % equals R prop.test(3, 5, correct = FALSE, conf.level = 0.9)', () => {
    // R: 0.272483171866193 0.857293527980787
    const { interval } = csat([5, 4, 3, 1, 5], { level: 0.9 });
    expect(interval!.lower).toBeCloseTo(27.2483171866193, 9);
    expect(interval!.upper).toBeCloseTo(85.7293527980787, 9);
  });

  it('Wilson stays inside 0–100 at 0 %: R prop.test(0, 8, correct = FALSE) gives 0, 0.32440756488388', () => {
    const { interval, score } = csat(new Array(8).fill(1));
    expect(score).toBe(0);
    expect(interval!.lower).toBe(0);
    expect(interval!.upper).toBeCloseTo(32.440756488388, 9);
  });

  it('Wald on request: p ± z·√(p(1−p)/n), clipped to 0–100', () => {
    const { interval } = csat([5, 4, 3, 1, 5], { interval: 'wald' });
    const half = 1.959963984540054 * Math.sqrt((0.6 * 0.4) / 5); // 0.429: 0.6 + 0.429 > 1
    expect(interval!.method).toBe('wald');
    expect(interval!.lower).toBeCloseTo((0.6 - half) * 100, 10);
    expect(interval!.upper).toBe(100);
  });

  it('Agresti–Coull, Jeffreys and Clopper–Pearson equal R (test/reference/statistics.json, 81 of 263)', () => {
    const reference = statistics.proportion[0]!;
    const answers = tallyFromCounts(CSAT_SCALE, { 5: reference.x, 1: reference.n - reference.x });
    for (const [method, name] of [['agresti-coull', 'agrestiCoull'], ['jeffreys', 'jeffreys'], ['clopper-pearson', 'clopperPearson']] as const) {
      const { interval } = csat(answers, { interval: method });
      expect(interval!.method).toBe(method);
      expect(interval!.lower).toBeCloseTo(reference.byLevel[0]![name][0]! * 100, 9);
      expect(interval!.upper).toBeCloseTo(reference.byLevel[0]![name][1]! * 100, 9);
    }
  });

  it('with weights the exact-style intervals use the Kish effective n: x = p·n_eff of n_eff', () => {
    // weights 1 2 3 on 5 4 2: p = 0.5, n_eff = 6² / 14 = 18/7; Jeffreys Beta(9/7 + ½, 9/7 + ½).
    const { interval } = csat([5, 4, 2], { weights: [1, 2, 3], interval: 'jeffreys' });
    const half = 9 / 7 + 0.5;
    expect(interval!.lower).toBeCloseTo(betaQuantile(0.025, half, half) * 100, 12);
    expect(interval!.upper).toBeCloseTo(betaQuantile(0.975, half, half) * 100, 12);
  });

  it('weights: weighted share, mean and linearised standard error', () => {
    // answers 5 4 2 with weights 1 2 3: satisfied Σw = 3 of 6; mean (5 + 8 + 6)/6.
    const result = csat([5, 4, 2], { weights: [1, 2, 3] });
    expect(result.score).toBeCloseTo(50, 12);
    expect(result.satisfied).toBe(3);
    expect(result.mean).toBeCloseTo(19 / 6, 12);
    // Σw²(y − p)²/(Σw)²: (1 + 4)·0.25 + 9·0.25 = 3.5 → √3.5 / 6.
    expect(result.standardError).toBeCloseTo((Math.sqrt(3.5) / 6) * 100, 10);
    expect(result.effectiveN).toBeCloseTo(36 / 14, 12);
  });

  it('the top two of the declared scale, never of the observed maximum', () => {
    // All answers at most 4 on 1–5: only the 4s are satisfied.
    expect(csat([4, 3, 3, 2]).score).toBeCloseTo(25, 12);
    expect(csat([9, 10, 7, 3], { scale: { min: 1, max: 10 }, satisfied: [9, 10] }).score).toBeCloseTo(50, 12);
    expect(csat([9, 10, 7, 3], { scale: { min: 1, max: 10 } }).satisfiedPoints).toEqual([9, 10]);
  });

  it('empty input: score and mean null, no NaN', () => {
    expect(csat([null])).toMatchObject({ score: null, mean: null, interval: null, standardError: null, missing: 1, satisfied: 0 });
  });

  it('notApplicable codes and skipped answers are counted', () => {
    expect(csat([0, 5, 6, 4], { notApplicable: [0], invalid: 'skip' })).toMatchObject({ n: 2, missing: 1, invalid: 1, score: 100 });
  });
});

describe('csat: bad input', () => {
  it('names the index of an answer off the scale or not an integer', () => {
    for (const [answers, code] of [
      [[5, 6], 'out_of_range'],
      [[5, 0], 'out_of_range'],
      [[5, 4.5], 'not_integer'],
    ] as const) {
      expect(issuesOf(() => csat([...answers]))).toEqual([{ code, path: [1] }]);
    }
  });

  it('refuses satisfied points off the scale', () => {
    expect(() => csat([5], { satisfied: [6] })).toThrow(/satisfied\[0\]: 6 is not a point of the scale 1–5/);
    expect(() => csat([5], { satisfied: [] })).toThrow(/at least one point/);
  });
});

describe('csat: properties', () => {
  const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 80 });
  it('score within 0–100, Wilson bounds inside 0–100 and around the estimate', () => {
    fc.assert(
      fc.property(answers, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, level) => {
        const { score, interval } = csat(a, { level });
        expect(score!).toBeGreaterThanOrEqual(0);
        expect(score!).toBeLessThanOrEqual(100);
        expect(interval!.lower).toBeGreaterThanOrEqual(0);
        expect(interval!.upper).toBeLessThanOrEqual(100);
        expect(interval!.lower).toBeLessThanOrEqual(score! + 1e-9);
        expect(interval!.upper).toBeGreaterThanOrEqual(score! - 1e-9);
      }),
    );
  });

  it('unit weights give exactly the unweighted result', () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(csat(a, { weights: a.map(() => 1) })).toEqual(csat(a));
      }),
    );
  });
});

describe('compareCsat', () => {
  it('equals R prop.test(c(45, 30), c(60, 55), correct = FALSE)', () => {
    // R 4.2.2: p-value 0.0214160552232667, X-squared 5.29261363636364,
    // conf.int 0.0333104463581168 0.375780462732792
    const a = tallyFromCounts(CSAT_SCALE, { 5: 30, 4: 15, 2: 15 });
    const b = tallyFromCounts(CSAT_SCALE, { 5: 10, 4: 20, 1: 25 });
    const result = compareCsat(a, b, { interval: 'wald' });
    expect(result.difference).toBeCloseTo((45 / 60 - 30 / 55) * 100, 10);
    expect(result.pValue).toBeCloseTo(0.0214160552232667, 12);
    expect(result.adjustedPValue).toBe(result.pValue);
    expect(result.statistic! ** 2).toBeCloseTo(5.29261363636364, 10);
    expect(result.interval).toMatchObject({ method: 'wald' });
    expect(result.interval!.lower).toBeCloseTo(3.33104463581168, 9);
    expect(result.interval!.upper).toBeCloseTo(37.5780462732792, 9);
    expect(result.significant).toBe(true);
  });

  it("defaults to Newcombe's hybrid score interval; the test stays prop.test's", () => {
    // test/reference/statistics.json, "difference" 45/60 − 30/55 (prop.test Wilson limits
    // combined by Newcombe's method 10 in test/reference/statistics.R).
    const reference = statistics.difference.find((d) => d.x1 === 45 && d.n2 === 55)!;
    const a = tallyFromCounts(CSAT_SCALE, { 5: 30, 4: 15, 2: 15 });
    const b = tallyFromCounts(CSAT_SCALE, { 5: 10, 4: 20, 1: 25 });
    const result = compareCsat(a, b);
    expect(result.interval!.method).toBe('newcombe');
    expect(result.interval!.lower).toBeCloseTo(reference.newcombe[0]! * 100, 10);
    expect(result.interval!.upper).toBeCloseTo(reference.newcombe[1]! * 100, 10);
    expect(result.pValue).toBeCloseTo(reference.pValue!, 12);
    const caffo = compareCsat(a, b, { interval: 'agresti-caffo', level: 0.95 }).interval!;
    expect(caffo.lower).toBeCloseTo(reference.agrestiCaffo[0]! * 100, 10);
    expect(() => compareCsat(a, b, { interval: 'wilson' as never })).toThrow(/interval/);
  });

  it('nulls for an empty side, no test when nothing varies, path names the side', () => {
    expect(compareCsat([], [5])).toMatchObject({ difference: null, pValue: null, significant: null });
    // pa = 1, pb = 0: pooled 0.5, pooled SE √(0.25 × (1/2 + 1/2)) = 0.5, z = 1 / 0.5 = 2.
    expect(compareCsat([5, 5], [1, 1])).toMatchObject({ difference: 100, statistic: 2 });
    expect(compareCsat([5, 5], [5, 4])).toMatchObject({ difference: 0, statistic: null, pValue: null });
    expect(() => compareCsat([5], [7])).toThrow(/b\[0\]/);
    expect(() => compareCsat([5], [5], { scale: NPS_SCALE, satisfied: [11] })).toThrow(/satisfied\[0\]/);
  });
});

describe('csatSampleSize', () => {
  it('z²p(1−p)/e², with the finite population correction', () => {
    // R: qnorm(0.975)^2 = 3.84145882069412; × 0.25 / 0.05² = 384.15 → 385.
    expect(csatSampleSize({ marginOfError: 5 })).toBe(385);
    // × 0.16 / 0.03² = 682.93 → 683; population 1000: 682.93 / (1 + 681.93/1000) = 406.04 → 407.
    expect(csatSampleSize({ marginOfError: 3, expected: 80 })).toBe(683);
    expect(csatSampleSize({ marginOfError: 3, expected: 80, population: 1000 })).toBe(407);
    expect(() => csatSampleSize({ marginOfError: 120 })).toThrow(CxValidationError);
  });
});
