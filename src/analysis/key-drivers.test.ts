import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statistics } from '../../test/statistics-reference.js';
import { issuesOf } from '../../test/validation.js';
import { averageRanks } from '../stats/correlation.js';
import { keyDrivers } from './key-drivers.js';

const FIVE = { min: 1, max: 5 };
// R 4.2.2: x <- c(5, 4, 1, 2, 3, 3); y <- c(5, 4, 2, 1, 4, 2)
const xs = [5, 4, 1, 2, 3, 3];
const ys = [5, 4, 2, 1, 4, 2];
const rows = xs.map((x, i) => ({ overall: ys[i]!, staff: x, price: [2, 3, 3, 2, null, 0][i] }));

describe('keyDrivers', () => {
  it('Pearson r, p-value and Fisher interval equal R cor.test', () => {
    // cor.test(x, y): r 0.821583836257749, p 0.0449087903503666, conf.int 0.0300766025577228 0.979828889429401
    const staff = keyDrivers(rows, { outcome: 'overall', drivers: ['staff'] }).drivers[0]!;
    expect(staff.n).toBe(6);
    expect(staff.correlation).toBeCloseTo(0.821583836257749, 12);
    expect(staff.pValue).toBeCloseTo(0.0449087903503666, 10);
    expect(staff.interval!.lower).toBeCloseTo(0.0300766025577228, 10);
    expect(staff.interval!.upper).toBeCloseTo(0.979828889429401, 10);
  });

  it("Spearman ρ with average ranks for ties equals R cor.test(method = 'spearman', exact = FALSE)", () => {
    // ρ 0.835914007637145, p 0.0381773762392566
    const staff = keyDrivers(rows, { outcome: 'overall', drivers: ['staff'], method: 'spearman' }).drivers[0]!;
    expect(staff.correlation).toBeCloseTo(0.835914007637145, 12);
    expect(staff.pValue).toBeCloseTo(0.0381773762392566, 10);
    expect(staff.interval).toBeNull();
    expect([...averageRanks([5, 4, 1, 2, 3, 3])]).toEqual([6, 5, 1, 2, 3.5, 3.5]); // R: rank(x)
  });

  it('pairs only where both are answered; N/A codes are missing; performance on 0–100; ranks and quadrants', () => {
    const result = keyDrivers(rows, { outcome: 'overall', drivers: [{ field: 'staff', scale: FIVE }, { field: 'price', scale: FIVE, label: 'value for money' }], notApplicable: [0] });
    const [staff, price] = result.drivers;
    // price pairs: (2,5) (3,4) (3,2) (2,1): dx −.5 .5 .5 −.5, dy 2 1 −1 −2 → Σ dx·dy = 0 → r = 0.
    expect(price).toMatchObject({ driver: 'value for money', n: 4, rank: 2 });
    expect(price!.correlation).toBeCloseTo(0, 12);
    expect(price!.mean).toBe(2.5);
    expect(price!.performance).toBeCloseTo(37.5, 12); // (2.5 − 1)/4
    // staff: mean 3 → performance 50; averages: importance (0.8216 + 0)/2, performance (50 + 37.5)/2.
    expect(staff!.performance).toBe(50);
    expect(staff!.rank).toBe(1);
    expect(result.averagePerformance).toBeCloseTo(43.75, 12);
    expect(staff!.quadrant).toBe('keep-up');
    expect(price!.quadrant).toBe('low-priority');
  });

  it('a constant driver or too few pairs: no correlation, no rank', () => {
    const flat = keyDrivers([{ o: 1, d: 3 }, { o: 2, d: 3 }, { o: 3, d: 3 }], { outcome: 'o', drivers: ['d'] }).drivers[0]!;
    expect(flat).toMatchObject({ correlation: null, pValue: null, rank: null, quadrant: null, mean: 3 });
    const two = keyDrivers([{ o: 1, d: 1 }, { o: 2, d: 3 }], { outcome: 'o', drivers: ['d'] }).drivers[0]!;
    expect(two).toMatchObject({ correlation: 1, pValue: null, interval: null });
  });
});

