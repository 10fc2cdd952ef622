/**
 * Average run lengths against R spc 0.6.7 (Debian's r-cran-spc), printed with digits = 12:
 * Rscript -e 'library(spc); xewma.arl(0.1, 2.814, 0, sided="two"); xewma.arl(0.1, 2.814, 1, sided="two");
 *   xcusum.arl(0.5, 5, 0); xcusum.arl(0.5, 5, 1); xcusum.arl(0.5, 4, 0.5); xcusum.arl(0.5, 5, 0, sided="two");
 *   xcusum.arl(0.5, 5, 1, sided="two")'
 */
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { averageRunLength } from './average-run-length.js';

describe('averageRunLength', () => {
  it('EWMA, two-sided, in control and shifted by 1σ, as xewma.arl', () => {
    expect(averageRunLength({ chart: 'ewma', lambda: 0.1, limit: 2.814 })).toBeCloseTo(499.579550083, 6);
    expect(averageRunLength({ chart: 'ewma', lambda: 0.1, limit: 2.814, shift: 1 })).toBeCloseTo(10.3306651552, 8);
  });

  it('CUSUM, one- and two-sided, as xcusum.arl', () => {
    expect(averageRunLength({ chart: 'cusum', k: 0.5, h: 5, sided: 'one' })).toBeCloseTo(930.887012064, 6);
    expect(averageRunLength({ chart: 'cusum', k: 0.5, h: 5, shift: 1, sided: 'one' })).toBeCloseTo(10.3759753, 6);
    expect(averageRunLength({ chart: 'cusum', k: 0.5, h: 4, shift: 0.5, sided: 'one' })).toBeCloseTo(26.67916243, 6);
    expect(averageRunLength({ chart: 'cusum', k: 0.5, h: 5 })).toBeCloseTo(465.443506032, 6);
    expect(averageRunLength({ chart: 'cusum', k: 0.5, h: 5, shift: 1 })).toBeCloseTo(10.3759699216, 6);
  });

  it('λ outside (0, 1], h ≤ 0 and the like are refused', () => {
    for (const bad of [{ chart: 'ewma', lambda: 0, limit: 3 }, { chart: 'ewma', lambda: 1.2, limit: 3 }, { chart: 'ewma', lambda: 0.2, limit: -1 }, { chart: 'cusum', k: 0.5, h: 0 }, { chart: 'cusum', k: -1, h: 4 }, { chart: 'ewma', lambda: 0.2, limit: 3, shift: Number.NaN }] as const) {
      expect(() => averageRunLength(bad as never)).toThrow(CxValidationError);
    }
  });
});
