import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { CES_SCALE } from '../core/scale.js';
import { tally } from '../core/tally.js';
import { tallyFromCounts } from '../core/tally-from-counts.js';
import { round } from '../core/round.js';
import { ces } from './ces.js';
import { compareCes } from './compare-ces.js';

// R 4.2.2 samples used below: a <- rep(1:7, c(3, 2, 5, 8, 12, 20, 10)); b <- rep(1:7, c(6, 5, 9, 10, 9, 8, 3))
const countsA = { 1: 3, 2: 2, 3: 5, 4: 8, 5: 12, 6: 20, 7: 10 };
const countsB = { 1: 6, 2: 5, 3: 9, 4: 10, 5: 9, 6: 8, 7: 3 };

describe('ces: published example and the three readings', () => {
  it('[7, 6, 1] → mean 4.67', () => {
    expect(round(ces([7, 6, 1]).mean!, 2)).toBe(4.67);
  });

  it('CES 2.0 defaults: 1–7, easy 5–7, difficult 1–3, score = mean', () => {
    const result = ces(tallyFromCounts(CES_SCALE, countsA));
    expect(result.easyPoints).toEqual([5, 6, 7]);
    expect(result.difficultPoints).toEqual([1, 2, 3]);
    expect(result.method).toBe('mean');
    expect(result.orientation).toBe('higher-is-easier');
    expect(result.scale).toEqual({ min: 1, max: 7 });
    // mean(a) = 5.06666666666667 (R); easy 42 of 60, difficult 10 of 60.
    expect(result.score).toBeCloseTo(5.06666666666667, 12);
    expect(result.percentEasy).toBeCloseTo(70, 12);
    expect(result.percentDifficult).toBeCloseTo(100 / 6, 12);
    expect(result.netEasy).toBeCloseTo(70 - 100 / 6, 12);
  });

  it('CES 1.0: 1–5 effort, lower is easier → easy 1–2, difficult 4–5', () => {
    const result = ces([1, 2, 2, 3, 4, 5, 1], { scale: { min: 1, max: 5 }, orientation: 'lower-is-easier' });
    expect(result.easyPoints).toEqual([1, 2]);
    expect(result.difficultPoints).toEqual([4, 5]);
    expect(result.percentEasy).toBeCloseTo((4 / 7) * 100, 12);
    expect(result.percentDifficult).toBeCloseTo((2 / 7) * 100, 12);
    expect(result.mean).toBeCloseTo(18 / 7, 12); // the mean as answered, not flipped
  });

  it('default bands leave a neutral middle: four of ten on 1–10', () => {
    const result = ces([10], { scale: { min: 1, max: 10 } });
    expect(result.easyPoints).toEqual([7, 8, 9, 10]);
    expect(result.difficultPoints).toEqual([1, 2, 3, 4]);
  });

  it('explicit easy points; difficult mirrors them unless given', () => {
    expect(ces([7], { easy: [6, 7] }).difficultPoints).toEqual([1, 2]);
    const result = ces([7, 4, 3], { easy: [6, 7], difficult: [1, 2, 3, 4] });
    expect(result.percentDifficult).toBeCloseTo((2 / 3) * 100, 12);
  });
});

