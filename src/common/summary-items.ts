import type { CesResult } from '../metrics/ces.js';
import type { CsatResult } from '../metrics/csat.js';
import type { NpsResult } from '../metrics/nps.js';
import type { MetricName, SummaryMetricResults } from './metric-specs.js';

// Listed here rather than imported: the charts entry point uses this module and must not pull in the metrics.
const METRIC_NAMES: readonly MetricName[] = ['nps', 'csat', 'ces'];

/** One metric result of a summary group, whether the metric was asked for on one field or several. */
export interface SummaryItem {
  readonly metric: MetricName;
  /** The field (or label) for one of several fields of a metric; null for a metric asked on one field. */
  readonly field: string | null;
  readonly result: NpsResult | CsatResult | CesResult;
}

/** The results of a group as a flat list, metrics in their usual order (NPS, CSAT, CES), fields as given. */
export function summaryItems(results: SummaryMetricResults): SummaryItem[] {
  return METRIC_NAMES.flatMap((metric): SummaryItem[] => {
    const value = results[metric];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return [{ metric, field: null, result: value as SummaryItem['result'] }];
    return (value as readonly (SummaryItem['result'] & { field: string })[]).map((result) => ({ metric, field: result.field, result }));
  });
}
