import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { isNumericArrayLike } from '../core/internal/accumulate.js';
import { parseWith } from '../core/internal/parse-options.js';
import { answerOptionsShape } from '../core/options.js';
import { NPS_SCALE, formatScale, type Scale } from '../core/scale.js';
import type { Tally } from '../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema, symmetricInterval, twoSidedZ, waldInterval, type Interval } from '../stats/interval.js';
import { sampleFields, type MetricResult } from './internal/base-result.js';
import { resolveTally, type MetricInput, type ReadingOptions } from './internal/resolve-tally.js';
import { npsScoreInterval } from './internal/nps-score-interval.js';
import { withCalibration } from './internal/calibrated.js';
import { npsPointScores } from './internal/point-scores.js';
import { linearisedStandardError, scoredMean } from './internal/scored-mean.js';

/** Where detractors end and promoters begin; passives are the points in between. */
export interface NpsBands {
  /** Highest detractor point (default 6). */
  readonly detractorMax: number;
  /** Lowest promoter point (default 9). */
  readonly promoterMin: number;
}

/** The classic bands: 0–6 detractors, 7–8 passives, 9–10 promoters. */
export const DEFAULT_NPS_BANDS: NpsBands = Object.freeze({ detractorMax: 6, promoterMin: 9 });

/** How the NPS interval is computed. */
export type NpsIntervalMethod = 'adjusted-wald' | 'iterative' | 'wald';

/** Options of {@link nps}. */
export interface NpsOptions extends ReadingOptions {
  /** The answer scale (default 0–10). */
  readonly scale?: Scale | undefined;
  /** Band limits; each defaults to {@link DEFAULT_NPS_BANDS}. */
  readonly bands?: { readonly detractorMax?: number | undefined; readonly promoterMin?: number | undefined } | undefined;
  /** `'adjusted-wald'` (default, Rocks 2016), `'iterative'` (the score interval of Rocks' R package) or `'wald'`. */
  readonly interval?: NpsIntervalMethod | undefined;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number | undefined;
}

/** The Net Promoter Score and everything needed to judge it. */
export interface NpsResult extends MetricResult {
  readonly metric: 'nps';
  /** % promoters − % detractors, from −100 to 100; null when there are no (weighted) answers. */
  readonly score: number | null;
  /** Σw of promoters. */
  readonly promoters: number;
  /** Σw of passives. */
  readonly passives: number;
  /** Σw of detractors. */
  readonly detractors: number;
  /** Shares in percent (0–100, full precision; `roundPercentages` for display), or null when empty. */
  readonly percent: { readonly promoters: number; readonly passives: number; readonly detractors: number } | null;
  readonly bands: NpsBands;
  readonly interval: Interval<NpsIntervalMethod> | null;
}

const bandsSchema = z.strictObject({ detractorMax: z.optional(z.int()), promoterMin: z.optional(z.int()) });

/** zod/mini schema of {@link NpsOptions}; unknown options are refused. */
export const npsOptionsSchema = z.strictObject({
  ...answerOptionsShape,
  bands: z.optional(bandsSchema),
  interval: z.optional(z.enum(['adjusted-wald', 'iterative', 'wald'])),
  level: z.optional(levelSchema),
});

/** Bands filled in with the defaults and checked against the scale. */
export function resolveBands(bands: NpsOptions['bands'], scale: Scale): NpsBands {
  const detractorMax = bands?.detractorMax ?? DEFAULT_NPS_BANDS.detractorMax;
  const promoterMin = bands?.promoterMin ?? DEFAULT_NPS_BANDS.promoterMin;
  if (detractorMax < scale.min || detractorMax >= scale.max) {
    fail('invalid_option', ['bands', 'detractorMax'], `detractorMax must be a point of ${formatScale(scale)} below its top, got ${detractorMax}`);
  }
  if (promoterMin <= detractorMax || promoterMin > scale.max) {
    fail('invalid_option', ['bands', 'promoterMin'], `promoterMin must be above detractorMax (${detractorMax}) and at most ${scale.max}, got ${promoterMin}`);
  }
  return Object.freeze({ detractorMax, promoterMin });
}

/** Σ over the points of a band, index range [from, to). */
function bandSum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let k = from; k < to; k++) total += values[k]!;
  return total;
}

