import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { ces } from './ces.js';
import { satisfactionIndex } from './satisfaction-index.js';

const FIVE = { min: 1, max: 5 };
const SEVEN = { min: 1, max: 7 };

// The data of the R reference below; null = not answered.
const rows = [
  { y1: 5, y2: 7, w: 1 },
  { y1: 4, y2: null, w: 2 },
  { y1: null, y2: 6, w: 1.5 },
  { y1: 2, y2: 3, w: 0.5 },
  { y1: 5, y2: 6, w: 1 },
  { y1: 3, y2: null, w: 3 },
  { y1: 4, y2: 5, w: 2 },
  { y1: null, y2: 2, w: 1 },
];
const items = [
  { field: 'y1', scale: FIVE, weight: 2 },
  { field: 'y2', scale: SEVEN, weight: 1 },
];

describe('satisfactionIndex: the index', () => {
  it('rescales each item mean to 0–100 and weights the items', () => {
    // y1: 5 4 2 5 3 4 → mean 23/6, (23/6 − 1)/4·100 = 70.8333; y2: 7 6 3 6 5 2 → mean 29/6, (29/6 − 1)/6·100 = 63.8889.
    const result = satisfactionIndex(rows, { items });
    expect(result.items[0]!.score).toBeCloseTo(((23 / 6 - 1) / 4) * 100, 12);
    expect(result.items[1]!.score).toBeCloseTo(((29 / 6 - 1) / 6) * 100, 12);
    expect(result.items[0]!.share).toBeCloseTo(2 / 3, 15);
    // (2 × 70.8333 + 63.8889) / 3 = 68.5185185185185 (R below)
    expect(result.score).toBeCloseTo(68.5185185185185, 12);
    expect(result).toMatchObject({ metric: 'satisfaction-index', rows: 8, n: 8, missing: 0, invalid: 0 });
    expect(result.items[0]).toMatchObject({ n: 6, missing: 2 });
  });

  it('standard error and t interval equal R survey, with and without respondent weights', () => {
    // R 4.2.2, survey 4.1: with z_i = y_i (0 when not answered) and a_i = answered (0/1),
    //   tot <- svytotal(~z1 + a1 + z2 + a2, svydesign(ids = ~1, weights = ~w, data = d))
    //   svycontrast(tot, quote((2/3) * (z1/a1 - 1) / 4 * 100 + (1/3) * (z2/a2 - 1) / 6 * 100))
    // weights = ~1: 68.5185185185185, SE 11.0225749502644;
    //   68.5185185185185 ∓ qt(0.975, 7) × SE = 42.45427047612418, 94.58276656091283
    const plain = satisfactionIndex(rows, { items });
    expect(plain.standardError).toBeCloseTo(11.0225749502644, 10);
    expect(plain.interval!.method).toBe('t');
    expect(plain.interval!.lower).toBeCloseTo(42.45427047612418, 9);
    expect(plain.interval!.upper).toBeCloseTo(94.58276656091283, 9);
    // weights = ~w: 69.11027568922304, SE 7.75510045516395; Kish n = 12² / 22.5 = 6.4 →
    //   69.11027568922304 − qt(0.975, 5.4) × SE = 49.6112232333658
    const weighted = satisfactionIndex(rows, { items, weight: 'w' });
    expect(weighted.score).toBeCloseTo(69.11027568922304, 10);
    expect(weighted.standardError).toBeCloseTo(7.75510045516395, 10);
    expect(weighted.effectiveN).toBeCloseTo(6.4, 12);
    expect(weighted.weightedN).toBe(12);
    expect(weighted.interval!.lower).toBeCloseTo(49.6112232333658, 9);
  });

  it('an item that nobody answered is left out and the others reweighted', () => {
    const result = satisfactionIndex([{ a: 5, b: null }, { a: 3, b: 0 }], {
      items: [{ field: 'a', scale: FIVE }, { field: 'b', scale: FIVE, weight: 3 }],
      notApplicable: [0],
    });
    expect(result.items[1]).toMatchObject({ score: null, share: 0, n: 0, missing: 2 });
    expect(result.score).toBeCloseTo(75, 12); // a alone: mean 4 → 75
  });

  it('empty rows, or nothing answered: score null, no NaN', () => {
    expect(satisfactionIndex([], { items })).toMatchObject({ score: null, standardError: null, interval: null, n: 0, rows: 0 });
    const unanswered = satisfactionIndex([{ y1: null, y2: undefined }], { items });
    expect(unanswered).toMatchObject({ score: null, n: 0, missing: 1 });
  });

  it('skipped answers are counted and listed with their row', () => {
    const result = satisfactionIndex([{ y1: 5, y2: 9 }, { y1: 'x', y2: 4 }, { y1: 3, y2: 2 }], { items, invalid: 'skip' });
    expect(result.invalid).toBe(2);
    expect(result.items[0]!.rejected).toEqual([expect.objectContaining({ index: 1, value: '"x"', code: 'invalid_type' })]);
    expect(result.items[1]!.rejected).toEqual([expect.objectContaining({ index: 0, value: '9', code: 'out_of_range' })]);
    expect(result.n).toBe(3);
  });

  it('does not mutate rows or options', () => {
    const input = structuredClone(rows);
    const options = { items: structuredClone(items), weight: 'w' };
    satisfactionIndex(input, options);
    expect(input).toEqual(rows);
    expect(options.items).toEqual(items);
  });
});

