import * as z from 'zod/mini';
import { parseWith } from '../core/internal/parse-options.js';
import { isNumericArrayLike } from '../core/internal/accumulate.js';
import { answerOptionsShape } from '../core/options.js';
import { CSAT_SCALE, type Scale } from '../core/scale.js';
import type { Tally } from '../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema, waldInterval, type Interval } from '../stats/interval.js';
import { proportionInterval, type ProportionIntervalMethod } from '../stats/proportion-interval.js';
import { sampleFields, type MetricResult } from './internal/base-result.js';
import { memberPoints, pointSet, topPoints } from './internal/points.js';
import { resolveTally, type MetricInput, type ReadingOptions } from './internal/resolve-tally.js';
import { linearisedStandardError, scoredMean } from './internal/scored-mean.js';
import { withCalibration } from './internal/calibrated.js';
import { csatPointScores } from './internal/point-scores.js';

/** How the CSAT interval is computed (see the methodology for when to choose which). */
export type CsatIntervalMethod = ProportionIntervalMethod;

/** Options of {@link csat}. */
export interface CsatOptions extends ReadingOptions {
  /** The answer scale (default 1–5). */
  readonly scale?: Scale | undefined;
  /** The points that count as satisfied (default: the top two points of the scale). */
  readonly satisfied?: readonly number[] | undefined;
  /** `'wilson'` (default), `'agresti-coull'`, `'jeffreys'`, `'clopper-pearson'` or `'wald'`. */
  readonly interval?: CsatIntervalMethod | undefined;
  /** Confidence level (default 0.95). */
  readonly level?: number | undefined;
}

/** Customer satisfaction: the share of satisfied answers, with the mean rating. */
export interface CsatResult extends MetricResult {
  readonly metric: 'csat';
  /** % of answers in the satisfied points, 0–100; null when there are no (weighted) answers. */
  readonly score: number | null;
  /** Σw of satisfied answers. */
  readonly satisfied: number;
  /** The weighted mean rating on the scale, or null. */
  readonly mean: number | null;
  /** The points counted as satisfied. */
  readonly satisfiedPoints: readonly number[];
  readonly interval: Interval<CsatIntervalMethod> | null;
}

/** zod/mini schema of {@link CsatOptions}. */
export const csatOptionsSchema = z.strictObject({
  ...answerOptionsShape,
  satisfied: z.optional(z.array(z.number())),
  interval: z.optional(z.enum(['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'])),
  level: z.optional(levelSchema),
});

/**
 * CSAT: the percentage of answers that are satisfied — by default the top two points of the
 * declared scale (4–5 on 1–5), never of the observed maximum — with the mean rating.
 *
 * Standard error √(p(1−p)/n), or with weights the linearisation Σw²(y − p)²/(Σw)² for y = 1
 * (satisfied) / 0. Interval (`interval`): Wilson score (default; R's `prop.test(x, n, correct
 * = FALSE)`), Agresti–Coull, Jeffreys, Clopper–Pearson (R's `binom.test`) — on the Kish
 * effective n with weights — or Wald on the standard error. On the 0–100 scale; the method is
 * named in `interval.method`. Which to choose: docs/methodology.md.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), weights or options.
 * @example
 * ```ts
 * const result = csat([5, 4, 3, 1, 5]);
 * result.score; // 60 (3 of 5 answered 4 or 5)
 * result.mean; // 3.6
 * csat([9, 10, 7, 3], { scale: { min: 1, max: 10 }, satisfied: [9, 10] }).score; // 50
 * csat([5, 5, 5, 5], { interval: 'clopper-pearson' }).interval?.lower; // 39.76 (R: binom.test(4, 4)$conf.int = 0.3976)
 * ```
 */
export function csat(input: MetricInput, options: CsatOptions = {}): CsatResult {
  const parsed = parseWith(csatOptionsSchema, options);
  if (isNumericArrayLike(input)) satisfiedSlots(parsed.satisfied, parsed.scale ?? CSAT_SCALE);
  return withCalibration(csatFromTally(resolveTally(input, parsed, CSAT_SCALE), parsed), input, parsed, csatPointScores);
}

function satisfiedSlots(satisfied: readonly number[] | undefined, scale: Scale): boolean[] {
  return pointSet(satisfied ?? topPoints(scale, 2), scale, 'satisfied');
}

/** The CSAT of a checked tally: the pure core of {@link csat}. */
export function csatFromTally(tally: Tally, options: Pick<CsatOptions, 'satisfied' | 'interval' | 'level'> = {}): CsatResult {
  const member = satisfiedSlots(options.satisfied, tally.scale);
  const level = options.level ?? DEFAULT_LEVEL;
  const sample = sampleFields(tally);
  const share = scoredMean(tally, (k) => (member[k] ? 1 : 0));
  const rating = scoredMean(tally, (k) => tally.scale.min + k);
  const satisfiedPoints = memberPoints(member, tally.scale);
  const satisfied = share?.weightedSum ?? 0;
  const base = { metric: 'csat' as const, ...sample, satisfied, satisfiedPoints };
  if (share === null || rating === null) return { ...base, score: null, mean: null, standardError: null, interval: null };
  const standardError = linearisedStandardError(share);
  const method = options.interval ?? 'wilson';
  // Wald uses the reported (linearised) standard error; the others p on the Kish effective n,
  // as x = p·n_eff satisfied answers of n_eff.
  const interval = method === 'wald' ? waldInterval(share.mean, standardError, level, 0, 1) : proportionInterval(share.mean * sample.effectiveN, sample.effectiveN, level, method);
  return {
    ...base,
    score: share.mean * 100,
    mean: rating.mean,
    standardError: standardError * 100,
    interval: { ...interval, lower: interval.lower * 100, upper: interval.upper * 100 },
  };
}
