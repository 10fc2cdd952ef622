import { describeValue, fail } from '../../core/errors.js';

/** Throws unless `p` is a probability in [0, 1]. */
export function checkProbability(p: number, name = 'p'): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    fail('invalid_option', [name], `${name} must be a probability from 0 to 1, got ${describeValue(p)}`);
  }
}

/** Throws unless `x` is a number (±Infinity allowed, NaN not). */
export function checkNumber(x: number, name = 'x'): void {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    fail('invalid_option', [name], `${name} must be a number, got ${describeValue(x)}`);
  }
}
