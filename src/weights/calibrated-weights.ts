import type { Scale } from '../core/scale.js';

/**
 * What `rake` and `calibrate` return: one weight per row, the weighting report, and what a
 * metric needs to give the standard error of calibrated weights (the rows' cells of the
 * margins and their base weights). Passing the whole result as `weights` to `nps`, `csat` or
 * `ces` gives that standard error; passing `result.weights` treats the same weights as fixed.
 */

/** One category of a margin: its target, what the weights give it, and how many rows are in it. */
export interface MarginCategory {
  readonly category: string;
  /** The target as a count (shares are scaled to the total). */
  readonly target: number;
  /** Σ of the final weights of its rows. */
  readonly achieved: number;
  /** Rows in it. */
  readonly respondents: number;
}

/** A margin as the report states it. */
export interface MarginReport {
  readonly field: string;
  readonly categories: readonly MarginCategory[];
}

/** How the weights came out: the weighting report of Qualtrics and anesrake, as data. */
export interface WeightingReport {
  readonly method: 'raking' | 'linear';
  /** Full passes over the margins (raking) or Newton steps (calibrate); 0 for the closed-form linear weights. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Rows weighted. */
  readonly n: number;
  /** Σ of the weights: the population total the margins give. */
  readonly sumWeights: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Coefficient of variation of the weights (their standard deviation over n, divided by their mean). */
  readonly cv: number;
  /** Kish's design effect of weighting, 1 + cv² = n·Σw²/(Σw)². */
  readonly designEffect: number;
  /** Weighting efficiency, the effective n over n: 1 / designEffect. */
  readonly efficiency: number;
  /** Rows whose weight was capped by `trim` (0 without trimming). */
  readonly trimmed: number;
  readonly margins: readonly MarginReport[];
}

/** What the standard errors of calibrated weights need: each row's cell of the margins and base weight. */
export interface CalibrationDesign {
  /**
   * `'raking-sweeps'`: R survey's `rake()` (ten sweeps of the margins over the linearised
   * values); `'regression'`: R survey's `calibrate()` (their residuals on the margins'
   * indicators, weighted by the base weights).
   */
  readonly variance: 'raking-sweeps' | 'regression';
  /** The cell (one category of every margin) of each row. */
  readonly cellOfRow: Int32Array;
  /** Per cell, its category index in each margin. */
  readonly cells: readonly (readonly number[])[];
  /** Categories per margin. */
  readonly categoryCounts: readonly number[];
  /** The base (design) weight of each row: 1 without `baseWeight`. */
  readonly baseWeights: Float64Array;
}

/** Weights from {@link rake} or {@link calibrate}. */
export interface CalibratedWeights {
  /** One weight per row, in the order of the rows given. */
  readonly weights: Float64Array;
  readonly report: WeightingReport;
  readonly calibration: CalibrationDesign;
  /**
   * The standard error of a weighted mean of `answers` (one per row) under these calibrated
   * weights, each scale point worth `score(slot)`: what the metrics call when given this object.
   */
  readonly standardError: (answers: ArrayLike<unknown>, scale: Scale, score: (slot: number) => number) => number | null;
}

/**
 * Whether `value` is a result of `rake` or `calibrate` (rather than plain weights).
 *
 * @example
 * ```ts
 * isCalibratedWeights(rake([{ c: 'a' }, { c: 'b' }], { margins: { c: { a: 1, b: 1 } } })); // true
 * isCalibratedWeights([1, 2]); // false
 * ```
 */
export function isCalibratedWeights(value: unknown): value is CalibratedWeights {
  return typeof value === 'object' && value !== null && (value as CalibratedWeights).weights instanceof Float64Array && typeof (value as CalibratedWeights).calibration === 'object' && typeof (value as CalibratedWeights).standardError === 'function';
}
