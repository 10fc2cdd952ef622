import type { MetricResult } from '../../metrics/internal/base-result.js';
import { waldInterval, type Interval } from '../../stats/interval.js';
import type { MetricResults, ResolvedMetric } from '../../common/metric-specs.js';

/** The result of the headline metric among a group's results. */
export function headlineResult(results: MetricResults, metric: ResolvedMetric): MetricResult {
  return results[metric.name]!;
}

/** False only for a CES mean on a lower-is-easier scale (CES 1.0), where a lower score is better. */
export function higherIsBetter(metric: ResolvedMetric): boolean {
  const { orientation, method } = metric.resultOptions;
  return !(metric.name === 'ces' && orientation === 'lower-is-easier' && (method === undefined || method === 'mean'));
}

/** The range a metric's score can take: NPS −100…100, percentages 0–100, a CES mean its scale. */
export function scoreRange(metric: ResolvedMetric): readonly [number, number] {
  if (metric.name === 'nps') return [-100, 100];
  if (metric.name === 'csat') return [0, 100];
  const { method } = metric.resultOptions;
  if (method === 'net-easy') return [-100, 100];
  if (method === 'percent-easy') return [0, 100];
  return [metric.rules.scale.min, metric.rules.scale.max];
}

/** A weighted index of scores from independent samples, with its standard error and interval. */
export interface WeightedIndex {
  /** Σ wᵢ·scoreᵢ / Σ wᵢ over the parts with a score and a positive weight; null when there are none. */
  readonly score: number | null;
  /** √(Σ (wᵢ/W)²·SEᵢ²): the parts are independent samples; null when a part has no standard error. */
  readonly standardError: number | null;
  /** Wald interval, clipped to the metric's range; null without a standard error. */
  readonly interval: Interval<'wald'> | null;
  /** How many parts entered the index. */
  readonly parts: number;
}

export function weightedIndex(parts: readonly { weight: number; result: MetricResult }[], level: number, range: readonly [number, number]): WeightedIndex {
  const used = parts.filter((part) => part.weight > 0 && part.result.score !== null);
  const total = used.reduce((sum, part) => sum + part.weight, 0);
  if (used.length === 0) return { score: null, standardError: null, interval: null, parts: 0 };
  const score = used.reduce((sum, part) => sum + part.weight * part.result.score!, 0) / total;
  const known = used.every((part) => part.result.standardError !== null);
  const standardError = known ? Math.sqrt(used.reduce((sum, part) => sum + (part.weight / total) ** 2 * part.result.standardError! ** 2, 0)) : null;
  const interval = standardError === null ? null : waldInterval(score, standardError, level, range[0], range[1]);
  return { score, standardError, interval, parts: used.length };
}
