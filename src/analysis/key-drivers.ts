import * as z from 'zod/mini';
import { readFailure } from '../core/internal/read-failure.js';
import { describeValue, fail, withPathPrefix } from '../core/errors.js';
import { judgeOffScaleValue, pointIndex, type AnswerRules, type Verdict } from '../core/internal/answer-rules.js';
import { fieldReader, type Field, type FieldReader } from '../core/internal/field-reader.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { checkFieldExists } from '../core/internal/row-answers.js';
import { answerRules } from '../core/options.js';
import { scaleSchema, type Scale } from '../core/scale.js';
import { correlationTest, pearson, spearman } from '../stats/correlation.js';
import { DEFAULT_LEVEL, levelSchema, type Interval } from '../stats/interval.js';
import { correlationMatrix } from '../stats/internal/correlation-matrix.js';
import { symmetricEigen } from '../stats/internal/symmetric-eigen.js';
import { collinearCombination, MAX_SHAPLEY_DRIVERS, relativeWeights, shapley, type Decomposition } from './internal/relative-importance.js';
import { checkRowArray } from '../common/row-pass.js';
import { fieldSchema } from '../common/metric-specs.js';

/** A question in a key-driver analysis: a field or accessor, optionally with a label, scale and N/A codes. */
export type DriverSpec<Row> =
  | Field<Row>
  | {
      readonly field: Field<Row>;
      readonly label?: string | undefined;
      /** With a scale, answers must be its points and performance is reported on 0–100. */
      readonly scale?: Scale | undefined;
      readonly notApplicable?: readonly number[] | undefined;
    };

/** Options of {@link keyDrivers}. */
export interface KeyDriverOptions<Row> {
  /** The overall measure (e.g. overall satisfaction, likelihood to recommend, 1 = satisfied). */
  readonly outcome: DriverSpec<Row>;
  readonly drivers: readonly DriverSpec<Row>[];
  /**
   * How importance is measured: `'pearson'` (default) or `'spearman'` (rank correlation, for
   * ordinal answers with outliers) — each driver alone; or `'relative-weights'` (Johnson 2000)
   * or `'shapley'` (the LMG decomposition, at most 20 drivers) — the R² of a regression on all
   * drivers split among them, for drivers that move together.
   */
  readonly method?: KeyDriverMethod | undefined;
  /** N/A codes for every driver without codes of its own, e.g. `[0]` (the outcome takes only its own). */
  readonly notApplicable?: readonly number[] | undefined;
  /** Confidence level of the correlation intervals (default 0.95). */
  readonly level?: number | undefined;
}

/**
 * Where a driver sits on the importance × performance map, split at the drivers' average
 * importance and average performance.
 */
export type DriverQuadrant = 'keep-up' | 'concentrate-here' | 'low-priority' | 'possible-overkill';

/** How {@link keyDrivers} measures importance: a correlation, or a share of R². */
export type KeyDriverMethod = 'pearson' | 'spearman' | 'relative-weights' | 'shapley';

/** Every {@link KeyDriverMethod}, for option checks. */
export const KEY_DRIVER_METHODS: readonly KeyDriverMethod[] = Object.freeze(['pearson', 'spearman', 'relative-weights', 'shapley']);

/** One driver's importance, performance, rank and quadrant. */
export interface KeyDriver {
  readonly driver: string;
  /** Rows where both the driver and the outcome are answered (its correlation's sample). */
  readonly n: number;
  /** Correlation with the outcome over those rows (Spearman's ρ for `'spearman'`, else Pearson's r); null if undefined. */
  readonly correlation: number | null;
  /** Two-sided p-value of the correlation (R `cor.test`); null below three pairs. */
  readonly pValue: number | null;
  /** Fisher z interval of Pearson's r; null for Spearman or below four pairs. */
  readonly interval: Interval<'fisher-z'> | null;
  /** Mean answer over every row that answered the driver. */
  readonly mean: number | null;
  /** The mean on 0–100, (mean − min)/(max − min)·100, when the driver has a scale; else null. */
  readonly performance: number | null;
  /**
   * What the ranks and quadrants go by: the correlation for `'pearson'` and `'spearman'`; for
   * `'relative-weights'` and `'shapley'` the driver's part of R² (the parts add up to
   * `rSquared`). Null when it cannot be computed.
   */
  readonly importance: number | null;
  /** For `'relative-weights'` and `'shapley'`: importance as % of R² (the shares add up to 100); else null. */
  readonly share: number | null;
  /** 1 = most important; ties share a rank; null without an importance. */
  readonly rank: number | null;
  /** Null without an importance or a performance figure. */
  readonly quadrant: DriverQuadrant | null;
}

