import { accumulate } from './internal/accumulate.js';
import { readTallyOptions, type TallyOptions } from './options.js';
import type { Answers, Tally } from './tally-types.js';

/**
 * Tallies answers on a scale in one pass: per point the number of answers, Σw and Σw²,
 * plus how many were missing and invalid.
 *
 * `null` / `undefined` and `notApplicable` codes count as missing. Anything else that is not
 * an integer point of the scale (NaN, ±Infinity, 6.5, 11, the string "9", a sparse-array
 * hole) is invalid: it throws, or with `invalid: 'skip'` is counted in `invalid` and listed
 * in `rejected`. The input is only read, never changed.
 *
 * @throws {CxValidationError} listing every invalid answer or weight (first 100), by index.
 * @example
 * ```ts
 * const t = tally([10, 9, 7, null, 3], { scale: NPS_SCALE });
 * t.n; // 4
 * t.missing; // 1
 * t.counts; // [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]
 * ```
 */
export function tally(answers: Answers, options: TallyOptions): Tally {
  const { rules, weights } = readTallyOptions(options);
  return accumulate(answers, weights, rules);
}
