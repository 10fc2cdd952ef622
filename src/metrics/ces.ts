import * as z from 'zod/mini';
import { isNumericArrayLike } from '../core/internal/accumulate.js';
import { parseWith } from '../core/internal/parse-options.js';
import { answerOptionsShape } from '../core/options.js';
import { CES_SCALE, type Scale } from '../core/scale.js';
import type { Tally } from '../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema, waldInterval, type Interval } from '../stats/interval.js';
import { wilsonInterval } from '../stats/wilson.js';
import { withCalibration } from './internal/calibrated.js';
import { cesPointScores } from './internal/point-scores.js';
import { sampleFields, type MetricResult } from './internal/base-result.js';
import { memberPoints } from './internal/points.js';
import { resolveEffortPoints, type CesOrientation } from './internal/effort-points.js';
import { resolveTally, type MetricInput, type ReadingOptions } from './internal/resolve-tally.js';
import { linearisedStandardError, scoredMean } from './internal/scored-mean.js';
import { meanEstimate } from './internal/mean-estimate.js';

export type { CesOrientation } from './internal/effort-points.js';

/** Which CES number is the headline `score`. */
export type CesMethod = 'mean' | 'percent-easy' | 'net-easy';

/** The interval of each headline: Student t for the mean, Wilson for percent easy, Wald for net easy. */
export type CesIntervalMethod = 't' | 'wilson' | 'wald';

/** Options of {@link ces}. */
export interface CesOptions extends ReadingOptions {
  /** The answer scale (default 1–7, CES 2.0). */
  readonly scale?: Scale | undefined;
  /** `'higher-is-easier'` (default, CES 2.0 agreement) or `'lower-is-easier'` (CES 1.0 effort). */
  readonly orientation?: CesOrientation | undefined;
  /** Points that count as easy (default: the top three of seven / two of five in the easy direction). */
  readonly easy?: readonly number[] | undefined;
  /** Points that count as difficult (default: the mirror image of `easy`). */
  readonly difficult?: readonly number[] | undefined;
  /** The headline: `'mean'` (default), `'percent-easy'` or `'net-easy'`. */
  readonly method?: CesMethod | undefined;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number | undefined;
}

/** The Customer Effort Score, with the scale, orientation and method that say how to read it. */
export interface CesResult extends MetricResult {
  readonly metric: 'ces';
  /** `mean`, `percentEasy` or `netEasy` as `method` says; null when there are no (weighted) answers. */
  readonly score: number | null;
  readonly method: CesMethod;
  readonly orientation: CesOrientation;
  /** Weighted mean answer on the scale as asked (not flipped by orientation), or null. */
  readonly mean: number | null;
  /** % of answers in the easy points, 0–100, or null. */
  readonly percentEasy: number | null;
  /** % of answers in the difficult points, 0–100, or null. */
  readonly percentDifficult: number | null;
  /** percentEasy − percentDifficult, −100…100, or null. */
  readonly netEasy: number | null;
  /** Σw of easy answers. */
  readonly easy: number;
  /** Σw of difficult answers. */
  readonly difficult: number;
  readonly easyPoints: readonly number[];
  readonly difficultPoints: readonly number[];
  readonly interval: Interval<CesIntervalMethod> | null;
}

/** zod/mini schema of {@link CesOptions}; unknown options are refused. */
export const cesOptionsSchema = z.strictObject({
  ...answerOptionsShape,
  orientation: z.optional(z.enum(['higher-is-easier', 'lower-is-easier'])),
  easy: z.optional(z.array(z.number())),
  difficult: z.optional(z.array(z.number())),
  method: z.optional(z.enum(['mean', 'percent-easy', 'net-easy'])),
  level: z.optional(levelSchema),
});

type CesShape = Pick<CesOptions, 'orientation' | 'easy' | 'difficult' | 'method' | 'level'>;

