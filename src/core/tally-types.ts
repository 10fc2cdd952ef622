import type { ValidationCode } from './errors.js';
import type { Scale } from './scale.js';

/** The numeric typed arrays accepted as answers or weights, read without copying. */
export type NumericTypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * Answers on a scale: one number per respondent, `null` or `undefined` for no answer.
 * A numeric typed array works too (it cannot hold "no answer" except as a `notApplicable` code).
 */
export type Answers = readonly (number | null | undefined)[] | NumericTypedArray;

/** One weight per answer (0, or from 1e-100 to 1e100), in the same order as the answers. */
export type Weights = readonly number[] | NumericTypedArray | WeightsCarrier;

/**
 * Weights that carry more than the numbers: the result of `rake` or `calibrate`, whose
 * `weights` are read as plain weights by a tally and whose calibration the metrics use for
 * their standard errors.
 */
export interface WeightsCarrier {
  readonly weights: Float64Array;
  /**
   * The standard error of a weighted mean of `answers` (one per row of the weights) under these
   * weights, given each scale point's value `score(slot)`; null when there is none. The
   * weights bring it themselves, so that `import { nps }` does not carry the calibration code.
   */
  readonly standardError?: ((answers: ArrayLike<unknown>, scale: Scale, score: (slot: number) => number) => number | null) | undefined;
}

/** What happens to an answer that is not a point of the scale. */
export type InvalidPolicy = 'throw' | 'skip';

/** An answer left out under `invalid: 'skip'`: where it was, what it was, and why. */
export interface RejectedAnswer {
  /** Position of the answer in the input (in the concatenated input, after a merge). */
  readonly index: number;
  /** The value as text, so that NaN or `"9"` survive `JSON.stringify`. */
  readonly value: string;
  readonly code: ValidationCode;
  readonly reason: string;
}

/**
 * The distribution of answers on a scale; every metric is a pure function of it.
 *
 * Arrays have one slot per scale point, index 0 = `scale.min`. Plain data: `JSON.stringify`
 * round-trips it, and tallies of disjoint inputs add up with `mergeTallies`.
 */
export interface Tally {
  readonly scale: Scale;
  /** Number of answers per point (unweighted). */
  readonly counts: readonly number[];
  /** Σw per point: the weighted distribution (equals `counts` without weights). */
  readonly sumWeights: readonly number[];
  /** Σw² per point, for standard errors and the Kish effective sample size. */
  readonly sumSquaredWeights: readonly number[];
  /** Answers on the scale (the denominator). */
  readonly n: number;
  /** No answer: `null`, `undefined` or a `notApplicable` code. Never in the denominator. */
  readonly missing: number;
  /** Answers left out because they were not points of the scale (`invalid: 'skip'`). */
  readonly invalid: number;
  /** The first 100 of the invalid answers. */
  readonly rejected: readonly RejectedAnswer[];
}
