import * as z from 'zod/mini';
import { CxValidationError, MAX_REPORTED_ISSUES, describeValue, fail } from './errors.js';
import { checkTally } from './check-tally.js';
import { accumulate } from './internal/accumulate.js';
import { isValidWeight, judgeOffScaleValue, pointIndex, weightVerdict, type AnswerRules, type Verdict } from './internal/answer-rules.js';
import { emptyTally, inputLength, mergeInto, snapshot } from './internal/mutable-tally.js';
import { parseWith } from './internal/parse-options.js';
import { answerRules, answerOptionsShape, type AnswerOptions } from './options.js';
import { checkScale, formatScale, sameScale, type Scale } from './scale.js';
import type { Answers, Tally, Weights } from './tally-types.js';

/** A running tally for answers that arrive over time or in chunks; memory stays one tally. */
export interface TallyAccumulator {
  /** Adds one answer (weight 1 unless given). Returns the accumulator for chaining. */
  add(answer: number | null | undefined, weight?: number): TallyAccumulator;
  /** Adds a batch in one pass; if it has invalid answers (and they are not skipped) nothing of it is added. */
  addAll(answers: Answers, weights?: Weights): TallyAccumulator;
  /** Adds a tally of the same scale, e.g. one built by another worker. */
  merge(tally: Tally): TallyAccumulator;
  /** A snapshot of everything added so far; later additions do not change it. */
  result(): Tally;
}

const accumulatorOptionsSchema = z.strictObject({
  notApplicable: answerOptionsShape.notApplicable,
  invalid: answerOptionsShape.invalid,
});

/**
 * Starts an empty tally to add answers to one at a time, in batches, or by merging tallies.
 * Indices in errors and in `rejected` count positions across everything added, in order.
 *
 * @throws {CxValidationError} from `add`/`addAll` for invalid answers unless `invalid: 'skip'`.
 * @example
 * ```ts
 * const running = createTally(NPS_SCALE);
 * running.add(10).add(6).addAll([9, null]);
 * running.result().n; // 3
 * ```
 */
export function createTally(scale: Scale, options: Omit<AnswerOptions, 'weights'> = {}): TallyAccumulator {
  const checkedScale = checkScale(scale);
  const rules: AnswerRules = answerRules(checkedScale, parseWith(accumulatorOptionsSchema, options));
  const state = emptyTally(checkedScale);
  const min = checkedScale.min;
  const span = checkedScale.max - min;

  function reject(index: number, value: unknown, verdict: Verdict, path: readonly (string | number)[]): void {
    if (!rules.skipInvalid) throw new CxValidationError([{ code: verdict.code, path, message: verdict.message }]);
    if (state.rejected.length < MAX_REPORTED_ISSUES) {
      state.rejected.push({ index, value: describeValue(value), code: verdict.code, reason: verdict.message });
    }
    state.invalid++;
  }

  const accumulator: TallyAccumulator = {
    add(answer, weight = 1) {
      const index = inputLength(state);
      if (!isValidWeight(weight)) {
        reject(index, answer, weightVerdict(weight), ['weights', index]);
        return accumulator;
      }
      const k = pointIndex(answer, min, span);
      if (k >= 0) {
        state.counts[k]!++;
        state.sumWeights[k]! += weight;
        state.sumSquaredWeights[k]! += weight * weight;
        state.n++;
        return accumulator;
      }
      const verdict = judgeOffScaleValue(answer, rules);
      if (verdict === 'missing') state.missing++;
      else reject(index, answer, verdict, [index]);
      return accumulator;
    },
    addAll(answers, weights) {
      // Indices in errors continue the stream; mergeInto shifts the batch's rejected ones the same way.
      mergeInto(state, accumulate(answers, weights, rules, inputLength(state)));
      return accumulator;
    },
    merge(tally) {
      const checked = checkTally(tally);
      if (!sameScale(checked.scale, checkedScale)) {
        fail('invalid_tally', ['scale'], `cannot merge a tally on ${formatScale(checked.scale)} into one on ${formatScale(checkedScale)}`);
      }
      mergeInto(state, checked);
      return accumulator;
    },
    result() {
      return snapshot(state);
    },
  };
  return accumulator;
}
