import { describeValue, type ValidationCode } from '../errors.js';
import { formatScale, type Scale } from '../scale.js';

/** How answers are read: the scale, the codes that mean "not applicable", what to do with the rest. */
export interface AnswerRules {
  readonly scale: Scale;
  /** Codes counted as missing; never points of the scale (checked when the options are read). */
  readonly notApplicable: ReadonlySet<number> | null;
  readonly skipInvalid: boolean;
}

/**
 * The slot of a value on a scale starting at `min` with `span` = max − min, or −1 when the
 * value is not an integer point of it (NaN fails every comparison and lands here too).
 * Small enough for the JIT to inline into the hot loops.
 */
export function pointIndex(value: unknown, min: number, span: number): number {
  if (typeof value !== 'number') return -1;
  // Integrality is tested on the value itself: value − min can round a non-integer to an
  // integer (5e-324 − (−2) === 2), which the answers-schema property test caught.
  return value >= min && value - min <= span && Math.floor(value) === value ? value - min : -1;
}

export interface Verdict {
  readonly code: ValidationCode;
  readonly message: string;
}

/**
 * The slow path for a value that is not a plain point of the scale: `'missing'` for no answer
 * or a not-applicable code, otherwise why it is invalid. Sparse-array holes are found by the
 * caller, which alone knows the array.
 */
export function judgeOffScaleValue(value: unknown, rules: AnswerRules): Verdict | 'missing' {
  if (value === null || value === undefined) return 'missing';
  if (typeof value !== 'number') {
    return { code: 'invalid_type', message: `expected a number or null, got ${describeValue(value)}` };
  }
  if (rules.notApplicable?.has(value)) return 'missing';
  if (!Number.isFinite(value)) {
    return { code: 'not_finite', message: `${describeValue(value)} is not a finite number` };
  }
  const { scale } = rules;
  if (value < scale.min || value > scale.max) {
    return { code: 'out_of_range', message: `${describeValue(value)} is outside the scale ${formatScale(scale)}` };
  }
  return { code: 'not_integer', message: `${describeValue(value)} is not a point of the scale ${formatScale(scale)} (points are integers)` };
}

/**
 * Weights are relative sizes: 0, or from 1e-100 to 1e100, so that their squares and sums
 * neither overflow nor vanish (a weight of 1e200 squared is Infinity, one of 1e-200 squared
 * is 0, and either turns the effective n into NaN). NaN fails every comparison.
 */
export const WEIGHT_MIN = 1e-100;
export const WEIGHT_MAX = 1e100;

export function isValidWeight(weight: unknown): weight is number {
  return typeof weight === 'number' && (weight === 0 || (weight >= WEIGHT_MIN && weight <= WEIGHT_MAX));
}

/** Why a weight that failed {@link isValidWeight} is invalid. */
export function weightVerdict(weight: unknown): Verdict {
  return { code: 'invalid_weight', message: `weight must be 0 or a number from 1e-100 to 1e100, got ${describeValue(weight)}` };
}

/**
 * What is wrong with the sums of the weights of `count` answers on one point (from a tally
 * or SQL made elsewhere), or null: they must be what such weights can add up to.
 */
export function weightSumsProblem(count: number, sum: number, squares: number): string | null {
  if (!(sum >= 0 && sum < Infinity && squares >= 0 && squares < Infinity)) return 'sums of weights must be non-negative finite numbers';
  if (count === 0 && (sum !== 0 || squares !== 0)) return 'weight but no answers';
  if (sum > 0 !== squares > 0) return 'the sum of weights and the sum of squared weights must both be 0 or both be positive';
  // The slack absorbs rounding: 1000 weights of 1e100 add up to a little more than 1e103.
  const most = count * (1 + 1e-6);
  if (sum > WEIGHT_MAX * most || squares > WEIGHT_MAX * WEIGHT_MAX * most) return 'sums of weights larger than weights up to 1e100 can give';
  return null;
}

export const HOLE_VERDICT: Verdict = {
  code: 'sparse',
  message: 'empty slot in a sparse array (use null or undefined for "no answer")',
};
