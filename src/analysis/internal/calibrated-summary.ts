import { fail } from '../../core/errors.js';
import type { Scale } from '../../core/scale.js';
import type { ResolvedMetric } from '../../common/metric-specs.js';
import { DEFAULT_LEVEL, waldInterval } from '../../stats/interval.js';
import type { CalibratedWeights } from '../../weights/calibrated-weights.js';

/** The fields of a metric result that say how each point scores. */
interface ScoredResult {
  readonly metric: 'nps' | 'csat' | 'ces';
  readonly scale: Scale;
  readonly score: number | null;
  readonly bands?: { readonly detractorMax: number; readonly promoterMin: number };
  readonly satisfiedPoints?: readonly number[];
  readonly method?: 'mean' | 'percent-easy' | 'net-easy';
  readonly easyPoints?: readonly number[];
  readonly difficultPoints?: readonly number[];
  readonly level?: number;
}

/** The value of each point of a result's scale, in the units of its score, and the score's range. */
export function pointScores(result: ScoredResult): { score: (slot: number) => number; range: [number, number] } {
  const { min, max } = result.scale;
  if (result.metric === 'nps') {
    const bands = result.bands!;
    return { score: (k) => (min + k <= bands.detractorMax ? -100 : min + k >= bands.promoterMin ? 100 : 0), range: [-100, 100] };
  }
  if (result.metric === 'csat') {
    const satisfied = new Set(result.satisfiedPoints);
    return { score: (k) => (satisfied.has(min + k) ? 100 : 0), range: [0, 100] };
  }
  const easy = new Set(result.easyPoints);
  const difficult = new Set(result.difficultPoints);
  if (result.method === 'percent-easy') return { score: (k) => (easy.has(min + k) ? 100 : 0), range: [0, 100] };
  if (result.method === 'net-easy') return { score: (k) => (easy.has(min + k) ? 100 : difficult.has(min + k) ? -100 : 0), range: [-100, 100] };
  return { score: (k) => min + k, range: [min, max] };
}

/**
 * A summary whose standard errors and intervals are those of calibrated weights: per group
 * (a domain: the rows of other groups stay in the design without an answer, as R survey's
 * `svyby` on a raked design) and in total, for every metric and item.
 */
export function calibrateSummary<S extends { groups: readonly object[]; total: object }>(
  summary: S,
  rows: readonly object[],
  metrics: readonly ResolvedMetric[],
  groupOfRow: Int32Array,
  calibrated: CalibratedWeights,
  grouped: boolean,
): S {
  const answers = metrics.map((metric) => rows.map((row, i) => (typeof row === 'object' && row !== null ? metric.reader.read(row, i) : null)));
  const recompute = (group: object, g: number | null): object => {
    const out: Record<string, unknown> = { ...group };
    metrics.forEach((metric, m) => {
      const masked = g === null ? answers[m]! : answers[m]!.map((value, i) => (groupOfRow[i] === g ? value : null));
      const place = out[metric.name];
      const itemIndex = metric.item === null ? -1 : metrics.filter((other, k) => k < m && other.name === metric.name).length;
      const result = (itemIndex < 0 ? place : (place as unknown[])[itemIndex]) as ScoredResult & { level?: number };
      if (result === undefined || result.score === null) return;
      const { score, range } = pointScores(result);
      const standardError = calibrated.standardError(masked, result.scale, score);
      const level = (metric.resultOptions['level'] as number | undefined) ?? DEFAULT_LEVEL;
      const updated = { ...result, standardError, interval: standardError === null ? null : waldInterval(result.score, standardError, level, range[0], range[1]) };
      if (itemIndex < 0) out[metric.name] = updated;
      else out[metric.name] = (place as unknown[]).map((item, k) => (k === itemIndex ? updated : item));
    });
    return out;
  };
  return {
    ...summary,
    groups: grouped ? summary.groups.map((group, g) => recompute(group, g)) : [recompute(summary.groups[0]!, null)],
    total: recompute(summary.total, null),
  } as S;
}

/** Calibrated weights as a row weight: the weight of row i, after checking there is one per row. */
export function rowWeightsOf(calibrated: CalibratedWeights, rows: number): (row: unknown, index: number) => number {
  if (calibrated.weights.length !== rows) fail('length_mismatch', ['weight'], `the weights are for ${calibrated.weights.length} rows but there are ${rows} rows`);
  return (_row, index) => calibrated.weights[index]!;
}
