import { fail } from '../../core/errors.js';
import type { ResolvedMetric } from '../../common/metric-specs.js';
import { withCalibration } from '../../metrics/internal/calibrated.js';
import { pointScores } from '../../metrics/internal/point-scores.js';
import type { CalibratedWeights } from '../../weights/calibrated-weights.js';

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
      const result = (itemIndex < 0 ? place : (place as unknown[])[itemIndex]) as Parameters<typeof withCalibration>[0] | undefined;
      if (result === undefined || result.score === null) return;
      const updated = withCalibration(result, masked, { weights: calibrated, level: metric.resultOptions['level'] as number | undefined }, pointScores);
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
