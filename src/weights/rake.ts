import { fail } from '../core/errors.js';
import type { CalibratedWeights, CalibrationDesign } from './calibrated-weights.js';
import { resolveMargins, type MarginOptions } from './margins.js';
import { calibrationDesign, weightingReport } from './weighting-report.js';
import { calibratedWeights } from './calibrated-standard-error.js';

/** Options of {@link rake}. */
export interface RakeOptions<Row> extends MarginOptions<Row> {
  /** Full passes over the margins before giving up (default 100). */
  readonly maxIterations?: number | undefined;
  /** Converged when no category is off its target by more than this share of the total (default 1e-12). */
  readonly tolerance?: number | undefined;
  /** Cap on each weight as a multiple of the mean weight (anesrake's `cap`, e.g. 5); capped weights are raked again until both hold. */
  readonly trim?: number | undefined;
}

/**
 * Raking (iterative proportional fitting): weights that match the population's margins —
 * the share of each channel, region, customer type — by scaling the rows of each margin's
 * categories in turn until every margin holds, from the base weights (or 1 each). The
 * weights equal R survey's `rake()` (checked at 1e-9 on R's `apisrs` example and on the
 * airline survey); R stops at one unit of the weighted total by default, this at a share of
 * 1e-12 of it. With `trim`, weights above `trim` × the mean weight are capped after each pass
 * and the rest raked again (anesrake's procedure), until the margins and the cap both hold.
 *
 * Pass the whole result as `weights` to `nps`, `csat` or `ces` for standard errors that know the
 * weights were calibrated (R survey's `svymean` on the raked design); `result.weights` alone
 * are treated as fixed weights, which overstates the uncertainty.
 *
 * @throws {CxValidationError} naming the margin and category: a category in the data with no
 * target, a target for a category no row is in, a negative or non-finite target, margins given
 * as counts of different totals, a row without the field (unless `missing: 'own-category'`), a
 * base weight that is not positive, margins that do not converge (which, and by how much), a
 * cap that the margins cannot meet.
 *
 * @example
 * ```ts
 * const rows = [{ channel: 'web' }, { channel: 'web' }, { channel: 'web' }, { channel: 'store' }];
 * const raked = rake(rows, { margins: { channel: { web: 0.5, store: 0.5 } } });
 * Array.from(raked.weights); // [0.66667, 0.66667, 0.66667, 2] (each half of 4 rows: 2 / 3 rows, 2 / 1 row)
 * raked.report.designEffect; // 1.3333 (4 · (3 · 0.4444 + 4) / 4²)
 * nps([10, 9, 3, 10], { weights: raked }).score; // 66.667 (promoters 2 · 2/3 + 2 = 10/3, a detractor 2/3, of 4)
 * ```
 */
export function rake<Row>(rows: readonly Row[], options: RakeOptions<Row>): CalibratedWeights {
  const margins = resolveMargins(rows, options);
  const maxIterations = positiveInteger(options.maxIterations ?? 100, 'maxIterations');
  const tolerance = options.tolerance ?? 1e-12;
  if (!(tolerance > 0 && tolerance < 1)) fail('invalid_option', ['tolerance'], `tolerance is a share of the total between 0 and 1, got ${String(tolerance)}`);
  const cap = options.trim;
  if (cap !== undefined && !(typeof cap === 'number' && cap > 1 && Number.isFinite(cap))) fail('invalid_option', ['trim'], `trim is the largest weight as a multiple of the mean weight, above 1 (e.g. 5), got ${String(cap)}`);
  const design = calibrationDesign(margins, 'raking-sweeps');

  // Every row of a cell (one category of each margin) is scaled alike, so without a cap the
  // fitting runs over the cells' weights — a pass over the rows at the end, not per iteration.
  // A cap is per row: then the rows are the units.
  const units: Units = cap === undefined ? cellUnits(design, margins.baseWeights) : { weights: Float64Array.from(margins.baseWeights), categoryOf: margins.categoryOfRow, rows: margins.baseWeights.length };
  const total = margins.targets[0]!.reduce((sum, target) => sum + target, 0);
  let iterations = 0;
  let converged = false;
  let gap = { size: Infinity, margin: 0, category: 0 };
  while (iterations < maxIterations && !converged) {
    iterations++;
    gap = { size: 0, margin: 0, category: 0 };
    for (let m = 0; m < margins.fields.length; m++) {
      const off = scaleMargin(units, margins.targets[m]!, m);
      if (off.size > gap.size) gap = { ...off, margin: m };
    }
    if (cap !== undefined) {
      // A cap moves weights off every margin again: the margins are judged after it.
      capWeights(units.weights, cap);
      gap = { size: 0, margin: 0, category: 0 };
      for (let m = 0; m < margins.fields.length; m++) {
        const off = marginGap(categorySums(units, margins.targets[m]!.length, m), margins.targets[m]!);
        if (off.size > gap.size) gap = { ...off, margin: m };
      }
    }
    converged = gap.size <= tolerance * total;
  }
  if (!converged) {
    const field = margins.fields[gap.margin]!;
    const category = margins.categories[gap.margin]![gap.category]!;
    const why = cap !== undefined ? `the cap of ${cap} × the mean weight keeps pulling the weights off the margins: raise trim, or merge small categories` : 'margins that contradict each other (a combination of categories no row has), or too few iterations';
    fail('not_converged', ['margins', field, category], `raking did not converge in ${maxIterations} iterations: the margin ${JSON.stringify(field)} is still off by ${gap.size.toPrecision(3)} in ${JSON.stringify(category)} — ${why}`);
  }
  const weights = cap === undefined ? rowWeights(units, design) : units.weights;
  const trimmed = cap === undefined ? 0 : countAtCap(weights, cap);
  return calibratedWeights(weights, weightingReport(weights, margins, { method: 'raking', iterations, converged, trimmed }), design);
}

