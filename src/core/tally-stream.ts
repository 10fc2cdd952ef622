import { describeValue, fail } from './errors.js';
import { createTally } from './create-tally.js';
import { isNumericArrayLike } from './internal/accumulate.js';
import type { AnswerOptions } from './options.js';
import type { Scale } from './scale.js';
import type { Answers, Tally, Weights } from './tally-types.js';

/** A chunk of a stream: answers, or answers with one weight each. */
export type TallyChunk = Answers | { readonly answers: Answers; readonly weights?: Weights | undefined };

/**
 * Tallies a stream of answer chunks — an async iterable such as a Node stream of parsed
 * batches, or any iterable — holding one tally in memory, never the answers. Indices in
 * errors and in `rejected` count positions across the whole stream. A chunk is read before
 * the next is requested, so a producer may reuse its buffer.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`) or a chunk that
 * is neither an array nor `{ answers, weights }`; answers before the bad chunk are lost with
 * the rejected promise.
 * @example
 * ```ts
 * async function* batches() {
 *   yield [10, 9, 3];
 *   yield new Uint8Array([10, 8]);
 *   yield { answers: [0], weights: [2] };
 * }
 * const t = await tallyStream(batches(), NPS_SCALE);
 * t.n; // 6
 * t.sumWeights[0]; // 2
 * ```
 */
export async function tallyStream(source: AsyncIterable<TallyChunk> | Iterable<TallyChunk>, scale: Scale, options: Omit<AnswerOptions, 'weights'> = {}): Promise<Tally> {
  const running = createTally(scale, options);
  let index = 0;
  for await (const chunk of source) {
    if (isNumericArrayLike(chunk)) running.addAll(chunk as Answers);
    else if (typeof chunk === 'object' && chunk !== null && 'answers' in chunk) running.addAll(chunk.answers, chunk.weights);
    else fail('invalid_type', ['chunks', index], `a chunk must be an array of answers or { answers, weights }, got ${describeValue(chunk)}`);
    index++;
  }
  return running.result();
}
