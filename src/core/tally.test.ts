import { describe, expect, it } from 'vitest';
import { caught } from '../../test/validation.js';
import { CxValidationError } from './errors.js';
import { CSAT_SCALE, NPS_SCALE } from './scale.js';
import { tally } from './tally.js';

describe('tally', () => {
  it('counts answers per point, missing apart', () => {
    const t = tally([10, 9, 9, 0, null, undefined, 7], { scale: NPS_SCALE });
    //                 0  1  2  3  4  5  6  7  8  9 10
    expect(t.counts).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1]);
    expect(t.sumWeights).toEqual(t.counts);
    expect(t.sumSquaredWeights).toEqual(t.counts);
    expect(t).toMatchObject({ n: 5, missing: 2, invalid: 0, rejected: [] });
  });

  it('sums weights and squared weights per point', () => {
    const t = tally([5, 5, 1, null], { scale: CSAT_SCALE, weights: [2, 0.5, 3, 7] });
    // point 5: Σw = 2 + 0.5 = 2.5, Σw² = 4 + 0.25 = 4.25; point 1: 3 and 9. The missing answer's weight is unused.
    expect(t.sumWeights).toEqual([3, 0, 0, 0, 2.5]);
    expect(t.sumSquaredWeights).toEqual([9, 0, 0, 0, 4.25]);
    expect(t.counts).toEqual([1, 0, 0, 0, 2]);
    expect(t.n).toBe(3);
    expect(t.missing).toBe(1);
  });

  it('counts notApplicable codes as missing', () => {
    const t = tally([0, 5, 4, 0, 3], { scale: CSAT_SCALE, notApplicable: [0] });
    expect(t.n).toBe(3);
    expect(t.missing).toBe(2);
  });

  it('reads typed arrays without copying and treats -0 as 0', () => {
    expect(tally(new Uint8Array([0, 10, 10]), { scale: NPS_SCALE }).counts[10]).toBe(2);
    expect(tally(new Float64Array([-0, 3.0]), { scale: NPS_SCALE }).counts.slice(0, 4)).toEqual([1, 0, 0, 1]);
    expect(tally(new Float32Array([1, 2]), { scale: CSAT_SCALE, weights: new Float64Array([0.5, 1]) }).sumWeights).toEqual([0.5, 1, 0, 0, 0]);
  });

  it('takes an empty input as a tally of zeros', () => {
    expect(tally([], { scale: NPS_SCALE })).toMatchObject({ n: 0, missing: 0, invalid: 0 });
  });

  it('survives JSON.stringify and never mutates its input', () => {
    const answers = Object.freeze([1, 2, null, 9.5]);
    const weights = Object.freeze([1, 1, 1, 1]);
    const t = tally(answers, { scale: NPS_SCALE, weights, invalid: 'skip' });
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
    expect(answers).toEqual([1, 2, null, 9.5]);
  });
});

describe('tally: bad answers', () => {
  const cases: [string, unknown, string][] = [
    ['NaN', Number.NaN, 'not_finite'],
    ['Infinity', Infinity, 'not_finite'],
    ['-Infinity', -Infinity, 'not_finite'],
    ['a fraction', 6.5, 'not_integer'],
    ['above the scale', 11, 'out_of_range'],
    ['below the scale', -1, 'out_of_range'],
    ['a numeric string', '9', 'invalid_type'],
    ['an object', { score: 9 }, 'invalid_type'],
    ['an array', [9], 'invalid_type'],
    ['a boolean', true, 'invalid_type'],
    ['a bigint', 9n, 'invalid_type'],
  ];
  it.each(cases)('refuses %s with its index', (_name, value, code) => {
    const error = caught(() => tally([10, 9, value as number], { scale: NPS_SCALE }));
    expect(error.issues).toEqual([expect.objectContaining({ code, path: [2] })]);
    expect(error.message).toContain('[2]');
  });

  it('refuses holes of sparse arrays but accepts explicit undefined', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3] as (number | undefined)[];
    expect(caught(() => tally(sparse, { scale: NPS_SCALE })).issues[0]).toMatchObject({ code: 'sparse', path: [1] });
    expect(tally([1, undefined, 3], { scale: NPS_SCALE }).missing).toBe(1);
  });

  it('reports every invalid answer: the first 100 listed, all counted', () => {
    const answers = Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? 5 : 11));
    const error = caught(() => tally(answers, { scale: NPS_SCALE }));
    expect(error.issueCount).toBe(125);
    expect(error.issues).toHaveLength(100);
    expect(error.issues[0]!.path).toEqual([1]);
    expect(error.message).toMatch(/^125 invalid inputs: \[1\]: 11 is outside the scale 0–10;.*and 120 more$/);
  });

  it('with invalid: skip, leaves invalid answers out, counts and lists them', () => {
    const t = tally([10, Number.NaN, '9' as unknown as number, 6.5, null, 3], { scale: NPS_SCALE, invalid: 'skip' });
    expect(t).toMatchObject({ n: 2, missing: 1, invalid: 3 });
    expect(t.rejected.map((r) => [r.index, r.value, r.code])).toEqual([
      [1, 'NaN', 'not_finite'],
      [2, '"9"', 'invalid_type'],
      [3, '6.5', 'not_integer'],
    ]);
    // Nothing is lost: every position is answered, missing or invalid.
    expect(t.n + t.missing + t.invalid).toBe(6);
  });

  it('keeps the first 100 rejected answers but counts all', () => {
    const t = tally(new Array<number>(300).fill(42), { scale: NPS_SCALE, invalid: 'skip' });
    expect(t.invalid).toBe(300);
    expect(t.rejected).toHaveLength(100);
    expect(t.rejected[99]!.index).toBe(99);
  });

  it('refuses input that is not an array', () => {
    expect(caught(() => tally('1,2,3' as unknown as number[], { scale: NPS_SCALE })).issues[0]).toMatchObject({ code: 'invalid_type', path: [] });
    expect(() => tally(new BigInt64Array(2) as unknown as number[], { scale: NPS_SCALE })).toThrow(CxValidationError);
  });
});