describe('ces: statistics', () => {
  it('mean: s/√n and the t interval of R t.test(a)', () => {
    // R: t.test(a)$conf.int = 4.649673943344589 5.483659389988744; $stderr = 0.208392646923787
    const { standardError, interval } = ces(tallyFromCounts(CES_SCALE, countsA));
    expect(standardError).toBeCloseTo(0.208392646923787, 12);
    expect(interval!.method).toBe('t');
    expect(interval!.lower).toBeCloseTo(4.649673943344589, 9);
    expect(interval!.upper).toBeCloseTo(5.483659389988744, 9);
  });

  it('the t interval is clipped to the scale: R t.test(c(7, 6, 1)) gives −3.3187 … 12.652', () => {
    const { standardError, interval } = ces([7, 6, 1]);
    expect(standardError).toBeCloseTo(1.85592145427667, 12); // R: $stderr
    expect(interval).toMatchObject({ lower: 1, upper: 7 });
  });

  it('weighted mean and standard error equal R survey::svymean; t on Kish n − 1 df', () => {
    // R: d <- data.frame(y = c(7, 5, 2, 6, 4), w = c(1, 2, 0.5, 3, 1.5))
    //    svymean(~y, svydesign(ids = ~1, weights = ~w, data = d)) → 5.25, SE 0.53274147253851
    // Kish n = 8² / 16.5; qt(0.975, 64 / 16.5 − 1) = 3.25961113635341 →
    // 5.25 ∓ 3.25961113635341 × 0.53274147253851 = 3.51346996331616, 6.98653003668384
    const result = ces([7, 5, 2, 6, 4], { weights: [1, 2, 0.5, 3, 1.5] });
    expect(result.mean).toBeCloseTo(5.25, 12);
    expect(result.standardError).toBeCloseTo(0.53274147253851, 12);
    expect(result.interval!.lower).toBeCloseTo(3.51346996331616, 9);
    expect(result.interval!.upper).toBeCloseTo(6.98653003668384, 9);
  });

  it('one weight dominating: Kish n − 1 ≈ 2e-7 df, where t is Infinity (R: qt(0.975, 2e-7) = Inf)', () => {
    // Kish n = (1 + 1e7)² / (1 + 1e14) = 1.0000002. No spread: the interval is the mean itself;
    // some spread: it is the whole scale, never NaN.
    expect(ces([5, 5], { weights: [1, 1e7] }).interval).toMatchObject({ lower: 5, upper: 5 });
    expect(ces([5, 6], { weights: [1, 1e7] }).interval).toMatchObject({ lower: 1, upper: 7 });
  });

  it("percent-easy: Wilson interval of R prop.test(42, 60, correct = FALSE)", () => {
    // R: 0.574912920530855 0.801018338612309
    const result = ces(tallyFromCounts(CES_SCALE, countsA), { method: 'percent-easy' });
    expect(result.score).toBeCloseTo(70, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt((0.7 * 0.3) / 60) * 100, 10);
    expect(result.interval!.method).toBe('wilson');
    expect(result.interval!.lower).toBeCloseTo(57.4912920530855, 9);
    expect(result.interval!.upper).toBeCloseTo(80.1018338612309, 9);
  });

  it('net-easy: trinomial standard error and Wald interval', () => {
    // e = 42/60 = 0.7, d = 10/60, net = 32/60; SE = √((e + d − net²)/60).
    const net = 32 / 60;
    const se = Math.sqrt((0.7 + 10 / 60 - net * net) / 60);
    const result = ces(tallyFromCounts(CES_SCALE, countsA), { method: 'net-easy' });
    expect(result.score).toBeCloseTo(net * 100, 12);
    expect(result.standardError).toBeCloseTo(se * 100, 10);
    expect(result.interval!.method).toBe('wald');
    expect(result.interval!.lower).toBeCloseTo((net - 1.959963984540054 * se) * 100, 9);
  });

  it('one answer: a mean but no standard error; empty input: all null', () => {
    const one = ces([6]);
    expect(one.score).toBe(6);
    expect(one.standardError).toBeNull();
    expect(one.interval).toBeNull();
    const none = ces([null, undefined]);
    expect(none).toMatchObject({ score: null, mean: null, percentEasy: null, netEasy: null, standardError: null, interval: null, n: 0, missing: 2 });
  });

  it('notApplicable codes are missing; skipped answers are counted and listed', () => {
    const result = ces([7, 0, 9, 5], { notApplicable: [0], invalid: 'skip' });
    expect(result).toMatchObject({ n: 2, missing: 1, invalid: 1 });
    expect(result.rejected[0]).toMatchObject({ index: 2, value: '9', code: 'out_of_range' });
  });
});

describe('ces: bad input', () => {

  it('0 on 1–7, 8, non-integers: each named by its index', () => {
    expect(issuesOf(() => ces([7, 0, 5.5, 8]))).toEqual([
      { code: 'out_of_range', path: [1] },
      { code: 'not_integer', path: [2] },
      { code: 'out_of_range', path: [3] },
    ]);
  });

  it('easy and difficult points that overlap or are off the scale', () => {
    expect(issuesOf(() => ces([7], { easy: [4, 5, 6, 7] }))).toEqual([{ code: 'invalid_option', path: ['difficult'] }]);
    expect(issuesOf(() => ces([7], { easy: [8] }))).toEqual([{ code: 'invalid_option', path: ['easy', 0] }]);
    expect(issuesOf(() => ces([7], { method: 'median' as 'mean' }))).toEqual([{ code: 'invalid_option', path: ['method'] }]);
  });
});

