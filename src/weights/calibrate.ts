import { fail } from '../core/errors.js';
import type { CalibratedWeights } from './calibrated-weights.js';
import { calibratedWeights, designRows } from './calibrated-standard-error.js';
import { solveLinear } from '../stats/internal/linear-solve.js';
import { resolveMargins, type MarginOptions } from './margins.js';
import { positiveInteger } from './rake.js';
import { calibrationDesign, weightingReport } from './weighting-report.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions<Row> extends MarginOptions<Row> {
  /** `'linear'` (GREG: w = d·(1 + x′λ), in closed form) or `'raking'` (w = d·exp(x′λ), by Newton steps). */
  readonly method: 'linear' | 'raking';
  /** Newton steps before giving up, for `'raking'` (default 50). */
  readonly maxIterations?: number | undefined;
  /** Converged when no margin is off by more than this share of the total (default 1e-12). */
  readonly tolerance?: number | undefined;
}

/**
 * Calibration to the margins (Deville and Särndal): weights as close to the base weights as
 * the distance of `method` allows while every margin holds — R survey's `calibrate()` with
 * `calfun = "linear"` or `"raking"` on the formula of the margins' main effects, with equal
 * weights and standard errors (checked at 1e-9 on R's `apisrs` example). `'raking'` gives
 * the weights {@link rake} gives; its standard errors are `calibrate`'s (a regression on the
 * margins) rather than `rake`'s (sweeps), as in R. Linear weights can come out negative when
 * the margins are far from the sample: they are reported (`min`), not bounded.
 *
 * @throws {CxValidationError} as {@link rake} does; and when raking does not converge.
 *
 * @example
 * ```ts
 * const rows = [{ channel: 'web' }, { channel: 'web' }, { channel: 'web' }, { channel: 'store' }];
 * const linear = calibrate(rows, { margins: { channel: { web: 2, store: 2 } }, method: 'linear' });
 * Array.from(linear.weights); // [0.66667, 0.66667, 0.66667, 2] (one margin: the same as raking)
 * linear.report.method; // 'linear'
 * ```
 */
export function calibrate<Row>(rows: readonly Row[], options: CalibrateOptions<Row>): CalibratedWeights {
  if (options.method !== 'linear' && options.method !== 'raking') fail('invalid_option', ['method'], `method is 'linear' or 'raking', got ${JSON.stringify(options.method)}`);
  const margins = resolveMargins(rows, options);
  const design = calibrationDesign(margins, 'regression');
  const x = designRows(design.cells, design.categoryCounts);
  const p = x[0]!.length;
  // The totals the design's columns must reach: all rows, then each category after the first of each margin.
  const totals = new Float64Array(p);
  totals[0] = margins.targets[0]!.reduce((sum, target) => sum + target, 0);
  let column = 1;
  for (const targets of margins.targets) for (let c = 1; c < targets.length; c++) totals[column++] = targets[c]!;
  const base = new Float64Array(design.cells.length);
  for (let i = 0; i < rows.length; i++) base[design.cellOfRow[i]!]! += margins.baseWeights[i]!;

  // g per cell: the factor on every base weight of the cell.
  const g = new Float64Array(design.cells.length).fill(1);
  let iterations = 0;
  let converged = true;
  if (options.method === 'linear') {
    const lambda = solveLinear(crossProduct(x, base, g, p), difference(totals, x, base, g, p), p);
    x.forEach((row, k) => (g[k] = 1 + dot(row, lambda)));
  } else {
    const maxIterations = positiveInteger(options.maxIterations ?? 50, 'maxIterations');
    const tolerance = options.tolerance ?? 1e-12;
    if (!(tolerance > 0 && tolerance < 1)) fail('invalid_option', ['tolerance'], `tolerance is a share of the total between 0 and 1, got ${String(tolerance)}`);
    const lambda = new Float64Array(p);
    converged = false;
    while (iterations < maxIterations) {
      const gap = difference(totals, x, base, g, p);
      if (Math.max(...Array.from(gap, Math.abs)) <= tolerance * totals[0]!) {
        converged = true;
        break;
      }
      iterations++;
      const step = solveLinear(crossProduct(x, base, g, p), gap, p);
      for (let a = 0; a < p; a++) lambda[a]! += step[a]!;
      x.forEach((row, k) => (g[k] = Math.exp(dot(row, lambda))));
    }
    if (!converged) fail('not_converged', ['margins'], `calibration by raking did not converge in ${maxIterations} steps: the margins may contradict each other (a combination of categories no row has)`);
  }
  const weights = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) weights[i] = margins.baseWeights[i]! * g[design.cellOfRow[i]!]!;
  return calibratedWeights(weights, weightingReport(weights, margins, { method: options.method, iterations, converged, trimmed: 0 }), design);
}

/** Σ over cells of d·g·x·x′. */
function crossProduct(x: readonly Float64Array[], base: Float64Array, g: Float64Array, p: number): Float64Array {
  const product = new Float64Array(p * p);
  x.forEach((row, k) => {
    const w = base[k]! * g[k]!;
    for (let a = 0; a < p; a++) {
      if (row[a] === 0) continue;
      for (let b = 0; b < p; b++) if (row[b] !== 0) product[a * p + b]! += w;
    }
  });
  return product;
}

/** The totals less Σ over cells of d·g·x. */
function difference(totals: Float64Array, x: readonly Float64Array[], base: Float64Array, g: Float64Array, p: number): Float64Array {
  const gap = Float64Array.from(totals);
  x.forEach((row, k) => {
    const w = base[k]! * g[k]!;
    for (let a = 0; a < p; a++) gap[a]! -= w * row[a]!;
  });
  return gap;
}

function dot(row: Float64Array, lambda: Float64Array): number {
  let sum = 0;
  for (let a = 0; a < row.length; a++) sum += row[a]! * lambda[a]!;
  return sum;
}
