import * as z from 'zod/mini';
import { describeValue, fail } from './errors.js';
import { parseWith } from './internal/parse-options.js';

const partsSchema = z.array(z.number().check(z.gte(0)));

/**
 * Turns non-negative parts (counts, weights or percentages) into percentages rounded to
 * `digits` decimals that still add up to exactly 100, by the largest-remainder (Hamilton)
 * method: every part is rounded down, then the units left over go to the largest remainders
 * (ties to the earlier part). All-zero or empty input gives all zeros.
 *
 * @throws {CxValidationError} for a negative or non-finite part, or `digits` outside 0–10.
 * @example
 * ```ts
 * roundPercentages([1, 2, 3], 2); // [16.67, 33.33, 50]
 * roundPercentages([1, 1, 1]); // [34, 33, 33]
 * ```
 */
export function roundPercentages(parts: readonly number[], digits = 0): number[] {
  const values = parseWith(partsSchema, parts, ['parts']);
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    fail('invalid_option', ['digits'], `digits must be an integer from 0 to 10, got ${describeValue(digits)}`);
  }
  const total = values.reduce((sum, part) => sum + part, 0);
  if (total === 0) return values.map(() => 0);
  const scale = 10 ** digits;
  const units = 100 * scale;
  const exact = values.map((part) => (part / total) * units);
  // A quotient within 1e-9 units of an integer is that integer: binary noise must not lose a unit.
  const floors = exact.map((x) => (Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : Math.floor(x)));
  let left = units - floors.reduce((sum, f) => sum + f, 0);
  const order = exact
    .map((x, index) => ({ index, remainder: x - floors[index]! }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index]!++;
    left--;
  }
  return floors.map((f) => f / scale);
}