describe('ces: properties', () => {
  const answers = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 200 });

  it('flipping the orientation mirrors percentEasy and percentDifficult', () => {
    fc.assert(
      fc.property(answers, (values) => {
        const higher = ces(values);
        const lower = ces(values, { orientation: 'lower-is-easier' });
        expect(lower.percentEasy).toBe(higher.percentDifficult);
        expect(lower.percentDifficult).toBe(higher.percentEasy);
        expect(lower.mean).toBe(higher.mean);
      }),
    );
  });

  it('mean and its interval stay on the scale; percentages on 0–100; net = easy − difficult', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(0.8, 0.95, 0.99), (values, level) => {
        const result = ces(values, { level });
        expect(result.mean).toBeGreaterThanOrEqual(1);
        expect(result.mean).toBeLessThanOrEqual(7);
        if (result.interval) {
          expect(result.interval.lower).toBeGreaterThanOrEqual(1);
          expect(result.interval.upper).toBeLessThanOrEqual(7);
          expect(result.interval.lower).toBeLessThanOrEqual(result.mean! + 1e-12);
          expect(result.interval.upper).toBeGreaterThanOrEqual(result.mean! - 1e-12);
        }
        expect(result.percentEasy! + result.percentDifficult!).toBeLessThanOrEqual(100 + 1e-9);
        expect(result.netEasy).toBeCloseTo(result.percentEasy! - result.percentDifficult!, 9);
      }),
    );
  });

  it('unit weights give exactly the unweighted result', () => {
    fc.assert(
      fc.property(answers, (values) => {
        const weighted = ces(values, { weights: values.map(() => 1) });
        const plain = ces(values);
        expect(weighted.mean).toBe(plain.mean);
        expect(weighted.standardError).toBeCloseTo(plain.standardError ?? 0, 12);
      }),
    );
  });
});

describe('compareCes', () => {
  it('equals R t.test(c(7, 6, 6, 5, 7), c(4, 5, 3, 6))', () => {
    // R: t = 2.2785119632047288, df = 4.9366886948312496, p = 0.0723480851682308,
    //    conf.int −0.2253353713621149 3.6253353713621155, stderr 0.7461009761866464
    const change = compareCes([7, 6, 6, 5, 7], [4, 5, 3, 6]);
    expect(change.difference).toBeCloseTo(1.7, 12);
    expect(change.statistic).toBeCloseTo(2.2785119632047288, 10);
    expect(change.df).toBeCloseTo(4.9366886948312496, 10);
    expect(change.pValue).toBeCloseTo(0.0723480851682308, 10);
    expect(change.standardError).toBeCloseTo(0.7461009761866464, 12);
    expect(change.interval!.lower).toBeCloseTo(-0.2253353713621149, 9);
    expect(change.interval!.upper).toBeCloseTo(3.6253353713621155, 9);
    expect(change.significant).toBe(false);
  });

  it('equals R t.test(a, b), also at conf.level = 0.9', () => {
    // R: t = 3.47718939642945, df = 100.841158462259, p = 7.49120473570458e-04,
    //    conf.int 0.483892856678895 1.76944047665444; at 0.9: 0.588765341467967 1.664567991865366
    const a = tallyFromCounts(CES_SCALE, countsA);
    const b = tallyFromCounts(CES_SCALE, countsB);
    const change = compareCes(a, b);
    expect(change.difference).toBeCloseTo(5.06666666666667 - 3.94, 12);
    expect(change.statistic).toBeCloseTo(3.47718939642945, 10);
    expect(change.df).toBeCloseTo(100.841158462259, 9);
    expect(change.pValue).toBeCloseTo(7.49120473570458e-4, 12);
    expect(change.interval!.lower).toBeCloseTo(0.483892856678895, 9);
    expect(change.interval!.upper).toBeCloseTo(1.76944047665444, 9);
    expect(change.significant).toBe(true);
    const at90 = compareCes(a, b, { level: 0.9 }).interval!;
    expect(at90.lower).toBeCloseTo(0.588765341467967, 9);
    expect(at90.upper).toBeCloseTo(1.664567991865366, 9);
  });

  it('weighted samples as tallies: svymean standard errors, Kish n − 1 in the Welch df', () => {
    // a: svymean SE 0.53274147253851 (above), Kish n 64/16.5; b = 4 5 3 6: sd/√4 = 0.645497224367903 (R).
    const a = tally([7, 5, 2, 6, 4], { scale: CES_SCALE, weights: [1, 2, 0.5, 3, 1.5] });
    const va = 0.53274147253851 ** 2;
    const vb = 0.645497224367903 ** 2;
    const change = compareCes(a, [4, 5, 3, 6]);
    expect(change.difference).toBeCloseTo(0.75, 12);
    expect(change.standardError).toBeCloseTo(Math.sqrt(va + vb), 12);
    expect(change.df).toBeCloseTo((va + vb) ** 2 / (va ** 2 / (64 / 16.5 - 1) + vb ** 2 / 3), 9);
  });

  it('a side with fewer than two answers, or nothing varying: nulls instead of numbers', () => {
    expect(compareCes([7], [4, 5])).toMatchObject({ difference: null, pValue: null, df: null });
    const flat = compareCes([6, 6, 6], [4, 4]);
    expect(flat).toMatchObject({ difference: 2, standardError: 0, statistic: null, pValue: null, significant: null, df: null });
    expect(flat.interval).toMatchObject({ lower: 2, upper: 2 });
  });

  it('errors name the side', () => {
    expect(issuesOf(() => compareCes([7], [4, 0]))).toEqual([{ code: 'out_of_range', path: ['b', 1] }]);
  });
});
