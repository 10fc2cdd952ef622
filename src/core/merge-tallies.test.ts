import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../test/validation.js';
import { CxValidationError } from './errors.js';
import { mergeTallies } from './merge-tallies.js';
import { CSAT_SCALE, NPS_SCALE } from './scale.js';
import { tally } from './tally.js';

/** Answers as they come from real exports: points, blanks, and junk. */
const messyAnswer = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 11, -1, 6.5, Infinity) },
);

describe('mergeTallies', () => {
  it('equals the tally of the concatenation, rejected indices included', () => {
    fc.assert(
      fc.property(fc.array(messyAnswer), fc.array(messyAnswer), fc.array(messyAnswer), (a, b, c) => {
        const options = { scale: NPS_SCALE, invalid: 'skip' } as const;
        const merged = mergeTallies(tally(a, options), tally(b, options), tally(c, options));
        expect(merged).toEqual(tally([...a, ...b, ...c], options));
      }),
    );
  });

  it('equals the concatenation with integer weights exactly', () => {
    const weighted = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 20 })));
    fc.assert(
      fc.property(weighted, weighted, (a, b) => {
        const of = (rows: [number, number][]) => tally(rows.map((r) => r[0]), { scale: CSAT_SCALE, weights: rows.map((r) => r[1]) });
        expect(mergeTallies(of(a), of(b))).toEqual(of([...a, ...b]));
      }),
    );
  });

  it('merges 10 000 chunk tallies into the single-pass tally', () => {
    const answers = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 11);
    const chunks = Array.from({ length: 10_000 }, (_, i) => tally(answers.slice(i * 5, i * 5 + 5), { scale: NPS_SCALE }));
    const [first, ...rest] = chunks;
    expect(mergeTallies(first!, ...rest)).toEqual(tally(answers, { scale: NPS_SCALE }));
  });

  it('refuses tallies of different scales and malformed tallies, naming which', () => {
    const a = tally([1], { scale: NPS_SCALE });
    const b = tally([1], { scale: CSAT_SCALE });
    expect(() => mergeTallies(a, b)).toThrow(/cannot merge a tally on 1–5 into one on 0–10/);
    const broken = { ...a, n: 5 };
    expect(caught(() => mergeTallies(a, broken)).issues[0]).toMatchObject({ code: 'invalid_tally', path: [1, 'n'] });
    expect(() => mergeTallies({ ...a, counts: [1] })).toThrow(/counts needs one entry per scale point \(11\)/);
    expect(() => mergeTallies({ ...a, sumWeights: a.sumWeights.map(() => -1) })).toThrow(CxValidationError);
    // Sums no valid weights give: weight whose squares vanished, or larger than 1e100 per answer.
    const point1 = (sumWeights: number, sumSquaredWeights: number) => ({ ...a, sumWeights: a.sumWeights.map((w, k) => (k === 1 ? sumWeights : w)), sumSquaredWeights: a.sumSquaredWeights.map((w, k) => (k === 1 ? sumSquaredWeights : w)) });
    expect(a.counts[1]).toBe(1);
    expect(() => mergeTallies(point1(1e-200, 0))).toThrow(/point 1: the sum of weights and the sum of squared weights must both be 0 or both be positive/);
    expect(() => mergeTallies(point1(1e300, 1e300))).toThrow(/point 1: sums of weights larger than weights up to 1e100 can give/);
    // 1000 weights of 1e100 add up, with rounding, to a little more than 1000 × 1e100: accepted.
    const heavy = tally(new Array<number>(1000).fill(9), { scale: NPS_SCALE, weights: new Array<number>(1000).fill(1e100) });
    expect(heavy.sumWeights[9]).toBeGreaterThan(1e103);
    expect(mergeTallies(heavy, heavy).n).toBe(2000);
    expect(() => mergeTallies({ ...a, extra: 1 } as never)).toThrow(/unknown option "extra"/);
  });
});
