import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from './errors.js';
import { round } from './round.js';
import { roundPercentages } from './round-percentages.js';

describe('round', () => {
  it('rounds half away from zero on the decimal value as written', () => {
    expect(round(1.005, 2)).toBe(1.01); // Math.round(1.005 * 100) / 100 gives 1
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(2.5)).toBe(3);
    expect(round(-2.5)).toBe(-3);
    expect(round(1.45, 1)).toBe(1.5);
    expect(round(8.345, 2)).toBe(8.35);
    expect(round(0.1 + 0.2, 15)).toBe(0.3);
    expect(round(1234.5678, -2)).toBe(1200);
    expect(round(1e-7, 8)).toBe(1e-7);
    expect(round(123456789012.345, 2)).toBe(123456789012.35);
  });

  it('leaves numbers past 2^52 alone: they have no decimals (shifting 1e308 would overflow)', () => {
    expect(round(1e308, 2)).toBe(1e308);
    expect(round(-Number.MAX_VALUE, 15)).toBe(-Number.MAX_VALUE);
    expect(round(2 ** 53 + 2, 3)).toBe(9007199254740994);
    // Just below 2^52 doubles still have halves: 2^52 − 0.5 rounds away from zero to 2^52.
    expect(round(4503599627370495.5)).toBe(4503599627370496);
    expect(round(1e308, -2)).toBe(1e308);
  });

  it('never returns -0', () => {
    expect(Object.is(round(-0.4), 0)).toBe(true);
    expect(Object.is(round(-0), 0)).toBe(true);
  });

  it('refuses non-finite values and bad digits', () => {
    for (const value of [Number.NaN, Infinity]) expect(() => round(value, 1)).toThrow(CxValidationError);
    for (const digits of [1.5, 16, -16]) expect(() => round(1, digits)).toThrow(CxValidationError);
  });

  it('is within half a unit of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, digits) => {
        expect(Math.abs(round(value, digits) - value)).toBeLessThanOrEqual(0.5 * 10 ** -digits * (1 + 1e-9) + 1e-9);
      }),
    );
  });
});

describe('roundPercentages', () => {
  it('keeps the sum at 100 by the largest remainder', () => {
    // 1:2:3 → 16.666…, 33.333…, 50: floors 16.66 + 33.33 + 50 = 99.99, the spare 0.01 to the largest remainder (.67).
    expect(roundPercentages([1, 2, 3], 2)).toEqual([16.67, 33.33, 50]);
    // thirds: 33 + 33 + 33 = 99, the spare unit to the first of the tied remainders.
    expect(roundPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    // percentages that already add up stay as they are.
    expect(roundPercentages([12.5, 37.5, 50])).toEqual([13, 37, 50]);
  });

  it('gives zeros for nothing', () => {
    expect(roundPercentages([0, 0])).toEqual([0, 0]);
    expect(roundPercentages([])).toEqual([]);
  });

  it('always sums to exactly 100 and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (parts, digits) => {
        fc.pre(parts.some((p) => p > 0));
        const rounded = roundPercentages(parts, digits);
        const unit = 10 ** -digits;
        const total = parts.reduce((a, b) => a + b, 0);
        expect(Math.round(rounded.reduce((a, b) => a + b, 0) / unit)).toBe(100 / unit);
        rounded.forEach((r, i) => expect(Math.abs(r - (parts[i]! / total) * 100)).toBeLessThan(unit + 1e-9));
      }),
    );
  });

  it('refuses negative or non-finite parts and bad digits', () => {
    expect(() => roundPercentages([1, -1])).toThrow(/parts\[1\]: must be at least 0/);
    expect(() => roundPercentages([1, Number.NaN])).toThrow(CxValidationError);
    expect(() => roundPercentages([1], 11)).toThrow(CxValidationError);
  });
});
