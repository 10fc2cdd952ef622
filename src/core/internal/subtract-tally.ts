import type { Tally } from '../tally-types.js';
import { emptyTally } from './mutable-tally.js';

/**
 * The tally of the answers in `whole` that are not in `part` (a subset of it, same scale):
 * the rest of the respondents, without a second pass over them. Counts subtract exactly;
 * weighted sums to rounding, so a difference below 1e-9 of the whole's is taken as 0.
 * Rejected answers are not carried (their indices mean nothing after a subtraction).
 */
export function subtractTally(whole: Tally, part: Tally): Tally {
  const rest = emptyTally(whole.scale);
  const left = (a: number, b: number) => (a - b <= Math.abs(a) * 1e-9 ? 0 : a - b);
  for (let k = 0; k < rest.counts.length; k++) {
    rest.counts[k] = whole.counts[k]! - part.counts[k]!;
    rest.sumWeights[k] = left(whole.sumWeights[k]!, part.sumWeights[k]!);
    rest.sumSquaredWeights[k] = left(whole.sumSquaredWeights[k]!, part.sumSquaredWeights[k]!);
  }
  rest.n = whole.n - part.n;
  rest.missing = whole.missing - part.missing;
  rest.invalid = whole.invalid - part.invalid;
  return rest;
}