/**
 * The Customer Effort Score: the mean answer, the percentages of easy and difficult answers
 * and their difference (net easy). CES 2.0 (the default) asks agreement with "the company
 * made it easy to handle my issue" on 1–7, higher = easier, easy = 5–7, difficult = 1–3.
 * CES 1.0 asked for effort on 1–5, lower = easier: pass `scale: { min: 1, max: 5 }` and
 * `orientation: 'lower-is-easier'` (easy = 1–2, difficult = 4–5).
 *
 * The headline `score` is the mean unless `method` says otherwise; the result carries the
 * scale, orientation and method, so a 5-point and a 7-point CES are never confused.
 * Uncertainty of the headline:
 * - mean: standard error s/√n and a Student t interval on n − 1 degrees of freedom
 *   (R `t.test`); with weights the linearised standard error × √(n/(n−1)) (R
 *   `survey::svymean`) and Kish effective n − 1 degrees of freedom. Clipped to the scale.
 *   One answer has no variance: `standardError` and `interval` are then null.
 * - percent-easy: √(p(1−p)/n) and the Wilson interval, as for CSAT.
 * - net-easy: the trinomial √((e + d − net²)/n), as for NPS, and a Wald interval.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), weights or options.
 * @example
 * ```ts
 * const result = ces([7, 6, 1]);
 * result.mean; // 4.6667 ((7 + 6 + 1) / 3)
 * result.percentEasy; // 66.667 (7 and 6 are easy)
 * result.netEasy; // 33.333 (66.667 − 33.333)
 * ces([1, 2, 4], { scale: { min: 1, max: 5 }, orientation: 'lower-is-easier' }).percentEasy; // 66.667
 * ```
 */
export function ces(input: MetricInput, options: CesOptions = {}): CesResult {
  const parsed = parseWith(cesOptionsSchema, options);
  // Easy and difficult points are checked before a possibly long pass over the answers.
  if (isNumericArrayLike(input)) resolveEffortPoints(parsed.scale ?? CES_SCALE, parsed.orientation ?? 'higher-is-easier', parsed.easy, parsed.difficult);
  return withCalibration(cesFromTally(resolveTally(input, parsed, CES_SCALE), parsed), input, parsed, cesPointScores);
}

/** The CES of a checked tally: the pure core of {@link ces}. */
export function cesFromTally(tally: Tally, options: CesShape = {}): CesResult {
  const orientation = options.orientation ?? 'higher-is-easier';
  const method = options.method ?? 'mean';
  const level = options.level ?? DEFAULT_LEVEL;
  const { scale } = tally;
  const points = resolveEffortPoints(scale, orientation, options.easy, options.difficult);
  const sample = sampleFields(tally);
  const rating = meanEstimate(tally, sample.effectiveN, level);
  const easyShare = scoredMean(tally, (k) => (points.easy[k] ? 1 : 0));
  const difficultShare = scoredMean(tally, (k) => (points.difficult[k] ? 1 : 0));
  const net = scoredMean(tally, (k) => (points.easy[k] ? 1 : points.difficult[k] ? -1 : 0));
  const base = {
    metric: 'ces' as const,
    ...sample,
    method,
    orientation,
    easy: easyShare?.weightedSum ?? 0,
    difficult: difficultShare?.weightedSum ?? 0,
    easyPoints: memberPoints(points.easy, scale),
    difficultPoints: memberPoints(points.difficult, scale),
  };
  if (rating === null || easyShare === null || difficultShare === null || net === null) {
    return { ...base, score: null, mean: null, percentEasy: null, percentDifficult: null, netEasy: null, standardError: null, interval: null };
  }
  const values = { mean: rating.mean, percentEasy: easyShare.mean * 100, percentDifficult: difficultShare.mean * 100, netEasy: net.mean * 100 };
  let headline: { score: number; standardError: number | null; interval: Interval<CesIntervalMethod> | null };
  if (method === 'percent-easy') {
    const interval = wilsonInterval(easyShare.mean, sample.effectiveN, level);
    headline = {
      score: values.percentEasy,
      standardError: linearisedStandardError(easyShare) * 100,
      interval: { ...interval, lower: interval.lower * 100, upper: interval.upper * 100 },
    };
  } else if (method === 'net-easy') {
    const standardError = linearisedStandardError(net) * 100;
    headline = { score: values.netEasy, standardError, interval: waldInterval(values.netEasy, standardError, level, -100, 100) };
  } else {
    headline = { score: rating.mean, standardError: rating.standardError, interval: rating.interval };
  }
  return { ...base, ...values, ...headline };
}
