import { emptyTally, type MutableTally } from '../../core/internal/mutable-tally.js';
import type { Tally } from '../../core/tally-types.js';
import { metricResult, type ResolvedMetric } from '../../common/metric-specs.js';
import { noComparison, zComparison, type Comparison } from '../../metrics/internal/comparison.js';
import type { CesResult } from '../../metrics/ces.js';
import type { CsatResult } from '../../metrics/csat.js';
import type { NpsResult } from '../../metrics/nps.js';

/**
 * What a theme does to a score: the score among the commenters who mention it and among the
 * rest, and its impact — the score of all commenters minus the score without the theme's
 * commenters (Thematic's definition), which equals share × (mentioned − rest). Tested as a z
 * statistic on its linearised standard error.
 */
export interface ThemeImpact<Result> extends Omit<Comparison, 'difference'> {
  /** The metric among the commenters who mention the theme. */
  readonly mentioned: Result;
  /** The metric among the commenters who do not. */
  readonly rest: Result;
  /** Score(all commenters) − score(commenters who do not mention it); null when either side has no score. */
  readonly impact: number | null;
}

/** A theme's impact on NPS, in NPS points. */
export type NpsImpact = ThemeImpact<NpsResult>;
/** A theme's impact on CSAT, in percentage points. */
export type CsatImpact = ThemeImpact<CsatResult>;
/** A theme's impact on the CES score (the mean, or the points of `percent-easy` / `net-easy`). */
export type CesImpact = ThemeImpact<CesResult>;

/**
 * Each scale point's contribution to the score: the score of a single answer at that point
 * (NPS ±100 or 0, CSAT 100 or 0, the CES mean the point itself). Every metric here is a
 * (weighted) mean of these, which is what makes the impact's linearisation below exact to
 * first order.
 */
export function pointScores(metric: ResolvedMetric): number[] {
  const { scale } = metric.rules;
  return Array.from({ length: scale.max - scale.min + 1 }, (_, k) => {
    const one = emptyTally(scale);
    one.counts[k] = 1;
    one.sumWeights[k] = 1;
    one.sumSquaredWeights[k] = 1;
    one.n = 1;
    return metricResult(metric, one).score ?? 0;
  });
}

/** The answers of a group less those of a part of it: the rest, as a tally. */
export function tallyWithout(all: Tally, part: Tally): MutableTally {
  const rest = emptyTally(all.scale);
  for (let k = 0; k < all.counts.length; k++) {
    rest.counts[k] = all.counts[k]! - part.counts[k]!;
    rest.sumWeights[k] = Math.max(0, all.sumWeights[k]! - part.sumWeights[k]!);
    rest.sumSquaredWeights[k] = Math.max(0, all.sumSquaredWeights[k]! - part.sumSquaredWeights[k]!);
  }
  rest.n = all.n - part.n;
  rest.missing = all.missing - part.missing;
  rest.invalid = all.invalid - part.invalid;
  return rest;
}

/**
 * The impact of a theme on a metric over the commenters who answered it. With W the weight of
 * all of them, x̄ their score, c the rest's share of W and x̄_R the rest's score, the impact
 * I = x̄ − x̄_R has the influence value (x − x̄) for a commenter who mentions the theme and
 * (x − x̄) − (x − x̄_R)/c for one who does not; its variance is Σw²·influence²/W², the
 * linearisation the library uses for every weighted score (at unit weights the classical
 * √(var/n); R `survey` reports it times √(n/(n − 1))).
 */
export function themeImpact(metric: ResolvedMetric, scores: readonly number[], all: Tally, mentioned: Tally, level: number): ThemeImpact<NpsResult | CsatResult | CesResult> {
  const rest = tallyWithout(all, mentioned);
  const mentionedResult = metricResult(metric, mentioned);
  const restResult = metricResult(metric, rest);
  const allResult = metricResult(metric, all);
  const sides = { mentioned: mentionedResult, rest: restResult };
  if (mentionedResult.score === null || restResult.score === null || allResult.score === null) {
    const { difference: _none, ...empty } = noComparison(level);
    return { ...sides, impact: null, ...empty };
  }
  const total = allResult.weightedN;
  const restShare = restResult.weightedN / total;
  const mean = allResult.score;
  const restMean = restResult.score;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const x = scores[k]!;
    const inMentioned = x - mean;
    const inRest = x - mean - (x - restMean) / restShare;
    sum += mentioned.sumSquaredWeights[k]! * inMentioned * inMentioned + rest.sumSquaredWeights[k]! * inRest * inRest;
  }
  const standardError = Math.sqrt(sum) / total;
  const range = Math.max(...scores) - Math.min(...scores);
  const { difference, ...comparison } = zComparison(mean - restMean, standardError, standardError, level, range);
  return { ...sides, impact: difference, ...comparison };
}