/** The result of {@link keyDrivers}. */
export interface KeyDriverResult {
  readonly method: KeyDriverMethod;
  /** Rows where the outcome and every driver are answered: the sample of `rSquared`. */
  readonly n: number;
  /**
   * For `'relative-weights'` and `'shapley'`: R² of the least-squares regression of the
   * outcome on all drivers over those `n` rows (R `summary(lm(…))$r.squared`); null for the
   * correlation methods, below k + 1 complete rows, or when the outcome does not vary there.
   */
  readonly rSquared: number | null;
  /** Drivers in the order given. */
  readonly drivers: readonly KeyDriver[];
  /** The averages the quadrants are split at. */
  readonly averageImportance: number | null;
  readonly averagePerformance: number | null;
}

const driverSchema = z.union([
  fieldSchema,
  z.strictObject({ field: fieldSchema, label: z.optional(z.string()), scale: z.optional(scaleSchema), notApplicable: z.optional(z.array(z.number())) }),
]);

const keyDriverOptionsSchema = z.strictObject({
  outcome: driverSchema,
  drivers: z.array(driverSchema).check(z.minLength(1)),
  method: z.optional(z.enum(KEY_DRIVER_METHODS as [KeyDriverMethod, ...KeyDriverMethod[]])),
  notApplicable: z.optional(z.array(z.number())),
  level: z.optional(levelSchema),
});

interface Question {
  readonly reader: FieldReader;
  readonly label: string;
  readonly scale: Scale | undefined;
  readonly notApplicable: ReadonlySet<number>;
  readonly rules: AnswerRules | undefined;
}

function question<Row>(spec: DriverSpec<Row>, defaultLabel: string, notApplicable: readonly number[] | undefined, path: (string | number)[]): Question {
  const { field, label, scale, notApplicable: own } = typeof spec === 'object' ? spec : { field: spec, label: undefined, scale: undefined, notApplicable: undefined };
  const reader = fieldReader(field, label ?? defaultLabel);
  const codes = own ?? notApplicable ?? [];
  const checkedScale = scale ? Object.freeze({ ...scale }) : undefined;
  const rules = checkedScale ? withPathPrefix(path, () => answerRules(checkedScale, { notApplicable: codes })) : undefined;
  return { reader, label: label ?? reader.label, scale: checkedScale, notApplicable: new Set(codes), rules };
}

/** A number, null for no answer, or why the value is invalid. */
function readAnswer(q: Question, value: unknown): number | null | Verdict {
  if (q.rules) {
    const { min, max } = q.rules.scale;
    const k = pointIndex(value, min, max - min);
    if (k >= 0) return min + k;
    const verdict = judgeOffScaleValue(value, q.rules);
    return verdict === 'missing' ? null : verdict;
  }
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: typeof value === 'number' ? 'not_finite' : 'invalid_type', message: `expected a finite number or null, got ${describeValue(value)}` };
  return q.notApplicable.has(value) ? null : value;
}

