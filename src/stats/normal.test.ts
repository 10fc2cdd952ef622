import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { normalCdf, normalQuantile } from './normal.js';

// Values from R, produced by test/reference/distributions.R (command in that file).
const reference = JSON.parse(readFileSync(new URL('../../test/reference/distributions.json', import.meta.url), 'utf8')) as {
  x: number[];
  pnorm: number[];
  p: number[];
  qnorm: number[];
};

describe('normalCdf', () => {
  it('agrees with R pnorm to 1e-15, tails to 1e-13 relative', () => {
    reference.x.forEach((x, i) => {
      const expected = reference.pnorm[i]!;
      const actual = normalCdf(x);
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15);
      if (expected > 0 && expected < 1e-3) expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-13);
    });
  });

  it('handles the infinities and symmetry', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.3) + normalCdf(1.3)).toBeCloseTo(1, 15);
  });

  it('refuses NaN and non-numbers', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(CxValidationError);
    expect(() => normalCdf('1' as unknown as number)).toThrow(CxValidationError);
  });
});

describe('normalQuantile', () => {
  it('agrees with R qnorm to 1e-15 relative', () => {
    reference.p.forEach((p, i) => {
      const expected = reference.qnorm[i]!;
      expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
    });
  });

  it('is far closer than simple-statistics probit at 0.975 (1.9572 there)', () => {
    // qnorm(0.975) in R: 1.959963984540054
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
  });

  it('maps 0 and 1 to the infinities and inverts normalCdf', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [1e-8, 0.01, 0.3, 0.7, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });

  it('refuses probabilities outside [0, 1]', () => {
    for (const bad of [-0.1, 1.1, Number.NaN, Infinity]) {
      expect(() => normalQuantile(bad)).toThrow(CxValidationError);
    }
  });
});
