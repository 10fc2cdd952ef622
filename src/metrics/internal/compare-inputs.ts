import * as z from 'zod/mini';
import { withPathPrefix } from '../../core/errors.js';
import { parseWith } from '../../core/internal/parse-options.js';
import { answerOptionsShape } from '../../core/options.js';
import type { Scale } from '../../core/scale.js';
import type { Tally } from '../../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema } from '../../stats/interval.js';
import { resolveTally, type MetricInput, type ReadingOptions } from './resolve-tally.js';

/**
 * The options every two-sample comparison shares: how to read both samples (no weights —
 * weighted samples come as tallies) and the level.
 */
export const compareOptionsShape = {
  scale: answerOptionsShape.scale,
  notApplicable: answerOptionsShape.notApplicable,
  invalid: answerOptionsShape.invalid,
  level: z.optional(levelSchema),
};

/** Both samples as checked tallies; an error's path starts with 'a' or 'b' to say which. */
export function resolveSamples(a: MetricInput, b: MetricInput, options: ReadingOptions, defaultScale: Scale): [Tally, Tally] {
  return [
    withPathPrefix(['a'], () => resolveTally(a, options, defaultScale)),
    withPathPrefix(['b'], () => resolveTally(b, options, defaultScale)),
  ];
}

/**
 * The start every comparison shares: options checked, both samples read (errors under 'a'
 * or 'b'), and each side's result computed by the metric.
 */
export function compareStart<Options extends ReadingOptions & { readonly level?: number | undefined }, Result>(
  a: MetricInput,
  b: MetricInput,
  schema: z.ZodMiniType<Options>,
  options: unknown,
  defaultScale: Scale,
  resultOf: (tally: Tally, options: Options) => Result,
): { level: number; scale: Scale; a: Result; b: Result; method: Options extends { readonly interval?: infer Method } ? Method | undefined : undefined } {
  const parsed = parseWith(schema, options);
  const [tallyA, tallyB] = resolveSamples(a, b, parsed, defaultScale);
  const method = (parsed as { interval?: unknown }).interval as never;
  return { level: parsed.level ?? DEFAULT_LEVEL, scale: tallyA.scale, a: resultOf(tallyA, parsed), b: resultOf(tallyB, parsed), method };
}