/**
 * The Net Promoter Score: % promoters (9–10) − % detractors (0–6) of those who answered,
 * from −100 to 100, with its standard error and a confidence interval.
 *
 * Standard error: √((p + d − NPS²)/n) for proportions p, d of promoters and detractors
 * (the trinomial variance, as in the R package NPS by B. Rocks); with weights, the
 * linearisation Σw²(y − NPS)²/(Σw)² for y = +1/0/−1, which is that formula at unit weights.
 * Interval: adjusted Wald (Rocks 2016, The American Statistician 70(4)): add ¾ detractor,
 * 1½ passives and ¾ promoter, then a Wald interval on n + 3 (with weights, on the Kish
 * effective n + 3); or plain Wald. Bounds are clipped to −100…100. The adjusted interval
 * is centred on the adjusted estimate, so with one answer (or up to four at levels such as
 * 80 %) it can exclude the raw score. Or `'iterative'`: the score interval of Rocks' R package
 * `NPS` (`nps_test(test = "iterative")`, Tango's statistic with promoters and detractors as
 * the discordant cells of a paired table), whose limits are found to 1e-12 — always around
 * the raw score, asymmetric near ±100; with weights on the Kish effective counts. Which to
 * choose: docs/methodology.md.
 * All numbers keep full precision; round for display with `round`.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), weights or options.
 * @example
 * ```ts
 * const result = nps([10, 9, 8, 7, 6, 10]);
 * result.score; // 33.333 (3 promoters − 1 detractor, of 6)
 * result.percent?.promoters; // 50
 * result.interval?.method; // 'adjusted-wald'
 * nps([10, 9, 8, 7, 6, 10], { interval: 'iterative' }).interval?.lower; // -31.107 (R package NPS: -0.311074)
 * ```
 */
export function nps(input: MetricInput, options: NpsOptions = {}): NpsResult {
  const parsed = parseWith(npsOptionsSchema, options);
  // Bands are checked before a possibly long pass over the answers.
  if (isNumericArrayLike(input)) resolveBands(parsed.bands, parsed.scale ?? NPS_SCALE);
  const tally = resolveTally(input, parsed, NPS_SCALE);
  return withCalibration(npsFromTally(tally, parsed), input, parsed, npsPointScores);
}

/** The NPS of a checked tally: the pure core of {@link nps}. */
export function npsFromTally(tally: Tally, options: Pick<NpsOptions, 'bands' | 'interval' | 'level'> = {}): NpsResult {
  const bands = resolveBands(options.bands, tally.scale);
  const level = options.level ?? DEFAULT_LEVEL;
  const method = options.interval ?? 'adjusted-wald';
  const passiveFrom = bands.detractorMax - tally.scale.min + 1;
  const promoterFrom = bands.promoterMin - tally.scale.min;
  const points = tally.counts.length;
  const detractors = bandSum(tally.sumWeights, 0, passiveFrom);
  const passives = bandSum(tally.sumWeights, passiveFrom, promoterFrom);
  const promoters = bandSum(tally.sumWeights, promoterFrom, points);
  const sample = sampleFields(tally);
  const base = { metric: 'nps' as const, ...sample, promoters, passives, detractors, bands };
  const estimate = scoredMean(tally, (k) => (k < passiveFrom ? -1 : k >= promoterFrom ? 1 : 0));
  if (estimate === null) return { ...base, score: null, percent: null, standardError: null, interval: null };

  const { mean: net, total } = estimate;
  const standardError = linearisedStandardError(estimate);
  const interval = intervalOf(method, { net, standardError, promoters, detractors, total, effectiveN: sample.effectiveN, level });
  return {
    ...base,
    score: net * 100,
    percent: { promoters: (promoters / total) * 100, passives: (passives / total) * 100, detractors: (detractors / total) * 100 },
    standardError: standardError * 100,
    interval,
  };
}

interface NpsEstimate {
  readonly net: number;
  readonly standardError: number;
  readonly promoters: number;
  readonly detractors: number;
  readonly total: number;
  readonly effectiveN: number;
  readonly level: number;
}

function intervalOf(method: NpsIntervalMethod, estimate: NpsEstimate): Interval<NpsIntervalMethod> {
  const { net, standardError, promoters, detractors, total, effectiveN, level } = estimate;
  if (method === 'wald') return waldInterval(net * 100, standardError * 100, level, -100, 100);
  // The other two work on counts: with weights, the Kish effective counts (Σw scaled to n_eff).
  const perWeight = effectiveN / total; // 1 without weights: counts stay exact.
  if (method === 'iterative') return npsScoreInterval(promoters * perWeight, detractors * perWeight, effectiveN, level);
  return adjustedWaldInterval(promoters * perWeight, detractors * perWeight, effectiveN, level);
}

/** Rocks (2016): ¾ promoter, 1½ passives, ¾ detractor added to the (effective) sample. */
function adjustedWaldInterval(promoters: number, detractors: number, effectiveN: number, level: number): Interval<'adjusted-wald'> {
  const adjustedN = effectiveN + 3;
  const p = (promoters + 0.75) / adjustedN;
  const d = (detractors + 0.75) / adjustedN;
  const net = p - d;
  const standardError = Math.sqrt((p + d - net * net) / adjustedN);
  return symmetricInterval(net * 100, twoSidedZ(level) * standardError * 100, level, 'adjusted-wald', -100, 100);
}
