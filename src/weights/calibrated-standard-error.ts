import { pointIndex } from '../core/internal/answer-rules.js';
import type { Scale } from '../core/scale.js';
import type { CalibratedWeights, CalibrationDesign, WeightingReport } from './calibrated-weights.js';
import { solveLinear } from '../stats/internal/linear-solve.js';

/** Sweeps R survey's `svyrecvar` makes over a raked design's margins (a fixed number, not to convergence). */
const RAKING_SWEEPS = 10;

/**
 * The standard error of a weighted mean Σw·y/Σw under calibrated weights, as R survey's
 * `svymean` gives it on a design from `rake()` or `calibrate()` with `id = ~1`: the
 * linearised values z = w(y − ȳ)/Σw (0 for a row without an answer, which stays in the
 * design), made residuals on the margins — ten sweeps of "minus the category's mean of z/w,
 * times w" over the margins for raking, the residual of z/w on the margins' indicators
 * weighted by the base weights for `calibrate` — then √(n/(n − 1)·Σ(z − z̄)²) over all n rows.
 *
 * Rows are grouped by their cell of the margins and their scale point (every row of a group
 * has the same z/w throughout), so the work after one pass over the answers is per group.
 * `score(slot)` is the value y of each point, in the metric's units (and so is the result).
 * Null when there are fewer than two rows or no answers.
 */
export function calibratedStandardError(answers: ArrayLike<unknown>, scale: Scale, calibrated: Pick<CalibratedWeights, 'weights' | 'calibration'>, score: (slot: number) => number): number | null {
  const { weights, calibration } = calibrated;
  const n = weights.length;
  if (n < 2) return null;
  const points = scale.max - scale.min + 1;
  const width = points + 1; // slot 0: no answer
  const cells = calibration.cells.length;
  const count = new Float64Array(cells * width);
  const sumW = new Float64Array(cells * width);
  const sumW2 = new Float64Array(cells * width);
  const sumBase = new Float64Array(cells * width);
  for (let i = 0; i < n; i++) {
    const g = calibration.cellOfRow[i]! * width + pointIndex(answers[i], scale.min, scale.max - scale.min) + 1;
    const w = weights[i]!;
    count[g]!++;
    sumW[g]! += w;
    sumW2[g]! += w * w;
    sumBase[g]! += calibration.baseWeights[i]!;
  }
  let total = 0;
  let weighted = 0;
  for (let g = 0; g < sumW.length; g++) {
    const slot = (g % width) - 1;
    if (slot < 0) continue;
    total += sumW[g]!;
    weighted += sumW[g]! * score(slot);
  }
  if (total === 0) return null;
  const mean = weighted / total;
  // u = z/w per group: (y − ȳ)/Σw for an answer, 0 for none.
  const u = new Float64Array(cells * width);
  for (let g = 0; g < u.length; g++) {
    const slot = (g % width) - 1;
    u[g] = slot < 0 ? 0 : (score(slot) - mean) / total;
  }
  const residual = calibration.variance === 'raking-sweeps' ? sweepMargins(u, count, calibrated, width) : regressionResidual(u, sumBase, calibrated, width);
  let sum = 0;
  let squares = 0;
  for (let g = 0; g < residual.length; g++) {
    sum += residual[g]! * sumW[g]!;
    squares += residual[g]! ** 2 * sumW2[g]!;
  }
  return Math.sqrt((n / (n - 1)) * Math.max(0, squares - (sum * sum) / n));
}

/** R's sweeps: for each margin, each row's u less the mean u of its category (over rows). */
function sweepMargins(u: Float64Array, count: Float64Array, calibrated: Pick<CalibratedWeights, 'calibration'>, width: number): Float64Array {
  const { cells, categoryCounts } = calibrated.calibration;
  for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
    for (let m = 0; m < categoryCounts.length; m++) {
      const sums = new Float64Array(categoryCounts[m]!);
      const counts = new Float64Array(categoryCounts[m]!);
      for (let g = 0; g < u.length; g++) {
        const c = cells[Math.floor(g / width)]![m]!;
        sums[c]! += u[g]! * count[g]!;
        counts[c]! += count[g]!;
      }
      for (let g = 0; g < u.length; g++) {
        const c = cells[Math.floor(g / width)]![m]!;
        if (counts[c]! > 0) u[g]! -= sums[c]! / counts[c]!;
      }
    }
  }
  return u;
}

/**
 * R's `calibrate`: u less its least-squares fit, weighted by the base weights, on an
 * intercept and the indicators of every category but the first of each margin.
 */
function regressionResidual(u: Float64Array, sumBase: Float64Array, calibrated: Pick<CalibratedWeights, 'calibration'>, width: number): Float64Array {
  const { cells, categoryCounts } = calibrated.calibration;
  const design = designRows(cells, categoryCounts);
  const p = design[0]!.length;
  const xtx = new Float64Array(p * p);
  const xtu = new Float64Array(p);
  for (let g = 0; g < u.length; g++) {
    const d = sumBase[g]!;
    if (d === 0) continue;
    const x = design[Math.floor(g / width)]!;
    for (let a = 0; a < p; a++) {
      if (x[a] === 0) continue;
      xtu[a]! += d * u[g]!;
      for (let b = 0; b < p; b++) if (x[b] !== 0) xtx[a * p + b]! += d;
    }
  }
  const beta = solveLinear(xtx, xtu, p);
  const residual = new Float64Array(u.length);
  for (let g = 0; g < u.length; g++) {
    const x = design[Math.floor(g / width)]!;
    let fit = 0;
    for (let a = 0; a < p; a++) fit += x[a]! * beta[a]!;
    residual[g] = u[g]! - fit;
  }
  return residual;
}

/** Each cell's row of the calibration design: 1, then per margin the indicators of its categories after the first. */
export function designRows(cells: readonly (readonly number[])[], categoryCounts: readonly number[]): Float64Array[] {
  const p = 1 + categoryCounts.reduce((sum, k) => sum + k - 1, 0);
  return cells.map((categories) => {
    const x = new Float64Array(p);
    x[0] = 1;
    let offset = 1;
    categories.forEach((c, m) => {
      if (c > 0) x[offset + c - 1] = 1;
      offset += categoryCounts[m]! - 1;
    });
    return x;
  });
}

/** The result of `rake` or `calibrate`: the weights, their report and design, and their standard error. */
export function calibratedWeights(weights: Float64Array, report: WeightingReport, calibration: CalibrationDesign): CalibratedWeights {
  const result: CalibratedWeights = {
    weights,
    report,
    calibration,
    standardError: (answers, scale, score) => calibratedStandardError(answers, scale, result, score),
  };
  return result;
}