/**
 * Key-driver analysis: how strongly each driver (a service item, a touchpoint rating)
 * moves with the outcome, over the rows where both are answered — Pearson's r or
 * Spearman's ρ with its p-value (R `cor.test`), and Pearson's Fisher z interval — next to
 * the driver's performance. Drivers are ranked by importance and placed on the importance ×
 * performance map, split at the averages:
 *
 * | quadrant | importance | performance | |
 * | --- | --- | --- | --- |
 * | `concentrate-here` | high | low | fix these first |
 * | `keep-up` | high | high | strengths |
 * | `low-priority` | low | low | |
 * | `possible-overkill` | low | high | |
 *
 * Performance is the driver's mean rescaled to 0–100 when it has a scale (otherwise the
 * quadrants split at the average mean). Importance is a correlation, not a cause.
 *
 * Drivers that move together (seat comfort and entertainment) share the same variation, and
 * their correlations credit it to each. `method: 'relative-weights'` (Johnson 2000) or
 * `'shapley'` (the LMG decomposition, exact over all 2^k subsets, at most 20 drivers) instead
 * split the R² of the regression of the outcome on all drivers among them, on the `n` rows
 * where the outcome and every driver are answered: each driver's `importance` is its part
 * of `rSquared` and `share` its percentage; ranks and quadrants follow importance. The
 * correlations are still reported. Which to choose: docs/methodology.md.
 *
 * @throws {CxValidationError} for answers that are not numbers (or not points of a given
 * scale), naming row and field; a field no row has; bad options; for `'relative-weights'`
 * and `'shapley'`, a driver without spread or drivers that are collinear over the complete
 * rows, and more than 20 drivers for `'shapley'`.
 * @example
 * ```ts
 * const rows = [
 *   { overall: 5, staff: 5, price: 2 },
 *   { overall: 4, staff: 4, price: 3 },
 *   { overall: 2, staff: 1, price: 3 },
 *   { overall: 1, staff: 2, price: 2 },
 * ];
 * const scale = { min: 1, max: 5 };
 * const result = keyDrivers(rows, { outcome: 'overall', drivers: [{ field: 'staff', scale }, { field: 'price', scale }] });
 * result.drivers[0]?.correlation; // 0.9 (R: cor(c(5, 4, 1, 2), c(5, 4, 2, 1)))
 * result.drivers[0]?.rank; // 1
 * result.drivers[1]?.correlation; // 0
 * // The R² of both drivers together, split between them:
 * const shared = keyDrivers(rows, { outcome: 'overall', drivers: ['staff', 'price'], method: 'shapley' });
 * shared.rSquared; // 0.9 (R: summary(lm(overall ~ staff + price))$r.squared; staff alone 0.81)
 * shared.drivers[0]?.share; // 95 (Shapley: staff ½·0.81 + ½·(0.9 − 0) = 0.855 of 0.9)
 * ```
 */
export function keyDrivers<Row extends object>(rows: readonly Row[], options: KeyDriverOptions<Row>): KeyDriverResult {
  const parsed = parseWith(keyDriverOptionsSchema, options);
  checkRowArray(rows);
  const method = parsed.method ?? 'pearson';
  const level = parsed.level ?? DEFAULT_LEVEL;
  const outcome = question(options.outcome, 'outcome', undefined, ['outcome']);
  const drivers = options.drivers.map((spec, d) => question(spec, `drivers[${d}]`, parsed.notApplicable, ['drivers', d]));
  checkFieldExists(rows, outcome.reader, ['outcome']);
  drivers.forEach((driver, d) => checkFieldExists(rows, driver.reader, ['drivers', d]));
  const labels = new Set<string>();
  drivers.forEach((driver, d) => {
    if (labels.has(driver.label)) fail('invalid_option', ['drivers', d], `two drivers are called ${JSON.stringify(driver.label)}; give one a label`);
    labels.add(driver.label);
  });

  const decomposes = method === 'relative-weights' || method === 'shapley';
  if (method === 'shapley' && drivers.length > MAX_SHAPLEY_DRIVERS) {
    fail('invalid_option', ['drivers'], `shapley regresses on all 2^k subsets of the drivers: at most ${MAX_SHAPLEY_DRIVERS} drivers (a second's work), got ${drivers.length}; use method 'relative-weights', which has no such limit`);
  }

  // One pass: the pairs of each driver with the outcome, each driver's own sum, and the
  // rows where everything is answered (kept, column by column, only for a decomposition).
  const log = newIssueLog();
  const pairs = drivers.map(() => ({ x: [] as number[], y: [] as number[], sum: 0, runningMean: 0, count: 0 }));
  const complete: number[][] = [...drivers.map(() => []), []];
  const rowValues = new Array<number>(drivers.length);
  let completeRows = 0;
  const note = (r: number, q: Question, verdict: Verdict) => logIssue(log, { code: verdict.code, path: [r, q.reader.label], message: verdict.message });
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row = rows[r];
      if (typeof row !== 'object' || row === null) {
        logIssue(log, { code: 'invalid_type', path: [r], message: `a row must be an object, got ${describeValue(row)}` });
        continue;
      }
      const y = readAnswer(outcome, outcome.reader.read(row, r));
      if (y !== null && typeof y !== 'number') note(r, outcome, y);
      let answered = typeof y === 'number';
      drivers.forEach((driver, d) => {
        const x = readAnswer(driver, driver.reader.read(row, r));
        if (typeof x !== 'number') answered = false;
        if (x === null) return;
        if (typeof x !== 'number') return note(r, driver, x);
        rowValues[d] = x;
        const entry = pairs[d]!;
        entry.count++;
        entry.sum += x;
        // A running mean in parts as well, for when the sum of answers near 1e308 overflows.
        entry.runningMean += x / entry.count - entry.runningMean / entry.count;
        if (typeof y === 'number') {
          entry.x.push(x);
          entry.y.push(y);
        }
      });
      if (answered) {
        completeRows++;
        if (decomposes) {
          rowValues.forEach((x, d) => complete[d]!.push(x));
          complete[drivers.length]!.push(y as number);
        }
      }
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [outcome.reader, ...drivers.map((driver) => driver.reader)]);
  }
  throwIfIssues(log);

  const results = drivers.map((driver, d) => {
    const { x, y, sum, runningMean, count } = pairs[d]!;
    // Spearman's ρ only when asked for; the decompositions report Pearson's r beside the R² parts.
    const correlation = method === 'spearman' ? spearman(x, y) : pearson(x, y);
    const mean = count === 0 ? null : Number.isFinite(sum) ? sum / count : runningMean;
    const performance = mean !== null && driver.scale ? ((mean - driver.scale.min) / (driver.scale.max - driver.scale.min)) * 100 : null;
    const test = correlation === null ? { pValue: null, interval: null } : correlationTest(correlation, x.length, level, method !== 'spearman');
    return { driver: driver.label, n: x.length, correlation, ...test, mean, performance };
  });
  const decomposition = decomposes ? decompose(method, complete, drivers) : null;
  const importances = results.map((result, d) => (decomposes ? (decomposition?.parts[d] ?? null) : result.correlation));
  const shareOf = (importance: number | null) => (decomposition && importance !== null && decomposition.rSquared > 0 ? (importance / decomposition.rSquared) * 100 : null);
  const allScaled = drivers.every((driver) => driver.scale !== undefined);
  const placed = (result: (typeof results)[number]) => (allScaled ? result.performance : result.mean);
  const averageImportance = average(importances);
  const averagePerformance = average(results.map(placed));
  return {
    method,
    n: completeRows,
    rSquared: decomposition?.rSquared ?? null,
    averageImportance,
    averagePerformance,
    drivers: results.map((result, d) => {
      const importance = importances[d]!;
      const position = placed(result);
      const rank = importance === null ? null : 1 + importances.filter((other) => other !== null && other > importance + 1e-12).length;
      const quadrant = importance === null || position === null || averageImportance === null || averagePerformance === null ? null : quadrantOf(importance >= averageImportance, position >= averagePerformance);
      return { ...result, importance, share: shareOf(importance), rank, quadrant };
    }),
  };
}