describe('tally: bad weights and options', () => {
  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['infinite', Infinity],
    ['a string', '2'],
    ['null', null],
    ['1e101 (its square would pass 1e200)', 1e101],
    ['positive but below 1e-100 (its square would vanish)', 1e-101],
  ])('refuses a %s weight, naming its index', (_name, weight) => {
    const error = caught(() => tally([1, 2, 3], { scale: CSAT_SCALE, weights: [1, weight as number, 1] }));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'invalid_weight', path: ['weights', 1] })]);
  });

  it('takes weights at the bounds, 0 and 1e-100 to 1e100, whose squares stay finite and non-zero', () => {
    // On point 5: Σw = 1e100 + 1e-100 = 1e100 in doubles, Σw² = 1e200 + 1e-200 = 1e200.
    const edge = tally([5, 5, 5], { scale: CSAT_SCALE, weights: [1e100, 1e-100, 0] });
    expect(edge).toMatchObject({ n: 3, counts: [0, 0, 0, 0, 3], sumWeights: [0, 0, 0, 0, 1e100], sumSquaredWeights: [0, 0, 0, 0, 1e200] });
    expect(tally([1], { scale: CSAT_SCALE, weights: [1e-100] }).sumSquaredWeights[0]).toBe(1e-200);
  });

  it('skips an answer with a bad weight under invalid: skip', () => {
    const t = tally([1, 2, 3], { scale: CSAT_SCALE, weights: [1, -2, 1], invalid: 'skip' });
    expect(t).toMatchObject({ n: 2, invalid: 1 });
    expect(t.rejected[0]).toMatchObject({ index: 1, code: 'invalid_weight' });
  });

  it('refuses weights of the wrong length', () => {
    expect(caught(() => tally([1, 2, 3], { scale: CSAT_SCALE, weights: [1, 1] })).issues[0]).toMatchObject({
      code: 'length_mismatch',
      path: ['weights'],
    });
  });

  it('refuses bad scales, unknown options and notApplicable codes on the scale', () => {
    expect(caught(() => tally([1], { scale: { min: 1, max: 1 } })).issues[0]!.path).toEqual(['scale', 'max']);
    expect(caught(() => tally([1], { scale: { min: 0.5, max: 5 } })).issues[0]!.path).toEqual(['scale', 'min']);
    expect(caught(() => tally([1], { scale: { min: 0, max: 5000 } })).issues[0]!.path).toEqual(['scale']);
    expect(caught(() => tally([1], { scale: CSAT_SCALE, wieghts: [1] } as never)).issues[0]).toMatchObject({
      code: 'invalid_option',
      path: ['wieghts'],
    });
    expect(caught(() => tally([1], { scale: CSAT_SCALE, notApplicable: [3] })).issues[0]!.path).toEqual(['notApplicable', 0]);
    expect(caught(() => tally([1], { scale: CSAT_SCALE, invalid: 'ignore' as never })).issues[0]!.path).toEqual(['invalid']);
  });
});

describe('tally: scales below zero', () => {
  it('a tiny non-integer is not rounded onto a point by subtracting min (found by the answersSchema property)', () => {
    // 5e-324 − (−2) is exactly 2 in binary arithmetic, which once passed for the point 0.
    expect(caught(() => tally([5e-324], { scale: { min: -2, max: 2 } })).issues[0]).toMatchObject({ code: 'not_integer', path: [0] });
    expect(tally([-2, 0, 2], { scale: { min: -2, max: 2 } }).counts).toEqual([1, 0, 1, 0, 1]);
  });
});
