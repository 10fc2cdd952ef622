import { describeValue, fail } from './errors.js';

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < -15 || digits > 15) {
    fail('invalid_option', ['digits'], `digits must be an integer from -15 to 15, got ${describeValue(digits)}`);
  }
}

/** Shifts the decimal point of a non-negative finite number by `places` without binary error. */
function shiftDecimal(value: number, places: number): number {
  // toExponential() gives the shortest decimal that reads back as `value`; moving its exponent
  // moves the decimal point exactly, where `value * 100` would carry binary error (1.005 * 100 = 100.49999…).
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero to `digits` decimals, on the decimal value as written:
 * `round(1.005, 2)` is 1.01 (where `Math.round(1.005 * 100) / 100` gives 1.00) and
 * `round(-2.5)` is −3. Negative `digits` round to tens, hundreds, …
 *
 * @param digits decimals to keep, an integer from −15 to 15 (default 0).
 * @throws {CxValidationError} when `value` is not a finite number or `digits` is out of range.
 * @example
 * ```ts
 * round(1.005, 2); // 1.01
 * round(-2.5); // -3
 * round(33.33333, 1); // 33.3
 * round(1234, -2); // 1200
 * ```
 */
export function round(value: number, digits = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('invalid_option', ['value'], `round needs a finite number, got ${describeValue(value)}`);
  }
  checkDigits(digits);
  if (value === 0) return 0;
  // From 2⁵² up every double is an integer: no decimals to round, and shifting could overflow.
  if (digits >= 0 && Math.abs(value) >= 2 ** 52) return value;
  const magnitude = Math.round(shiftDecimal(Math.abs(value), digits));
  const rounded = magnitude === 0 ? 0 : shiftDecimal(magnitude, -digits);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
