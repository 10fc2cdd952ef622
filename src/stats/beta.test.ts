import { describe, expect, it } from 'vitest';
import { statistics } from '../../test/statistics-reference.js';
import { CxValidationError } from '../core/errors.js';
import { betaCdf, betaQuantile } from './beta.js';

describe('betaCdf', () => {
  it('agrees with R pbeta to 1e-12 over shapes from 0.5 to 120', () => {
    const { x, a, b, value } = statistics.pbeta;
    x.forEach((point, i) => {
      expect(Math.abs(betaCdf(point, a[i]!, b[i]!) - value[i]!), `pbeta(${point}, ${a[i]}, ${b[i]})`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('matches closed forms: Beta(1, 1) is uniform, Beta(2, 1) has F(x) = x²', () => {
    for (const x of [0.1, 0.37, 0.9]) {
      expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 14);
      expect(betaCdf(x, 2, 1)).toBeCloseTo(x * x, 14);
    }
    expect(betaCdf(-3, 2, 2)).toBe(0);
    expect(betaCdf(7, 2, 2)).toBe(1);
  });

  it('refuses NaN and shapes that are not positive numbers', () => {
    expect(() => betaCdf(Number.NaN, 1, 1)).toThrow(CxValidationError);
    for (const shape of [0, -1, Number.NaN, Infinity]) {
      expect(() => betaCdf(0.5, shape, 1)).toThrow(CxValidationError);
      expect(() => betaCdf(0.5, 1, shape)).toThrow(CxValidationError);
    }
  });
});

describe('betaQuantile', () => {
  it('agrees with R qbeta to 1e-12 relative, down to p = 1e-10', () => {
    const { p, a, b, value } = statistics.qbeta;
    p.forEach((probability, i) => {
      const actual = betaQuantile(probability, a[i]!, b[i]!);
      expect(Math.abs(actual - value[i]!) / value[i]!, `qbeta(${probability}, ${a[i]}, ${b[i]}) = ${value[i]}`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('gives 0 and 1 at the ends and refuses a p outside 0…1', () => {
    expect(betaQuantile(0, 3, 4)).toBe(0);
    expect(betaQuantile(1, 3, 4)).toBe(1);
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => betaQuantile(p, 1, 1)).toThrow(CxValidationError);
  });
});