describe('satisfactionIndex: bad input names row and field', () => {
  it('answers off the scale, not integers, text', () => {
    expect(issuesOf(() => satisfactionIndex([{ y1: 6, y2: 7 }, { y1: 4.5, y2: '7' }], { items }))).toEqual([
      { code: 'out_of_range', path: [0, 'y1'] },
      { code: 'not_integer', path: [1, 'y1'] },
      { code: 'invalid_type', path: [1, 'y2'] },
    ]);
  });

  it('a field no row has, a missing weight field, rows that are not objects, bad weights', () => {
    expect(issuesOf(() => satisfactionIndex(rows, { items: [{ field: 'y3', scale: FIVE }] }))).toEqual([{ code: 'unknown_field', path: ['items', 0, 'field'] }]);
    expect(issuesOf(() => satisfactionIndex(rows, { items, weight: 'weight' }))).toEqual([{ code: 'unknown_field', path: ['weight'] }]);
    expect(issuesOf(() => satisfactionIndex([{ y1: 5, y2: 5 }, null as unknown as object], { items }))).toEqual([{ code: 'invalid_type', path: [1] }]);
    expect(issuesOf(() => satisfactionIndex([{ y1: 5, y2: 5, w: -1 }], { items, weight: 'w' }))).toEqual([{ code: 'invalid_weight', path: [0, 'w'] }]);
  });

  it('duplicate fields, negative or all-zero item weights, N/A codes that are scale points', () => {
    expect(issuesOf(() => satisfactionIndex(rows, { items: [items[0]!, items[0]!] }))).toEqual([{ code: 'invalid_option', path: ['items', 1, 'field'] }]);
    expect(issuesOf(() => satisfactionIndex(rows, { items: [{ field: 'y1', scale: FIVE, weight: -1 }] }))).toEqual([{ code: 'invalid_option', path: ['items', 0, 'weight'] }]);
    expect(issuesOf(() => satisfactionIndex(rows, { items: [{ field: 'y1', scale: FIVE, weight: 0 }] }))).toEqual([{ code: 'invalid_option', path: ['items'] }]);
    expect(issuesOf(() => satisfactionIndex(rows, { items: [{ field: 'y1', scale: FIVE, notApplicable: [3] }] }))).toEqual([
      { code: 'invalid_option', path: ['items', 0, 'notApplicable', 0] },
    ]);
    expect(issuesOf(() => satisfactionIndex(rows, { items: [] }))).toEqual([{ code: 'invalid_option', path: ['items'] }]);
  });

  it('under skip a bad row is counted invalid in every item', () => {
    const result = satisfactionIndex([{ y1: 5, y2: 5, w: 1 }, { y1: 4, y2: 4, w: Number.NaN }], { items, weight: 'w', invalid: 'skip' });
    expect(result.items.map((item) => item.invalid)).toEqual([1, 1]);
    expect(result.n).toBe(1);
  });
});

describe('satisfactionIndex: properties', () => {
  const answers = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 100 });

  it('one item: the index is its rescaled mean and s/√n rescaled (CES mean as reference)', () => {
    fc.assert(
      fc.property(answers, (values) => {
        const index = satisfactionIndex(values.map((q) => ({ q })), { items: [{ field: 'q', scale: SEVEN }] });
        const mean = ces(values);
        expect(index.score).toBeCloseTo(((mean.mean! - 1) / 6) * 100, 9);
        expect(index.standardError).toBeCloseTo(((mean.standardError ?? 0) * 100) / 6, 9);
      }),
    );
  });

  it('the index lies between the lowest and highest item score; reordering rows changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const data = pairs.map(([y1, y2]) => ({ y1, y2 }));
        const result = satisfactionIndex(data, { items });
        const scores = result.items.map((item) => item.score!);
        expect(result.score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
        expect(result.score).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
        const reversed = satisfactionIndex(data.slice().reverse(), { items });
        expect(reversed.score).toBeCloseTo(result.score!, 9);
        expect(reversed.standardError ?? 0).toBeCloseTo(result.standardError ?? 0, 9);
      }),
    );
  });
});
