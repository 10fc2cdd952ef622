import * as z from 'zod/mini';
import { MAX_REPORTED_ISSUES, VALIDATION_CODES, fail } from './errors.js';
import { weightSumsProblem } from './internal/answer-rules.js';
import { parseWith } from './internal/parse-options.js';
import { scalePoints, scaleSchema } from './scale.js';
import type { Tally } from './tally-types.js';

const count = z.int().check(z.gte(0));
const sum = z.number().check(z.gte(0));

const rejectedSchema = z.strictObject({
  index: count,
  value: z.string(),
  code: z.enum(VALIDATION_CODES),
  reason: z.string(),
});

const tallySchema = z.strictObject({
  scale: scaleSchema,
  counts: z.array(count),
  sumWeights: z.array(sum),
  sumSquaredWeights: z.array(sum),
  n: count,
  missing: count,
  invalid: count,
  rejected: z.optional(z.array(rejectedSchema).check(z.maxLength(MAX_REPORTED_ISSUES))),
});

/**
 * Checks a tally that came from outside this process (JSON, SQL, a hand-written object):
 * one slot per scale point, `n` = Σ counts, and per point sums of weights that weights of
 * 0 or 1e-100…1e100 can add up to (none on a point without answers). Returns it with
 * `rejected` defaulted to `[]`.
 *
 * @throws {CxValidationError} naming the first inconsistent field.
 */
export function checkTally(value: unknown, path: readonly (string | number)[] = []): Tally {
  const tally = parseWith(tallySchema, value, path, 'invalid_tally');
  const points = scalePoints(tally.scale);
  for (const field of ['counts', 'sumWeights', 'sumSquaredWeights'] as const) {
    if (tally[field].length !== points) {
      fail('invalid_tally', [...path, field], `${field} needs one entry per scale point (${points}), got ${tally[field].length}`);
    }
  }
  let answered = 0;
  tally.counts.forEach((c, k) => {
    answered += c;
    const problem = weightSumsProblem(c, tally.sumWeights[k]!, tally.sumSquaredWeights[k]!);
    if (problem !== null) fail('invalid_tally', [...path, 'sumWeights', k], `point ${tally.scale.min + k}: ${problem}`);
  });
  if (answered !== tally.n) {
    fail('invalid_tally', [...path, 'n'], `n (${tally.n}) must equal the sum of counts (${answered})`);
  }
  return { ...tally, rejected: tally.rejected ?? [] };
}
