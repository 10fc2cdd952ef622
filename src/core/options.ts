import * as z from 'zod/mini';
import { fail } from './errors.js';
import type { AnswerRules } from './internal/answer-rules.js';
import { isNumericArrayLike } from './internal/accumulate.js';
import { parseWith } from './internal/parse-options.js';
import { formatScale, scaleSchema, type Scale } from './scale.js';
import type { InvalidPolicy, NumericTypedArray, Weights, WeightsCarrier } from './tally-types.js';

/** How answers are read into a tally. */
export interface TallyOptions {
  /** The scale the answers are on. */
  readonly scale: Scale;
  /** One weight per answer: 0, or from 1e-100 to 1e100. */
  readonly weights?: Weights | undefined;
  /** Codes that mean "not applicable" (e.g. `[0]` on a 1–5 item): counted as missing. */
  readonly notApplicable?: readonly number[] | undefined;
  /** `'throw'` (default): any invalid answer throws. `'skip'`: leave it out, count it, list it. */
  readonly invalid?: InvalidPolicy | undefined;
}

/** The options of a tally except the scale, for functions that already know their scale. */
export type AnswerOptions = Omit<TallyOptions, 'scale'>;

const weightsSchema = z.custom<Weights>((value) => isNumericArrayLike(value) || isWeightsCarrier(value), { message: 'weights must be an array, a numeric typed array or the result of rake or calibrate' });

/** Whether weights are a result of `rake` or `calibrate` rather than plain numbers. */
export function isWeightsCarrier(value: unknown): value is WeightsCarrier {
  return typeof value === 'object' && value !== null && !isNumericArrayLike(value) && (value as WeightsCarrier).weights instanceof Float64Array;
}

/** The numbers of weights: a carrier's `weights`, plain weights as they are. */
export function plainWeights(weights: Weights | undefined): readonly number[] | NumericTypedArray | undefined {
  return isWeightsCarrier(weights) ? weights.weights : weights;
}

/** The zod/mini shape of {@link TallyOptions}, for metrics to extend with options of their own. */
export const answerOptionsShape = {
  scale: z.optional(scaleSchema),
  weights: z.optional(weightsSchema),
  notApplicable: z.optional(z.array(z.number())),
  invalid: z.optional(z.enum(['throw', 'skip'])),
};

const tallyOptionsSchema = z.strictObject({ ...answerOptionsShape, scale: scaleSchema });

/** The options that only make sense while reading answers, not for a ready tally. */
export const ANSWER_ONLY_OPTIONS = ['weights', 'notApplicable', 'invalid'] as const;

/** Builds the reading rules from checked options; `notApplicable` codes may not be scale points. */
export function answerRules(scale: Scale, options: Pick<TallyOptions, 'notApplicable' | 'invalid'>): AnswerRules {
  const codes = options.notApplicable ?? [];
  codes.forEach((code, index) => {
    if (Number.isInteger(code) && code >= scale.min && code <= scale.max) {
      fail('invalid_option', ['notApplicable', index], `${code} is a point of the scale ${formatScale(scale)}, so it cannot also mean "not applicable"`);
    }
  });
  return {
    scale,
    notApplicable: codes.length > 0 ? new Set(codes) : null,
    skipInvalid: options.invalid === 'skip',
  };
}

/** Checks tally options (structure only; weights are checked one by one while tallying). */
export function readTallyOptions(options: unknown): { rules: AnswerRules; weights: readonly number[] | NumericTypedArray | undefined } {
  const parsed = parseWith(tallyOptionsSchema, options);
  const scale = Object.freeze({ ...parsed.scale });
  return { rules: answerRules(scale, parsed), weights: plainWeights(parsed.weights) };
}
