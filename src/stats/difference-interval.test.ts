import { describe, expect, it } from 'vitest';
import { statistics } from '../../test/statistics-reference.js';
import { differenceInterval } from './difference-interval.js';

describe('differenceInterval', () => {
  it('equals R: Newcombe from prop.test Wilson limits, Agresti–Caffo, and prop.test’s Wald interval, to 1e-12', () => {
    for (const { x1, n1, x2, n2, newcombe, agrestiCaffo, wald } of statistics.difference) {
      for (const [method, expected] of [['newcombe', newcombe], ['agresti-caffo', agrestiCaffo], ['wald', wald]] as const) {
        const interval = differenceInterval(x1, n1, x2, n2, 0.95, method);
        expect(Math.abs(interval.lower - expected[0]!), `${method} ${x1}/${n1} − ${x2}/${n2}`).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(interval.upper - expected[1]!), `${method} ${x1}/${n1} − ${x2}/${n2}`).toBeLessThanOrEqual(1e-12);
        expect(interval.method).toBe(method);
      }
    }
  });

  it("reproduces the printed examples of Newcombe (1998b), Table II, method 10", () => {
    // Stat Med 17:873–890, Table II, column 10 (score interval, no continuity correction).
    const printed = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [10, 10, 0, 20, 0.6791, 1],
      [84, 101, 89, 105, -0.1177, 0.0851],
    ] as const;
    for (const [x1, n1, x2, n2, lower, upper] of printed) {
      const interval = differenceInterval(x1, n1, x2, n2, 0.95, 'newcombe');
      expect(interval.lower, `${x1}/${n1} − ${x2}/${n2}`).toBeCloseTo(lower, 4);
      expect(interval.upper, `${x1}/${n1} − ${x2}/${n2}`).toBeCloseTo(upper, 4);
    }
  });

  it('Agresti–Caffo on the same examples: one success and one failure added to each side', () => {
    // (57/72 − 49/82) ± 1.959964·√(a(1 − a)/72 + b(1 − b)/82), written out for the first case:
    const a = 57 / 72;
    const b = 49 / 82;
    const half = 1.959963984540054 * Math.sqrt((a * (1 - a)) / 72 + (b * (1 - b)) / 82);
    const interval = differenceInterval(56, 70, 48, 80, 0.95, 'agresti-caffo');
    expect(interval.lower).toBeCloseTo(a - b - half, 14);
    expect(interval.upper).toBeCloseTo(a - b + half, 14);
    expect(interval.lower).toBeCloseTo(0.0525, 4);
  });

  it('stays inside −1…1 where the formula would leave it', () => {
    // 9/10 − 0/20: Wald 0.9 + 1.959964·√(0.09/10) = 1.086 → 1.
    expect(differenceInterval(9, 10, 0, 20, 0.95, 'wald').upper).toBe(1);
    expect(differenceInterval(0, 20, 9, 10, 0.95, 'wald').lower).toBe(-1);
    expect(differenceInterval(9, 10, 0, 20, 0.95, 'newcombe').upper).toBeLessThan(1);
  });
});
