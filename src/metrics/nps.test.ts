import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { mergeTallies } from '../core/merge-tallies.js';
import { CSAT_SCALE, NPS_SCALE } from '../core/scale.js';
import { tally } from '../core/tally.js';
import { tallyFromCounts } from '../core/tally-from-counts.js';
import { roundPercentages } from '../core/round-percentages.js';
import { nps } from './nps.js';
import { statistics } from '../../test/statistics-reference.js';

/** qnorm(0.975) in R. */
const Z95 = 1.959963984540054;

describe('nps: published examples', () => {
  it('R package NPS (Rocks): nps(c(0,7,7,9,9,9)) = 1/3', () => {
    expect(nps([0, 7, 7, 9, 9, 9]).score).toBeCloseTo(100 / 3, 12);
  });

  it('R package NPS (Rocks): standard errors of (detractors, passives, promoters)', () => {
    // nps_se for counts (D, Pa, P), on the 0–1 scale: 0.304, 0.707, 0.354, 0.471.
    const cases: [number, number, number, number][] = [
      [1, 2, 3, 0.304],
      [1, 0, 1, 0.707],
      [0, 1, 1, 0.354],
      [1, 1, 1, 0.471],
    ];
    for (const [d, pa, p, se] of cases) {
      const result = nps(tallyFromCounts(NPS_SCALE, { 0: d, 7: pa, 10: p }));
      expect(result.standardError! / 100).toBeCloseTo(se, 3);
    }
  });

  it('SurveyJS: [1, 10, 8, 7, 9, 9] → 33.33 with 16.67 / 33.33 / 50 %', () => {
    const result = nps([1, 10, 8, 7, 9, 9]);
    expect(result.score).toBeCloseTo(33.33, 2);
    const { detractors, passives, promoters } = result.percent!;
    expect(roundPercentages([detractors, passives, promoters], 2)).toEqual([16.67, 33.33, 50]);
  });

  it('Formbricks: [10, 7, 3, 9] → 25', () => {
    expect(nps([10, 7, 3, 9]).score).toBeCloseTo(25, 12);
  });
});

describe('nps: intervals by hand', () => {
  it('adjusted Wald (Rocks 2016) for D, Pa, P = 1, 2, 3', () => {
    // ñ = 6 + 3 = 9; p̃ = (3 + .75)/9; d̃ = (1 + .75)/9; NPS̃ = p̃ − d̃ = 2/9.
    const p = 3.75 / 9;
    const d = 1.75 / 9;
    const center = p - d;
    const half = Z95 * Math.sqrt((p + d - center ** 2) / 9);
    const { interval } = nps([0, 7, 7, 9, 9, 9]);
    expect(interval!.method).toBe('adjusted-wald');
    expect(interval!.lower).toBeCloseTo((center - half) * 100, 10); // −26.743
    expect(interval!.upper).toBeCloseTo((center + half) * 100, 10); // 71.188
  });

  it('Wald at 90 % for the same answers', () => {
    // SE = √((1/2 + 1/6 − (1/3)²)/6); qnorm(0.95) in R: 1.6448536269514722.
    const se = Math.sqrt((0.5 + 1 / 6 - 1 / 9) / 6);
    const { interval, standardError } = nps([0, 7, 7, 9, 9, 9], { interval: 'wald', level: 0.9 });
    expect(standardError! / 100).toBeCloseTo(se, 12);
    expect(interval).toMatchObject({ level: 0.9, method: 'wald' });
    expect(interval!.lower).toBeCloseTo((1 / 3 - 1.6448536269514722 * se) * 100, 10);
    expect(interval!.upper).toBeCloseTo((1 / 3 + 1.6448536269514722 * se) * 100, 10);
  });

  it('clips bounds to −100…100', () => {
    // Ten promoters: p̃ = 10.75/13, d̃ = 0.75/13, centre 10/13, SE = √((11.5/13 − (10/13)²)/13).
    const result = nps(new Array(10).fill(10));
    const center = 10 / 13;
    const se = Math.sqrt((11.5 / 13 - center ** 2) / 13);
    expect(result.interval!.upper).toBe(100); // centre + 1.96 SE = 1.063, clipped
    expect(result.interval!.lower).toBeCloseTo((center - Z95 * se) * 100, 10);
    expect(nps(new Array(10).fill(10), { interval: 'wald' }).interval).toMatchObject({ lower: 100, upper: 100 });
  });
});