/** What the fitting scales: rows, or cells of rows; each unit's weight and its category in each margin. */
interface Units {
  readonly weights: Float64Array;
  readonly categoryOf: readonly Int32Array[];
  readonly rows: number;
}

/** The cells as units, each weighing the base weights of its rows. */
function cellUnits(design: CalibrationDesign, baseWeights: Float64Array): Units {
  const weights = new Float64Array(design.cells.length);
  for (let i = 0; i < baseWeights.length; i++) weights[design.cellOfRow[i]!]! += baseWeights[i]!;
  const categoryOf = design.categoryCounts.map((_, m) => Int32Array.from(design.cells, (categories) => categories[m]!));
  return { weights, categoryOf, rows: baseWeights.length };
}

/** Each row's weight from its cell's: its base weight times the cell's factor. */
function rowWeights(units: Units, design: CalibrationDesign): Float64Array {
  const base = new Float64Array(units.weights.length);
  for (let i = 0; i < design.baseWeights.length; i++) base[design.cellOfRow[i]!]! += design.baseWeights[i]!;
  const weights = new Float64Array(design.baseWeights.length);
  for (let i = 0; i < weights.length; i++) {
    const cell = design.cellOfRow[i]!;
    weights[i] = (design.baseWeights[i]! * units.weights[cell]!) / base[cell]!;
  }
  return weights;
}

/** Σ of the weights of each category of margin `m`. */
function categorySums(units: Units, categories: number, m: number): Float64Array {
  const of = units.categoryOf[m]!;
  const sums = new Float64Array(categories);
  for (let u = 0; u < units.weights.length; u++) sums[of[u]!]! += units.weights[u]!;
  return sums;
}

/** The largest distance of a category from its target, and which. */
function marginGap(sums: Float64Array, targets: Float64Array): { size: number; category: number } {
  let size = 0;
  let category = 0;
  for (let c = 0; c < targets.length; c++) {
    const off = Math.abs(sums[c]! - targets[c]!);
    if (off > size) (size = off), (category = c);
  }
  return { size, category };
}

/** Scales each category of margin `m` to its target; returns the largest gap found before scaling. */
function scaleMargin(units: Units, targets: Float64Array, m: number): { size: number; category: number } {
  const of = units.categoryOf[m]!;
  const sums = categorySums(units, targets.length, m);
  // A category with a target of 0 (and rows) gets weights of 0.
  const factors = targets.map((target, c) => target / sums[c]!);
  for (let u = 0; u < units.weights.length; u++) units.weights[u]! *= factors[of[u]!]!;
  return marginGap(sums, targets);
}

/** Caps weights above `cap` × their mean. */
function capWeights(weights: Float64Array, cap: number): void {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]!;
  const limit = (cap * sum) / weights.length;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > limit) weights[i] = limit;
}

function countAtCap(weights: Float64Array, cap: number): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]!;
  const limit = (cap * sum) / weights.length;
  let count = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! >= limit * (1 - 1e-9)) count++;
  return count;
}

export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) fail('invalid_option', [name], `${name} must be a whole number from 1, got ${String(value)}`);
  return value;
}