describe('keyDrivers: bad input', () => {
  it('names the row and the field', () => {
    expect(issuesOf(() => keyDrivers([{ o: 'high', d: 3 }, { o: 2, d: 6 }], { outcome: 'o', drivers: [{ field: 'd', scale: FIVE }] }))).toEqual([
      { code: 'invalid_type', path: [0, 'o'] },
      { code: 'out_of_range', path: [1, 'd'] },
    ]);
    expect(issuesOf(() => keyDrivers([{ o: 1, d: Number.NaN }], { outcome: 'o', drivers: ['d'] }))).toEqual([{ code: 'not_finite', path: [0, 'd'] }]);
  });

  it('unknown fields, duplicate drivers, no drivers', () => {
    expect(issuesOf(() => keyDrivers(rows, { outcome: 'overal', drivers: ['staff'] }))).toEqual([{ code: 'unknown_field', path: ['outcome'] }]);
    expect(issuesOf(() => keyDrivers(rows, { outcome: 'overall', drivers: ['staff', 'staf'] }))).toEqual([{ code: 'unknown_field', path: ['drivers', 1] }]);
    expect(issuesOf(() => keyDrivers(rows, { outcome: 'overall', drivers: ['staff', 'staff'] }))).toEqual([{ code: 'invalid_option', path: ['drivers', 1] }]);
    expect(issuesOf(() => keyDrivers(rows, { outcome: 'overall', drivers: [] }))).toEqual([{ code: 'invalid_option', path: ['drivers'] }]);
  });
});

describe('keyDrivers at extreme magnitudes', () => {
  // r is unchanged by x → a·x + b with a > 0, so every version of the R data above must give
  // R's r = 0.821583836257749. Before co-moments were scaled, 1e154 gave r = 0 and ±1e308
  // threw an internal "t must be a number, got NaN".
  const scaled = (map: (x: number) => number) => xs.map((x, i) => ({ overall: ys[i]!, staff: map(x) }));
  it.each([
    ['× 1e153', (x: number) => x * 1e153],
    ['× 1e154', (x: number) => x * 1e154],
    ['(x − 3) × 5e307, from −1e308 to 1e308', (x: number) => (x - 3) * 5e307],
    ['× 1e-300', (x: number) => x * 1e-300],
  ])('drivers %s', (_name, map) => {
    const staff = keyDrivers(scaled(map), { outcome: 'overall', drivers: ['staff'] }).drivers[0]!;
    expect(staff.correlation).toBeCloseTo(0.821583836257749, 12);
    expect(staff.pValue).toBeCloseTo(0.0449087903503666, 10);
  });

  it('the mean of answers whose sum overflows', () => {
    // (x − 3) × 5e307 over x = 5, 4, 1, 2, 3, 3: the x average 3, so the mean is 0 (to rounding).
    const staff = keyDrivers(scaled((x) => (x - 3) * 5e307), { outcome: 'overall', drivers: ['staff'] }).drivers[0]!;
    expect(Math.abs(staff.mean!)).toBeLessThan(1e293);
    const big = keyDrivers([{ o: 1, d: 1e308 }, { o: 2, d: 1e308 }, { o: 3, d: 1e308 }], { outcome: 'o', drivers: ['d'] }).drivers[0]!;
    expect(big.mean).toBe(1e308);
  });
});

