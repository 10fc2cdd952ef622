import * as z from 'zod/mini';
import { fail } from './errors.js';
import { emptyTally } from './internal/mutable-tally.js';
import { parseWith } from './internal/parse-options.js';
import { checkScale, formatScale, scalePoints, type Scale } from './scale.js';
import type { Tally } from './tally-types.js';

const count = z.int().check(z.gte(0));
const countArraySchema = z.array(count);
const countRecordSchema = z.record(z.string(), count);
const extrasSchema = z.strictObject({ missing: z.optional(count) });

/**
 * A tally from counts you already have: an array with one count per scale point
 * (index 0 = `scale.min`), or an object from point to count. Every answer has weight 1.
 *
 * @throws {CxValidationError} for a count that is not a non-negative integer, a point
 * outside the scale, or an array of the wrong length.
 * @example
 * ```ts
 * const t = tallyFromCounts(NPS_SCALE, { 10: 3, 8: 2, 6: 1 });
 * t.n; // 6
 * t.counts[10]; // 3
 * ```
 */
export function tallyFromCounts(
  scale: Scale,
  counts: readonly number[] | Readonly<Record<number, number>>,
  options: { readonly missing?: number } = {},
): Tally {
  const checkedScale = checkScale(scale);
  // Separate schemas, not a union, so that an error names the exact bad count.
  const parsed = Array.isArray(counts) ? parseWith(countArraySchema, counts, ['counts']) : parseWith(countRecordSchema, counts, ['counts']);
  const { missing = 0 } = parseWith(extrasSchema, options);
  const tally = emptyTally(checkedScale);
  const points = scalePoints(checkedScale);
  if (Array.isArray(parsed)) {
    if (parsed.length !== points) {
      fail('invalid_option', ['counts'], `counts needs one entry per point of ${formatScale(checkedScale)} (${points}), got ${parsed.length}`);
    }
    parsed.forEach((c, k) => (tally.counts[k] = c));
  } else {
    for (const [key, c] of Object.entries(parsed)) {
      const point = Number(key);
      if (!Number.isInteger(point) || point < checkedScale.min || point > checkedScale.max) {
        fail('invalid_option', ['counts', key], `${JSON.stringify(key)} is not a point of the scale ${formatScale(checkedScale)}`);
      }
      tally.counts[point - checkedScale.min] = c;
    }
  }
  for (let k = 0; k < points; k++) {
    const c = tally.counts[k]!;
    tally.sumWeights[k] = c;
    tally.sumSquaredWeights[k] = c;
    tally.n += c;
  }
  tally.missing = missing;
  return tally;
}
