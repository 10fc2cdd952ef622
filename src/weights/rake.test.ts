/**
 * Raking and calibration against R survey (4.1-1, R 4.2.2): weights, scores and standard errors
 * recorded by test/reference/weighting.R in weighting.json, on R's own `apisrs` example (200
 * schools, with answers derived from their scores: test/reference/apisrs-weighting.csv) and on
 * the airline survey raked to invented margins. Small cases are worked by hand in comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { ces } from '../metrics/ces.js';
import { csat } from '../metrics/csat.js';
import { nps } from '../metrics/nps.js';
import { summarize } from '../analysis/summarize.js';
import { airlineCsv } from '../../test/shared-data.js';
import { calibrate } from './calibrate.js';
import { rake } from './rake.js';

const reference = JSON.parse(readFileSync(new URL('../../test/reference/weighting.json', import.meta.url), 'utf8'));

interface School {
  stype: string;
  'sch.wide': string;
  pw: number;
  rec: number | null;
  sat: number | null;
  effort: number | null;
}
const schools: School[] = readFileSync(new URL('../../test/reference/apisrs-weighting.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [stype, wide, pw, rec, sat, effort] = line.split(',').map((cell) => cell.replace(/"/g, ''));
    const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
    return { stype: stype!, 'sch.wide': wide!, pw: Number(pw), rec: number(rec), sat: number(sat), effort: number(effort) };
  });
const margins = { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1072, Yes: 5122 } };

/** The weight of the first row of each cell, keyed as R's tapply keys them ("E No"). */
function cellWeights(weights: Float64Array): Record<string, number> {
  const cells: Record<string, number> = {};
  schools.forEach((school, i) => (cells[`${school.stype} ${school['sch.wide']}`] ??= weights[i]!));
  return cells;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) expect(actual[key]).toBeCloseTo(expected[key]!, 9);
}

function metrics(weights: Parameters<typeof nps>[1] extends infer O ? (O extends { weights?: infer W } ? W : never) : never) {
  return {
    nps: nps(schools.map((s) => s.rec), { weights }),
    csat: csat(schools.map((s) => s.sat), { weights }),
    ces: ces(schools.map((s) => s.effort), { weights }),
  };
}

function expectMetrics(actual: ReturnType<typeof metrics>, expected: Record<'nps' | 'csat' | 'ces', { score: number; se: number }>): void {
  for (const key of ['nps', 'csat', 'ces'] as const) {
    expect(actual[key].score, key).toBeCloseTo(expected[key].score, 9);
    expect(actual[key].standardError, key).toBeCloseTo(expected[key].se, 9);
  }
}

