import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { npsSampleSize } from './nps-sample-size.js';
import { csatSampleSize } from './csat-sample-size.js';

// R: qnorm(0.975)^2 = 3.84145882069412
const Z95_SQUARED = 3.84145882069412;

describe('npsSampleSize', () => {
  it('worst case: half promoters, half detractors (variance 1)', () => {
    // 3.8414588 / 0.05² = 1536.58 → 1537; ±10 points: 384.15 → 385.
    expect(npsSampleSize({ marginOfError: 5 })).toBe(Math.ceil(Z95_SQUARED / 0.0025));
    expect(npsSampleSize({ marginOfError: 10 })).toBe(385);
  });

  it('with expected shares: variance p + d − (p − d)²', () => {
    // 40 % / 20 %: 0.6 − 0.04 = 0.56; 3.8414588 × 0.56 / 0.0025 = 860.47 → 861.
    expect(npsSampleSize({ marginOfError: 5, promoters: 40, detractors: 20 })).toBe(861);
    // 90 % level: qnorm(0.95) = 1.64485362695147; 2.7055435 × 0.56 / 0.0025 = 606.04 → 607.
    expect(npsSampleSize({ marginOfError: 5, promoters: 40, detractors: 20, level: 0.9 })).toBe(607);
  });

  it('corrects for a finite population', () => {
    // n0 = 1536.58; N = 2000: 1536.58 / (1 + 1535.58/2000) = 1536.58 / 1.76779 = 869.21 → 870.
    expect(npsSampleSize({ marginOfError: 5, population: 2000 })).toBe(870);
  });

  it('needs at least one answer', () => {
    expect(npsSampleSize({ marginOfError: 5, promoters: 100, detractors: 0 })).toBe(1);
  });

  it('refuses impossible requests', () => {
    expect(() => npsSampleSize({ marginOfError: 0 })).toThrow(CxValidationError);
    expect(() => npsSampleSize({ marginOfError: 5, promoters: 60, detractors: 50 })).toThrow(/cannot exceed 100/);
    expect(() => npsSampleSize({ marginOfError: 5, promoters: 60 })).toThrow(/give both/);
    expect(() => npsSampleSize({ marginOfError: 5, population: 0 })).toThrow(/population/);
  });
});

describe('sample sizes: margins are points, not fractions', () => {
  it('a margin below half a point is refused, saying what was probably meant', () => {
    // Before: csatSampleSize({ marginOfError: 0.05 }) returned 3 841 459 (3.8414588 × 0.25 / 0.0005²) without a word.
    expect(() => csatSampleSize({ marginOfError: 0.05 })).toThrow(
      '1 invalid input: marginOfError: is in percentage points and at least 0.5, got 0.05; for ±5 percentage points write 5',
    );
    expect(() => npsSampleSize({ marginOfError: 0.1 })).toThrow('for ±10 NPS points write 10');
  });

  it('half a point is allowed', () => {
    // 3.8414588 × 0.25 / 0.005² = 38 414.6 → 38 415; NPS: 3.8414588 / 0.005² = 153 658.4 → 153 659.
    expect(csatSampleSize({ marginOfError: 0.5 })).toBe(38415);
    expect(npsSampleSize({ marginOfError: 0.5 })).toBe(153659);
  });
});
