import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { studentTCdf, studentTQuantile } from './student-t.js';

// Values from R, produced by test/reference/distributions.R (command in that file).
const reference = JSON.parse(readFileSync(new URL('../../test/reference/distributions.json', import.meta.url), 'utf8')) as {
  pt: { t: number[]; df: number[]; value: number[] };
  qt: { p: number[]; df: number[]; value: number[] };
  ptExtreme: { t: number[]; df: number[]; value: number[] };
  qtExtreme: { p: number[]; df: number[]; value: number[] };
};

/** Relative error, with infinities and zeros required exactly. */
function relativeError(actual: number, expected: number): number {
  if (!Number.isFinite(expected) || expected === 0) return actual === expected ? 0 : Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('studentTCdf', () => {
  it('agrees with R pt to 1e-10 over df from 0.5 to 1e300', () => {
    const { t, df, value } = reference.pt;
    t.forEach((x, i) => {
      expect(Math.abs(studentTCdf(x, df[i]!) - value[i]!), `pt(${x}, ${df[i]})`).toBeLessThanOrEqual(1e-10);
    });
  });

  it('agrees with R pt to 1e-9 relative where t² overflows (|t| up to 1e300, df 0.001 to 1e8)', () => {
    const { t, df, value } = reference.ptExtreme;
    t.forEach((x, i) => {
      expect(relativeError(studentTCdf(x, df[i]!), value[i]!), `pt(${x}, ${df[i]}) = ${value[i]}`).toBeLessThanOrEqual(1e-9);
    });
  });

  it('below 1e-300 df: 0.5 for every finite t (R: pt(1, 1e-300) = 0.5; pt(1, 5e-324) is NaN in R)', () => {
    for (const df of [5e-324, 1e-310, 1e-301]) {
      expect(studentTCdf(1, df)).toBe(0.5);
      expect(studentTCdf(-1e300, df)).toBe(0.5);
      expect(studentTQuantile(0.9, df)).toBe(Infinity);
    }
  });

  it('matches closed forms: Cauchy at df = 1 and the df = 2 formula', () => {
    // df = 1: F(t) = 1/2 + atan(t)/π; df = 2: F(t) = 1/2 + t / (2√(2 + t²)).
    for (const x of [-7, -1, 0.3, 2, 30]) {
      expect(studentTCdf(x, 1)).toBeCloseTo(0.5 + Math.atan(x) / Math.PI, 14);
      expect(studentTCdf(x, 2)).toBeCloseTo(0.5 + x / (2 * Math.sqrt(2 + x * x)), 14);
    }
  });

  it('tends to the normal for infinite df', () => {
    expect(studentTCdf(1.959963984540054, Infinity)).toBeCloseTo(0.975, 12);
  });

  it('refuses bad degrees of freedom and NaN', () => {
    for (const df of [0, -1, Number.NaN]) expect(() => studentTCdf(1, df)).toThrow(CxValidationError);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(CxValidationError);
  });
});

describe('studentTQuantile', () => {
  it('agrees with R qt to 1e-9 (relative beyond 1)', () => {
    const { p, df, value } = reference.qt;
    p.forEach((prob, i) => {
      const expected = value[i]!;
      const actual = studentTQuantile(prob, df[i]!);
      expect(Math.abs(actual - expected) / Math.max(1, Math.abs(expected)), `qt(${prob}, ${df[i]})`).toBeLessThanOrEqual(1e-9);
    });
  });

  it('agrees with R qt far below one degree of freedom, Infinity where R gives Inf', () => {
    const { p, df, value } = reference.qtExtreme;
    p.forEach((prob, i) => {
      expect(relativeError(studentTQuantile(prob, df[i]!), value[i]!), `qt(${prob}, ${df[i]}) = ${value[i]}`).toBeLessThanOrEqual(1e-9);
    });
  });

  it('has exact ends and centre', () => {
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 5)).toBe(0);
  });

  it('refuses bad input', () => {
    expect(() => studentTQuantile(1.5, 3)).toThrow(CxValidationError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(CxValidationError);
  });
});