describe('keyDrivers: relative importance', () => {
  // test/reference/statistics.R, "relativeImportanceSmall": ten rows, outcome o, drivers a, b, c;
  // lm() R² of every subset for the Shapley (LMG) parts, eigen() for Johnson's weights.
  const small = { o: [5, 4, 2, 1, 3, 4, 5, 2, 3, 1], a: [5, 4, 1, 2, 3, 5, 4, 2, 2, 1], b: [2, 3, 3, 2, 4, 1, 5, 2, 4, 3], c: [4, 4, 2, 1, 3, 3, 5, 3, 2, 2] };
  const smallRows = small.o.map((o, i) => ({ o, a: small.a[i]!, b: small.b[i]!, c: small.c[i]! }));
  const reference = statistics.relativeImportanceSmall;

  it.each([
    ['relative-weights', reference.relativeWeights],
    ['shapley', reference.shapley],
  ] as const)('%s equal R to 1e-12; the parts add up to R² and the shares to 100', (method, parts) => {
    const result = keyDrivers(smallRows, { outcome: 'o', drivers: ['a', 'b', 'c'], method });
    expect(result.method).toBe(method);
    expect(result.n).toBe(reference.n);
    expect(result.rSquared).toBeCloseTo(reference.rSquared, 12);
    result.drivers.forEach((driver, d) => {
      expect(driver.importance).toBeCloseTo(parts[d]!, 12);
      expect(driver.share).toBeCloseTo((parts[d]! / reference.rSquared) * 100, 10);
    });
    expect(result.drivers.reduce((sum, driver) => sum + driver.importance!, 0)).toBeCloseTo(result.rSquared!, 12);
    expect(result.drivers.reduce((sum, driver) => sum + driver.share!, 0)).toBeCloseTo(100, 10);
    // a > c > b in both methods: ranks follow importance, and the Pearson r stays reported.
    expect(result.drivers.map((driver) => driver.rank)).toEqual([1, 3, 2]);
    expect(result.drivers[0]!.correlation).toBeCloseTo(keyDrivers(smallRows, { outcome: 'o', drivers: ['a'] }).drivers[0]!.correlation!, 14);
  });

  it('uses only the rows where the outcome and every driver are answered', () => {
    const withGaps = [...smallRows, { o: 5, a: null, b: 1, c: 1 }, { o: null, a: 1, b: 1, c: 1 }, { o: 2, a: 0, b: 5, c: 5 }];
    const result = keyDrivers(withGaps, { outcome: 'o', drivers: ['a', 'b', 'c'], notApplicable: [0], method: 'relative-weights' });
    expect(result.n).toBe(10);
    expect(result.rSquared).toBeCloseTo(reference.rSquared, 12);
    expect(result.drivers[1]!.n).toBe(12); // b's own pairs with the outcome include the two rows where a is missing or N/A
  });

  it('for the correlation methods: importance is the correlation, share and rSquared null', () => {
    const result = keyDrivers(smallRows, { outcome: 'o', drivers: ['a', 'b'] });
    expect(result).toMatchObject({ rSquared: null, n: 10 });
    expect(result.drivers[0]!.importance).toBe(result.drivers[0]!.correlation);
    expect(result.drivers[0]!.share).toBeNull();
  });

  it('nulls when undefined: fewer complete rows than drivers + 1, or an outcome without spread', () => {
    const three = keyDrivers(smallRows.slice(0, 3), { outcome: 'o', drivers: ['a', 'b', 'c'], method: 'shapley' });
    expect(three).toMatchObject({ n: 3, rSquared: null });
    expect(three.drivers[0]).toMatchObject({ importance: null, share: null, rank: null, quadrant: null });
    const flat = keyDrivers(smallRows.map((row) => ({ ...row, o: 3 })), { outcome: 'o', drivers: ['a', 'b'], method: 'relative-weights' });
    expect(flat.rSquared).toBeNull();
  });

  it('refuses what cannot be split: a driver without spread, collinear drivers, Shapley beyond 20 drivers', () => {
    expect(issuesOf(() => keyDrivers(smallRows.map((row) => ({ ...row, b: 4 })), { outcome: 'o', drivers: ['a', 'b'], method: 'shapley' }))).toEqual([{ code: 'invalid_option', path: ['drivers', 1] }]);
    // d = a + c exactly: a, c and d are collinear.
    const collinear = smallRows.map((row) => ({ ...row, d: row.a + row.c }));
    expect(() => keyDrivers(collinear, { outcome: 'o', drivers: ['a', 'b', 'c', 'd'], method: 'relative-weights' })).toThrow(/the drivers "a", "c", "d" are collinear in the 10 rows/);
    const wide = smallRows.map((row) => Object.fromEntries([['o', row.o], ...Array.from({ length: 21 }, (_, j) => [`q${j}`, row.a])]));
    expect(() => keyDrivers(wide, { outcome: 'o', drivers: Array.from({ length: 21 }, (_, j) => `q${j}`), method: 'shapley' })).toThrow(/at most 20 drivers/);
    expect(issuesOf(() => keyDrivers(smallRows, { outcome: 'o', drivers: ['a'], method: 'lmg' as never }))).toEqual([{ code: 'invalid_option', path: ['method'] }]);
  });

  it('both methods find the same R², neither part is negative, and Shapley gives a lone driver r²', () => {
    const row = fc.record({ o: fc.integer({ min: 1, max: 5 }), a: fc.integer({ min: 1, max: 5 }), b: fc.integer({ min: 1, max: 5 }), c: fc.double({ min: -50, max: 50, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 8, maxLength: 60 }), (data) => {
        const call = (method: 'relative-weights' | 'shapley') => {
          try {
            return keyDrivers(data, { outcome: 'o', drivers: ['a', 'b', 'c'], method });
          } catch {
            return null; // a driver without spread, or collinear drivers, in a small random sample
          }
        };
        const weights = call('relative-weights');
        const lmg = call('shapley');
        expect(weights === null).toBe(lmg === null);
        if (weights === null || lmg === null || weights.rSquared === null) return;
        expect(lmg.rSquared!).toBeCloseTo(weights.rSquared, 9);
        for (const result of [weights, lmg]) for (const driver of result.drivers) expect(driver.importance!).toBeGreaterThanOrEqual(-1e-12);
        const lone = keyDrivers(data, { outcome: 'o', drivers: ['a'], method: 'shapley' });
        if (lone.rSquared !== null) expect(lone.drivers[0]!.importance!).toBeCloseTo(lone.drivers[0]!.correlation! ** 2, 12);
      }),
    );
  });
});
