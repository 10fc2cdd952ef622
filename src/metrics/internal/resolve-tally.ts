import { fail } from '../../core/errors.js';
import { checkTally } from '../../core/check-tally.js';
import { accumulate, isNumericArrayLike } from '../../core/internal/accumulate.js';
import { ANSWER_ONLY_OPTIONS, answerRules, plainWeights, type AnswerOptions } from '../../core/options.js';
import { formatScale, sameScale, type Scale } from '../../core/scale.js';
import type { Answers, Tally } from '../../core/tally-types.js';

/** What a metric accepts: raw answers or a tally built earlier (by `tally`, a merge, SQL…). */
export type MetricInput = Answers | Tally;

/** Checked options every metric shares: how to read answers and on which scale. */
export interface ReadingOptions extends AnswerOptions {
  readonly scale?: Scale | undefined;
}

/**
 * Turns a metric's input into a checked tally: answers are tallied on `options.scale` (or the
 * metric's default scale); a ready tally is validated and must not come with reading options,
 * which could no longer apply to it.
 */
export function resolveTally(input: MetricInput, options: ReadingOptions, defaultScale: Scale): Tally {
  if (isNumericArrayLike(input)) {
    const scale = options.scale ? Object.freeze({ ...options.scale }) : defaultScale;
    return accumulate(input, plainWeights(options.weights), answerRules(scale, options));
  }
  for (const key of ANSWER_ONLY_OPTIONS) {
    if (options[key] !== undefined) {
      fail('invalid_option', [key], `${key} applies while reading answers; this input is already a tally`);
    }
  }
  const checked = checkTally(input, []);
  if (options.scale && !sameScale(options.scale, checked.scale)) {
    fail('invalid_option', ['scale'], `the tally is on ${formatScale(checked.scale)}, not on ${formatScale(options.scale)}`);
  }
  return checked;
}
