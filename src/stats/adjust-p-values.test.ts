import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { statistics } from '../../test/statistics-reference.js';
import { adjustPValues, P_VALUE_ADJUSTMENTS, type PValueAdjustment } from './adjust-p-values.js';

const R_NAMES: Record<PValueAdjustment, 'holm' | 'hochberg' | 'bonferroni' | 'BH' | 'BY' | 'none'> = {
  holm: 'holm',
  hochberg: 'hochberg',
  bonferroni: 'bonferroni',
  'benjamini-hochberg': 'BH',
  'benjamini-yekutieli': 'BY',
  none: 'none',
};

describe('adjustPValues', () => {
  it('equals R p.adjust for every method, ties and unsorted input included, to 1e-15', () => {
    for (const reference of statistics.pAdjust) {
      for (const method of P_VALUE_ADJUSTMENTS) {
        const adjusted = adjustPValues(reference.p, method);
        const expected = reference[R_NAMES[method]];
        expect(adjusted.length).toBe(expected.length);
        adjusted.forEach((value, i) => expect(Math.abs(value - expected[i]!), `${method} [${reference.p}] at ${i}`).toBeLessThanOrEqual(1e-15));
      }
    }
  });

  it('by hand: Holm on 0.01, 0.04, 0.03 gives 3 × 0.01, then max(2 × 0.03, 0.03), then max(0.06, 1 × 0.04)', () => {
    expect(adjustPValues([0.01, 0.04, 0.03], 'holm')).toEqual([0.03, 0.06, 0.06]);
    // Hochberg from the top: 0.04, min(0.04, 2 × 0.03), min(0.04, 3 × 0.01).
    expect(adjustPValues([0.01, 0.04, 0.03], 'hochberg')).toEqual([0.03, 0.04, 0.04]);
  });

  it('keeps the input untouched and an empty family empty', () => {
    const p = [0.2, 0.01];
    adjustPValues(p, 'bonferroni');
    expect(p).toEqual([0.2, 0.01]);
    expect(adjustPValues([], 'holm')).toEqual([]);
  });

  it('refuses NaN, values outside 0…1 and non-numbers, naming the index', () => {
    expect(issuesOf(() => adjustPValues([0.1, Number.NaN, 1.2, -0.1], 'holm'))).toEqual([
      expect.objectContaining({ code: 'not_finite', path: [1] }),
      expect.objectContaining({ code: 'out_of_range', path: [2] }),
      expect.objectContaining({ code: 'out_of_range', path: [3] }),
    ]);
    expect(issuesOf(() => adjustPValues([0.1, '0.2' as never], 'holm'))).toEqual([expect.objectContaining({ code: 'invalid_type', path: [1] })]);
    expect(issuesOf(() => adjustPValues([0.1], 'BH' as never))).toEqual([expect.objectContaining({ code: 'invalid_option', path: ['method'] })]);
  });

  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

  it('never lowers a p-value, never passes 1, and Holm is never above Bonferroni', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const bonferroni = adjustPValues(p, 'bonferroni');
        const holm = adjustPValues(p, 'holm');
        for (const method of P_VALUE_ADJUSTMENTS) {
          adjustPValues(p, method).forEach((value, i) => {
            expect(value).toBeGreaterThanOrEqual(p[i]!);
            expect(value).toBeLessThanOrEqual(1);
          });
        }
        holm.forEach((value, i) => expect(value).toBeLessThanOrEqual(bonferroni[i]!));
        // Hochberg's step-up is never above Holm's step-down (Hochberg 1988).
        adjustPValues(p, 'hochberg').forEach((value, i) => expect(value).toBeLessThanOrEqual(holm[i]! + 1e-15));
      }),
    );
  });

  it('keeps the order of the p-values: a smaller raw p never gets a larger adjusted one', () => {
    fc.assert(
      fc.property(pValues, fc.constantFrom(...P_VALUE_ADJUSTMENTS), (p, method) => {
        const adjusted = adjustPValues(p, method);
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(adjusted[i]!).toBeLessThanOrEqual(adjusted[j]!);
      }),
    );
  });
});
