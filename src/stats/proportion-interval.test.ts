import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statistics } from '../../test/statistics-reference.js';
import { proportionInterval } from './proportion-interval.js';

const R_NAMES = { wilson: 'wilson', 'agresti-coull': 'agrestiCoull', jeffreys: 'jeffreys', 'clopper-pearson': 'clopperPearson' } as const;

describe('proportionInterval', () => {
  it('equals R (prop.test, binom.test, qbeta and the Agresti–Coull formula) to 1e-12, also for fractional x and n', () => {
    for (const { x, n, byLevel } of statistics.proportion) {
      for (const reference of byLevel) {
        for (const [method, name] of Object.entries(R_NAMES) as [keyof typeof R_NAMES, (typeof R_NAMES)[keyof typeof R_NAMES]][]) {
          const interval = proportionInterval(x, n, reference.level, method);
          const [lower, upper] = reference[name];
          expect(Math.abs(interval.lower - lower!), `${method} ${x}/${n} at ${reference.level}`).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(interval.upper - upper!), `${method} ${x}/${n} at ${reference.level}`).toBeLessThanOrEqual(1e-12);
          expect(interval).toMatchObject({ level: reference.level, method });
        }
      }
    }
  });

  it("reproduces Newcombe's (1998a) printed Wilson interval for 81/263: 0.2553 to 0.3662", () => {
    const { lower, upper } = proportionInterval(81, 263, 0.95, 'wilson');
    expect(lower).toBeCloseTo(0.2553, 4);
    expect(upper).toBeCloseTo(0.3662, 4);
  });

  it('every method stays inside 0…1 and contains the estimate (Agresti–Coull excepted: its centre moves)', () => {
    const methods = ['wilson', 'jeffreys', 'clopper-pearson'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (n, share, level) => {
        const x = Math.round(share * n);
        for (const method of [...methods, 'agresti-coull' as const]) {
          const { lower, upper } = proportionInterval(x, n, level, method);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          if (method !== 'agresti-coull') {
            expect(lower).toBeLessThanOrEqual(x / n + 1e-12);
            expect(upper).toBeGreaterThanOrEqual(x / n - 1e-12);
          }
        }
      }),
    );
  });
});