describe('rake', () => {
  it("R's apisrs example: the weights, and standard errors that know the weights were raked (and larger ones for the same weights as fixed)", () => {
    const raked = rake(schools, { margins, baseWeight: 'pw' });
    expectClose(cellWeights(raked.weights), reference.rake.weights);
    expectMetrics(metrics(raked), reference.rake.metrics);
    // The same weights as plain weights: today's standard errors, which are R's svymean on a
    // design with those fixed weights without its factor √(N/(N − 1)), N the rows (R keeps the
    // rows without an answer in the design, with z = 0): NPS and CSAT the linearised one, CES
    // that times √(n/(n − 1)) for its n answers (s/√n at unit weights).
    const fixed = metrics(raked.weights);
    const rows = schools.length;
    for (const key of ['nps', 'csat', 'ces'] as const) {
      const answers = fixed[key].n;
      const linearised = key === 'ces' ? fixed[key].standardError! * Math.sqrt((answers - 1) / answers) : fixed[key].standardError!;
      expect(linearised * Math.sqrt(rows / (rows - 1)), key).toBeCloseTo(reference.rake.fixed[key].se, 9);
      expect(fixed[key].standardError!, key).toBeGreaterThan(reference.rake.metrics[key].se);
    }
    expect(raked.report.converged).toBe(true);
    expect(raked.report.sumWeights).toBeCloseTo(6194, 6);
    const stype = raked.report.margins[0]!;
    expect(stype.categories.map((c) => [c.category, c.target])).toEqual([['E', 4421], ['H', 755], ['M', 1018]]);
    for (const category of stype.categories) expect(category.achieved).toBeCloseTo(category.target, 6);
    // The interval is the Wald one on that standard error, as R's confint: score ± 1.959964 SE.
    const result = nps(schools.map((s) => s.rec), { weights: raked });
    expect(result.interval?.method).toBe('wald');
    expect(result.interval?.lower).toBeCloseTo(reference.rake.metrics.nps.score - 1.959963984540054 * reference.rake.metrics.nps.se, 9);
  });

  it('summarize with the raked weights: per group the standard errors of a domain of the raked design (R svyby)', () => {
    const raked = rake(schools, { margins, baseWeight: 'pw' });
    const summary = summarize(schools, { by: 'stype', nps: 'rec', csat: 'sat', ces: 'effort', weight: raked });
    for (const group of summary.groups) {
      for (const key of ['nps', 'csat', 'ces'] as const) {
        const expected = reference.rake.byType[key][group.key as string];
        expect(group[key].score, `${key} ${String(group.key)}`).toBeCloseTo(expected.score, 9);
        expect(group[key].standardError, `${key} ${String(group.key)}`).toBeCloseTo(expected.se, 9);
      }
    }
    // The total is the whole design, as nps() with the same weights.
    expect(summary.total.nps.standardError).toBeCloseTo(reference.rake.metrics.nps.se, 9);
    expect(() => summarize(schools.slice(1), { nps: 'rec', weight: raked })).toThrow('the weights are for 200 rows but there are 199 rows');
  });

  it.skipIf(airlineCsv === undefined)('the airline survey raked on Class, Type of Travel and Customer Type to invented margins', () => {
    const lines = readFileSync(airlineCsv!, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const at = (name: string) => header.indexOf(name);
    const rows = lines.slice(1).map((line) => line.split(','));
    const passengers = rows.map((cells) => ({ Class: cells[at('Class')]!, Travel: cells[at('Type of Travel')]!, Customer: cells[at('Customer Type')]! }));
    const raked = rake(passengers, {
      margins: { Class: { Business: 0.4, Eco: 0.45, 'Eco Plus': 0.15 }, Travel: { 'Business travel': 0.55, 'Personal Travel': 0.45 }, Customer: { 'Loyal Customer': 0.7, 'disloyal Customer': 0.3 } },
    });
    const { airline } = reference;
    expect(raked.report.n).toBe(airline.n);
    expect(raked.report.sumWeights).toBeCloseTo(airline.sumWeights, 6);
    expect(raked.report.min).toBeCloseTo(airline.minWeight, 9);
    expect(raked.report.max).toBeCloseTo(airline.maxWeight, 9);
    // R's cv is sd()/mean() with n − 1; the report's is over n (so that 1 + cv² is Kish's design effect).
    const n = airline.n;
    expect(raked.report.cv).toBeCloseTo(airline.cv * Math.sqrt((n - 1) / n), 9);
    expect(raked.report.designEffect).toBeCloseTo(1 + raked.report.cv ** 2, 12);
    const seat = rows.map((cells) => Number(cells[at('Seat comfort')]));
    const result = csat(seat, { weights: raked, notApplicable: [0] });
    expect(result.score).toBeCloseTo(airline.csat.score, 9);
    expect(result.standardError).toBeCloseTo(airline.csat.se, 9);
    const fixed = csat(seat, { weights: raked.weights, notApplicable: [0] });
    expect(fixed.standardError! * Math.sqrt(n / (n - 1))).toBeCloseTo(airline.fixedSe, 9);
  });

  it('a cap on the weights, worked by hand', () => {
    // Cells (A,X) 1 row, (A,Y) 3, (B,X) 3, (B,Y) 3; margins A 5, B 5, X 5, Y 5. Raked alone, the
    // (A,X) row gets 5/(1 + √3) = 1.830 (raking keeps the cross-ratio 1·3/(3·3)), over the cap
    // of 1.5 × the mean weight 1. With it at 1.5 the margins leave one solution: (A,Y) and (B,X)
    // 3.5 in all, 7/6 a row; (B,Y) 5 − 3.5 = 1.5 in all, 0.5 a row.
    const rows = [['A', 'X'], ['A', 'Y'], ['A', 'Y'], ['A', 'Y'], ['B', 'X'], ['B', 'X'], ['B', 'X'], ['B', 'Y'], ['B', 'Y'], ['B', 'Y']].map(([g, r]) => ({ g, r }));
    const free = rake(rows, { margins: { g: { A: 5, B: 5 }, r: { X: 5, Y: 5 } } });
    expect(free.weights[0]).toBeCloseTo(5 / (1 + Math.sqrt(3)), 9);
    const capped = rake(rows, { margins: { g: { A: 5, B: 5 }, r: { X: 5, Y: 5 } }, trim: 1.5, maxIterations: 1000 });
    [1.5, 7 / 6, 7 / 6, 7 / 6, 7 / 6, 7 / 6, 7 / 6, 0.5, 0.5, 0.5].forEach((w, i) => expect(capped.weights[i]).toBeCloseTo(w, 9));
    expect(capped.report.trimmed).toBe(1);
    // One margin cannot move weight anywhere else: B's one row must carry 4 of 5, a cap of 2 refuses it.
    const one = [{ g: 'A' }, { g: 'A' }, { g: 'A' }, { g: 'A' }, { g: 'B' }];
    expect(() => rake(one, { margins: { g: { A: 1, B: 4 } }, trim: 2 })).toThrow(/raking did not converge in 100 iterations: the margin "g" is still off by .* the cap of 2 × the mean weight/);
  });

  it('every bad input is a CxValidationError naming the margin and category (or row)', () => {
    const rows = [{ c: 'web', r: 'N' }, { c: 'store', r: 'S' }, { c: 'web', r: 'S' }];
    const error = (run: () => unknown) => {
      try {
        run();
      } catch (caught) {
        expect(caught).toBeInstanceOf(CxValidationError);
        const issue = (caught as CxValidationError).issues[0]!;
        return [issue.code, issue.path, issue.message];
      }
      throw new Error('no error');
    };
    expect(error(() => rake(rows, { margins: { c: { web: 2 } } }))).toEqual(['unknown_category', [1, 'c'], 'the category "store" of the margin "c" has no target (targets: "web"): give it one, or merge it into one that has']);
    expect(error(() => rake(rows, { margins: { c: { web: 1, store: 1, phone: 1 } } }))[0]).toBe('empty_category');
    expect(error(() => rake(rows, { margins: { c: { web: 1, store: 1, phone: 1 } } }))[2]).toMatch(/"phone" but no row is in it: .* collapse it into a neighbour/);
    expect(error(() => rake(rows, { margins: { c: { web: -1, store: 4 } } }))).toEqual(['invalid_option', ['margins', 'c', 'web'], 'the target of "web" in the margin "c" must be a finite number ≥ 0, got -1']);
    expect(error(() => rake(rows, { margins: { c: { web: Number.NaN, store: 1 } } }))[0]).toBe('invalid_option');
    expect(error(() => rake(rows, { margins: { c: { web: 200, store: 100 }, r: { N: 100, S: 100 } } }))).toEqual(['invalid_option', ['margins', 'r'], 'the margins disagree on the population: "c" sums to 300, "r" to 200; give counts of the same population, or shares']);
    expect(error(() => rake([...rows, { c: 'web' }], { margins: { c: { web: 2, store: 1 }, r: { N: 1, S: 2 } } }))).toEqual(['unanswered', [3, 'r'], `no value for the margin "r": give the row a category, or missing: 'own-category' with a target for "(missing)"`]);
    expect(error(() => rake(rows, { margins: { c: { web: 2, store: 1 } }, baseWeight: (_row, i) => (i === 2 ? 0 : 1) }))[0]).toBe('invalid_weight');
    // With missing: 'own-category' the row is in "(missing)", which is raked like any category.
    const own = rake([...rows, { c: 'web' }], { margins: { c: { web: 0.75, store: 0.25 }, r: { N: 0.25, S: 0.5, '(missing)': 0.25 } }, missing: 'own-category' });
    expect(own.report.margins[1]!.categories.map((c) => c.respondents)).toEqual([1, 2, 1]);
    // Categories are compared as group texts: trimmed and NFC-normalised.
    expect(rake([{ c: ' Café' }, { c: 'Cafe\u0301' }, { c: 'Bar' }], { margins: { c: { 'Café': 1, Bar: 1 } } }).weights[0]).toBeCloseTo(0.5, 12);
  });
});

describe('calibrate', () => {
  it("R's apisrs example, linear and raking: weights and standard errors as R's calibrate()", () => {
    for (const method of ['linear', 'raking'] as const) {
      const calibrated = calibrate(schools, { margins, baseWeight: 'pw', method });
      expectClose(cellWeights(calibrated.weights), reference[method].weights);
      expectMetrics(metrics(calibrated), reference[method].metrics);
    }
  });
});