describe('nps: iterative score interval (R package NPS, Rocks)', () => {
  /** Answers with the given detractors, passives and promoters. */
  const answersOf = ([detractors, passives, promoters]: readonly number[]) => tallyFromCounts(NPS_SCALE, { 0: detractors!, 7: passives!, 10: promoters! });

  it('equals the two roots of Tango’s statistic found by R uniroot to 1e-14, at 95 % and 80 %, to 1e-9', () => {
    for (const { counts, ci95, ci80 } of statistics.npsIterative) {
      for (const [level, expected] of [[0.95, ci95], [0.8, ci80]] as const) {
        const { interval } = nps(answersOf(counts), { interval: 'iterative', level });
        expect(interval!.method).toBe('iterative');
        expect(Math.abs(interval!.lower - expected[0] * 100), `${counts} at ${level}`).toBeLessThanOrEqual(1e-9 * 100);
        expect(Math.abs(interval!.upper - expected[1] * 100), `${counts} at ${level}`).toBeLessThanOrEqual(1e-9 * 100);
      }
    }
  });

  it('equals the package’s own iterative() within its 1e-6 bisection', () => {
    const withPackage = statistics.npsIterative.filter((c) => c.rocks95 !== undefined);
    expect(withPackage.length).toBe(statistics.npsIterative.length);
    for (const { counts, rocks95 } of withPackage) {
      const { interval } = nps(answersOf(counts), { interval: 'iterative' });
      expect(Math.abs(interval!.lower / 100 - rocks95![0]), `${counts}`).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(interval!.upper / 100 - rocks95![1]), `${counts}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('ends at −100 with only detractors and at 100 with only promoters', () => {
    expect(nps([0, 3, 6], { interval: 'iterative' }).interval!.lower).toBe(-100);
    expect(nps([9, 10, 10], { interval: 'iterative' }).interval!.upper).toBe(100);
    expect(nps([], { interval: 'iterative' }).interval).toBeNull();
  });

  it('all detractors with weights: the closed form of the upper root on the effective n', () => {
    // With b = n the statistic reduces to T(Δ) = −√(n(1 + Δ)/(1 − Δ)), so T = −z at
    // Δ = (z² − n)/(z² + n); weights 0.1, 0.2, 0.3 give n_eff = 0.36/0.14 (and rounding noise in
    // the effective detractor count, which must not turn into NaN).
    const n = 0.36 / 0.14;
    const { interval } = nps([0, 1, 2], { weights: [0.1, 0.2, 0.3], interval: 'iterative' });
    expect(interval!.lower).toBe(-100);
    expect(interval!.upper).toBeCloseTo(((Z95 ** 2 - n) / (Z95 ** 2 + n)) * 100, 8);
  });

  it('with weights works on the Kish effective counts: equal weights give the unweighted interval', () => {
    const answers = [10, 10, 9, 8, 3, 0, 7];
    const unweighted = nps(answers, { interval: 'iterative' }).interval!;
    const weighted = nps(answers, { interval: 'iterative', weights: answers.map(() => 2.5) }).interval!;
    expect(weighted.lower).toBeCloseTo(unweighted.lower, 9);
    expect(weighted.upper).toBeCloseTo(unweighted.upper, 9);
  });

  it('always contains the raw score and stays inside −100…100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 80 }), fc.constantFrom(0.8, 0.95, 0.99), (a, level) => {
        const result = nps(a, { interval: 'iterative', level });
        expect(result.interval!.lower).toBeGreaterThanOrEqual(-100);
        expect(result.interval!.upper).toBeLessThanOrEqual(100);
        expect(result.interval!.lower).toBeLessThanOrEqual(result.score! + 1e-9);
        expect(result.interval!.upper).toBeGreaterThanOrEqual(result.score! - 1e-9);
      }),
    );
  });
});

describe('nps: weights', () => {
  // answers 10 9 8 7 6 3 10 0, weights 1.5 2 1 .5 3 1 2.5 1: Σw = 12.5,
  // promoters 1.5 + 2 + 2.5 = 6, passives 1 + .5 = 1.5, detractors 3 + 1 + 1 = 5.
  const answers = [10, 9, 8, 7, 6, 3, 10, 0];
  const weights = [1.5, 2, 1, 0.5, 3, 1, 2.5, 1];

  it('weights the shares and gives the linearised standard error', () => {
    const result = nps(answers, { weights });
    expect(result.score).toBeCloseTo(((6 - 5) / 12.5) * 100, 12); // 8
    expect(result).toMatchObject({ promoters: 6, passives: 1.5, detractors: 5, weightedN: 12.5, n: 8 });
    // Σw² by band: promoters 2.25 + 4 + 6.25 = 12.5, passives 1 + .25 = 1.25, detractors 9 + 1 + 1 = 11.
    const se = Math.sqrt(12.5 * (1 - 0.08) ** 2 + 1.25 * 0.08 ** 2 + 11 * (-1 - 0.08) ** 2) / 12.5;
    expect(result.standardError! / 100).toBeCloseTo(se, 12);
    // R, survey 4.1-1: svymean(~y, svydesign(ids=~1, weights=~w, data=d)) gives SE 0.413870593992166,
    // with an n/(n−1) factor: × √(7/8) = 0.387140491294827.
    expect(result.standardError! / 100).toBeCloseTo(0.387140491294827, 12);
    // Kish: 12.5² / (12.5 + 1.25 + 11) = 156.25 / 24.75.
    expect(result.effectiveN).toBeCloseTo(156.25 / 24.75, 12);
  });

  it('weights at the bounds keep every figure finite', () => {
    // Σw = 1e100 (the 1e-100 is lost in rounding), Σw² = 1e200: effective n = 1e200 / 1e200 = 1.
    // All promoters: score 100, SE 0 (no spread).
    const edge = nps([10, 10, 10], { weights: [1e100, 1e-100, 0] });
    expect(edge).toMatchObject({ n: 3, weightedN: 1e100, effectiveN: 1, score: 100, standardError: 0 });
  });

  it('adjusted Wald on the Kish effective n', () => {
    const effectiveN = 156.25 / 24.75;
    const p = ((6 / 12.5) * effectiveN + 0.75) / (effectiveN + 3);
    const d = ((5 / 12.5) * effectiveN + 0.75) / (effectiveN + 3);
    const half = Z95 * Math.sqrt((p + d - (p - d) ** 2) / (effectiveN + 3));
    const { interval } = nps(answers, { weights });
    expect(interval!.lower).toBeCloseTo((p - d - half) * 100, 10);
    expect(interval!.upper).toBeCloseTo((p - d + half) * 100, 10);
  });

  it('all-zero weights give no score rather than NaN', () => {
    const result = nps([10, 0], { weights: [0, 0] });
    expect(result).toMatchObject({ n: 2, weightedN: 0, effectiveN: 0, score: null, percent: null, interval: null, standardError: null });
  });
});

describe('nps: options and inputs', () => {
  it('empty input is no error: score null, counts 0', () => {
    expect(nps([])).toMatchObject({ score: null, interval: null, standardError: null, n: 0, promoters: 0 });
    expect(nps([null, undefined])).toMatchObject({ score: null, missing: 2 });
  });

  it('takes custom bands and scales', () => {
    // 1–5 scale, detractors 1–3, promoters 5: [5, 5, 4, 2] → (2 − 1)/4.
    expect(nps([5, 5, 4, 2], { scale: CSAT_SCALE, bands: { detractorMax: 3, promoterMin: 5 } }).score).toBeCloseTo(25, 12);
    // promoters from 10 only: [10, 9, 3] → (1 − 1)/3 = 0.
    expect(nps([10, 9, 3], { bands: { promoterMin: 10 } })).toMatchObject({ score: 0, passives: 1 });
  });

  it('reads tallies, and refuses reading options that cannot apply to one', () => {
    const t = tally([10, 9, 0], { scale: NPS_SCALE });
    expect(nps(t)).toEqual(nps([10, 9, 0]));
    expect(() => nps(t, { weights: [1, 1, 1] })).toThrow(/weights applies while reading answers/);
    expect(() => nps(t, { scale: CSAT_SCALE })).toThrow(/the tally is on 0–10, not on 1–5/);
  });

  it('counts notApplicable and skipped answers', () => {
    const result = nps([10, 99, 7, 'x' as never, 11], { notApplicable: [99], invalid: 'skip' });
    expect(result).toMatchObject({ n: 2, missing: 1, invalid: 2, score: 50 });
    expect(result.rejected.map((r) => r.index)).toEqual([3, 4]);
  });

  it('refuses bad options with a path', () => {
    const path = (options: object) => {
      try {
        nps([10], options);
      } catch (error) {
        return (error as CxValidationError).issues[0]!.path;
      }
      return null;
    };
    expect(path({ level: 1 })).toEqual(['level']);
    expect(path({ level: 0 })).toEqual(['level']);
    expect(path({ interval: 'wilson' })).toEqual(['interval']);
    expect(path({ bands: { detractorMax: 9, promoterMin: 9 } })).toEqual(['bands', 'promoterMin']);
    expect(path({ bands: { detractorMax: 6.5 } })).toEqual(['bands', 'detractorMax']);
    expect(path({ scale: CSAT_SCALE })).toEqual(['bands', 'detractorMax']); // 6 is not on 1–5
    expect(path({ colour: 'red' })).toEqual(['colour']);
  });

  it('throws on invalid answers by default, naming the index', () => {
    expect(() => nps([10, 9, Number.NaN])).toThrow(/\[2\]: NaN is not a finite number/);
  });
});

describe('nps: properties', () => {
  const answer = fc.integer({ min: 0, max: 10 });
  const answers = fc.array(answer, { maxLength: 60 });

  it('score within −100…100 and bands adding up to n', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = nps(a);
        expect(result.promoters + result.passives + result.detractors).toBe(a.length);
        if (a.length === 0) return;
        expect(result.score!).toBeGreaterThanOrEqual(-100);
        expect(result.score!).toBeLessThanOrEqual(100);
        expect(result.interval!.lower).toBeGreaterThanOrEqual(-100);
        expect(result.interval!.upper).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('does not depend on the order of answers', () => {
    fc.assert(
      fc.property(answers, fc.integer(), (a, seed) => {
        const shuffled = [...a].sort((x, y) => ((x * 31 + seed) % 7) - ((y * 31 + seed) % 7));
        expect(nps(shuffled)).toEqual(nps(a));
      }),
    );
  });

  it('merged tallies give the result of the concatenation', () => {
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        expect(nps(mergeTallies(tally(a, { scale: NPS_SCALE }), tally(b, { scale: NPS_SCALE })))).toEqual(nps([...a, ...b]));
      }),
    );
  });

  it('unit weights give exactly the unweighted result', () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(nps(a, { weights: a.map(() => 1) })).toEqual(nps(a));
      }),
    );
  });

  it('Wald intervals always contain the score; adjusted Wald from n = 2 at 95 %', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 2, maxLength: 60 }), (a) => {
        for (const interval of ['wald', 'adjusted-wald'] as const) {
          const result = nps(a, { interval });
          expect(result.interval!.lower).toBeLessThanOrEqual(result.score! + 1e-9);
          expect(result.interval!.upper).toBeGreaterThanOrEqual(result.score! - 1e-9);
        }
      }),
    );
  });

  it('documents where adjusted Wald excludes the raw score: one answer', () => {
    // A lone promoter: centre (1.75 − 0.75)/4 = 0.25, SE = √((2.5/4 − 0.0625)/4) = 0.375, upper 0.985 < 1.
    expect(nps([10]).interval!.upper).toBeCloseTo((0.25 + Z95 * 0.375) * 100, 10);
  });
});
