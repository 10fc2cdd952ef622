import { describeValue, fail } from '../../core/errors.js';
import { METRIC_NAMES, type MetricName } from '../../common/metric-specs.js';
import type { CesOptions } from '../../metrics/ces.js';
import type { CsatOptions } from '../../metrics/csat.js';
import type { NpsOptions } from '../../metrics/nps.js';
import { quoteIdentifier, type SqlDialect } from './quote.js';

/** A metric in a warehouse: its column, or the column with the metric's options as in memory. */
export type SqlMetricSpec<Options> = string | ({ readonly column: string; readonly label?: string | undefined } & Omit<Options, 'weights' | 'invalid'>);

/** Which metrics a push-down query computes: each from one column or from several. */
export interface SqlMetricSpecs {
  readonly nps?: SqlMetricSpec<NpsOptions> | readonly SqlMetricSpec<NpsOptions>[] | undefined;
  readonly csat?: SqlMetricSpec<CsatOptions> | readonly SqlMetricSpec<CsatOptions>[] | undefined;
  readonly ces?: SqlMetricSpec<CesOptions> | readonly SqlMetricSpec<CesOptions>[] | undefined;
}

/** One metric column of a query: which metric, its quoted column, and the in-memory spec it stands for. */
export interface MetricColumn {
  readonly metric: MetricName;
  readonly quoted: string;
  /** What summarize would be given: `{ field, label, …options }`. */
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * The metric columns of a query in a fixed order (nps, csat, ces, each's list in order), and
 * the same metrics as summarize's options (`column` → `field`), so the results are computed
 * by the very code `summarize` uses.
 */
export function metricColumns(specs: SqlMetricSpecs, dialect: SqlDialect): { columns: MetricColumn[]; summarizeSpecs: Record<string, unknown> } {
  const columns: MetricColumn[] = [];
  const summarizeSpecs: Record<string, unknown> = {};
  for (const metric of METRIC_NAMES) {
    const given = specs[metric] as unknown;
    if (given === undefined) continue;
    const list = Array.isArray(given) ? given : [given];
    if (list.length === 0) fail('invalid_option', [metric], `${metric} needs at least one column`);
    const converted = list.map((item, i) => {
      const path = Array.isArray(given) ? [metric, i] : [metric];
      const spec = toSummarizeSpec(item, path);
      columns.push({ metric, quoted: quoteIdentifier(spec['field'], dialect, [...path, ...(typeof item === 'string' ? [] : ['column'])]), spec });
      return spec;
    });
    summarizeSpecs[metric] = Array.isArray(given) ? converted : converted[0];
  }
  if (columns.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces');
  return { columns, summarizeSpecs };
}

function toSummarizeSpec(item: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  if (typeof item === 'string') return { field: item };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) fail('invalid_option', path, `expected a column name or { column, … }, got ${describeValue(item)}`);
  const { column, ...options } = item as Record<string, unknown>;
  if (typeof column !== 'string') fail('invalid_option', [...path, 'column'], `expected the name of a column, got ${describeValue(column)}`);
  if ('field' in options) fail('unknown_option', [...path, 'field'], 'in SQL a metric names its column: { column: … }');
  return { field: column, ...options };
}
