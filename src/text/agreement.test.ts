import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { codingAgreement } from './coding-agreement.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';

describe("codingAgreement: Cohen's κ per theme", () => {
  it("the textbook example: 50 comments, both yes 20, only A 5, only B 10, both no 15 → pₒ 0.7, pₑ 0.5, κ 0.4", () => {
    // Cohen's kappa as worked in most introductions (e.g. the Wikipedia article's first example).
    const a = [...Array(20).fill(['x']), ...Array(5).fill(['x']), ...Array(10).fill([]), ...Array(15).fill([])];
    const b = [...Array(20).fill(['x']), ...Array(5).fill([]), ...Array(10).fill(['x']), ...Array(15).fill([])];
    const [theme] = codingAgreement(a, b).themes;
    expect(theme).toMatchObject({ id: 'x', n: 50, both: 20, onlyA: 5, onlyB: 10, neither: 15, agreement: 70 });
    expect(theme!.kappa).toBeCloseTo(0.4, 12);
  });

  it('a comment either coding left out (null) is not counted; κ is null when both always agree on one code', () => {
    const result = codingAgreement([['a'], null, ['a']], [['a'], ['a'], ['a']]);
    expect(result.n).toBe(2);
    expect(result.themes[0]).toMatchObject({ kappa: null, agreement: 100 });
  });

  it('codings of different lengths, or entries that are not lists, are refused', () => {
    expect(issuesOf(() => codingAgreement([['a']], []))).toEqual([{ code: 'length_mismatch', path: [] }]);
    expect(issuesOf(() => codingAgreement([['a'], 'b' as never], [['a'], ['b']]))).toEqual([{ code: 'invalid_type', path: ['a', 1] }]);
  });
});

describe("krippendorffAlpha: Krippendorff's (2011) worked example", () => {
  // "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers, twelve
  // units, missing values; published α: nominal 0.743, interval 0.849.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);

  it('nominal: 0.743, on 40 pairable values of 11 units (unit 12 has one value)', () => {
    const result = krippendorffAlpha(units, { level: 'nominal' });
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect([result.units, result.values]).toEqual([11, 40]);
  });

  it('interval: 0.849', () => {
    expect(krippendorffAlpha(units, { level: 'interval' }).alpha).toBeCloseTo(0.849, 3);
  });

  it('text codes are nominal values; interval values must be numbers', () => {
    expect(krippendorffAlpha([['price', 'price'], ['staff', 'staff']], { level: 'nominal' }).alpha).toBe(1);
    expect(issuesOf(() => krippendorffAlpha([['a', 1]], { level: 'interval' }))).toEqual([{ code: 'invalid_type', path: [0, 0] }]);
    expect(krippendorffAlpha([[1, 1]], { level: 'nominal' }).alpha).toBeNull();
  });
});