/**
 * R² over the complete rows split among the drivers, or null when it is not defined (fewer
 * rows than drivers + 1, or an outcome without spread). Drivers without spread, or that are
 * linear combinations of each other, are errors: no split of R² among them means anything.
 */
function decompose(method: 'relative-weights' | 'shapley', complete: readonly number[][], drivers: readonly Question[]): Decomposition | null {
  const k = drivers.length;
  const rows = complete[k]!.length;
  if (rows < k + 1) return null;
  const { matrix, constant } = correlationMatrix(complete);
  if (constant.includes(k)) return null;
  const where = `in the ${rows} rows where the outcome and every driver are answered`;
  if (constant.length > 0) fail('invalid_option', ['drivers', constant[0]!], `the driver ${JSON.stringify(drivers[constant[0]!]!.label)} has one answer ${where}: it explains nothing and cannot be weighed; leave it out`);
  const rxx = new Float64Array(k * k);
  const rxy = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    rxy[i] = matrix[i * (k + 1) + k]!;
    for (let j = 0; j < k; j++) rxx[i * k + j] = matrix[i * (k + 1) + j]!;
  }
  const eigen = symmetricEigen(rxx, k);
  const combination = collinearCombination(eigen, k);
  if (combination !== null) {
    const involved = drivers.filter((_, d) => Math.abs(combination[d]!) > 0.1).map((driver) => JSON.stringify(driver.label));
    fail('invalid_option', ['drivers'], `the drivers ${involved.join(', ')} are collinear ${where} (one is a linear combination of the others): R² cannot be split among them; leave one out`);
  }
  return method === 'shapley' ? shapley(rxx, rxy, k) : relativeWeights(eigen, rxy, k);
}

function average(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? known.reduce((sum, value) => sum + value, 0) / known.length : null;
}

function quadrantOf(important: boolean, performing: boolean): DriverQuadrant {
  if (important) return performing ? 'keep-up' : 'concentrate-here';
  return performing ? 'possible-overkill' : 'low-priority';
}
