import { fail } from '../core/errors.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import type { Tally } from '../core/tally-types.js';
import type { PValueAdjustment } from '../stats/adjust-p-values.js';
import { adjustFamily } from './adjust-family.js';
import { describePeriod, type Period } from './calendar.js';
import { noComparison, type Comparison } from '../metrics/internal/comparison.js';
import { compareMetric, metricResult, type MetricName, type MetricResults, type ResolvedMetric } from './metric-specs.js';
import { groupSuppression, hiddenCells, hiddenResult, type Suppression, type SuppressionRule } from './suppression.js';

/** One period of a trend. */
export interface TrendPeriod extends MetricResults {
  /** `2026-01-05`, `2026-W02` (ISO week), `2026-01`, `2026-Q1` or `2026`. */
  readonly period: string;
  /** The period's first day, `YYYY-MM-DD`. */
  readonly start: string;
  readonly rows: number;
  /**
   * Each metric against the previous period (this − previous, with its test); null for the
   * first. `adjustedPValue` and `significant` account for the metric's other changes.
   */
  readonly change: { readonly [metric in MetricName]?: Comparison } | null;
  /** Set when every result of the period is hidden (see `minN`); its row count then reads 0 unless `showCounts`. */
  readonly suppressed?: Suppression;
}

/** More periods than this means a date far off, not a report anyone wants: 270 years of days. */
const MAX_PERIODS = 100_000;

/** What a trend counted in one period: its rows and one tally per metric. */
export interface PeriodCounts {
  readonly rows: number;
  readonly tallies: readonly Tally[];
}

/**
 * Every period from `first` to `last` (ordinals of `period`), empty ones included, each with
 * its metrics and its change against the period before; each metric's changes adjusted as
 * one family. The one place a trend's periods are made, from rows in memory or from an
 * engine's counts.
 */
export function trendPeriods(metrics: readonly ResolvedMetric[], period: Period, first: number, last: number, counted: ReadonlyMap<number, PeriodCounts>, level: number, adjust: PValueAdjustment, rule: SuppressionRule | null): TrendPeriod[] {
  if (counted.size === 0) return [];
  if (last - first + 1 > MAX_PERIODS) {
    fail('invalid_date', ['at'], `the answers span ${last - first + 1} ${period}s (${describePeriod(first, period).label} to ${describePeriod(last, period).label}); check for a mistyped date or use a longer period`);
  }
  const empty: PeriodCounts = { rows: 0, tallies: metrics.map((metric) => emptyTally(metric.rules.scale)) };
  const all = Array.from({ length: last - first + 1 }, (_, p) => counted.get(first + p) ?? empty);
  // Periods are an additive dimension (they sum to the whole trend): small ones hidden per metric.
  const hidden = metrics.map((_, m) => (rule === null ? all.map(() => null) : hiddenCells(all.map((current) => current.tallies[m]!.n), rule)));
  // A change is tested between two shown periods only, and the family is the tests made.
  const changes = metrics.map((metric, m) =>
    adjustFamily(
      all.map((current, p) => (p === 0 || hidden[m]![p] !== null || hidden[m]![p - 1] !== null ? null : compareMetric(metric, current.tallies[m]!, all[p - 1]!.tallies[m]!, level))),
      adjust,
    ),
  );
  return all.map((current, p): TrendPeriod => {
    const { label, start } = describePeriod(first + p, period);
    const change = p === 0 ? null : Object.fromEntries(metrics.map((metric, m) => [metric.name, changes[m]![p] ?? noComparison(level)]));
    const results = metrics.map((metric, m) => {
      const result = metricResult(metric, current.tallies[m]!);
      return hidden[m]![p] === null ? result : hiddenResult(metric, result, hidden[m]![p]!, rule!);
    });
    const why = rule === null ? undefined : groupSuppression(results);
    const rows = why !== undefined && !rule!.showCounts ? 0 : current.rows;
    return { period: label, start, rows, ...Object.fromEntries(metrics.map((metric, m) => [metric.name, results[m]])), ...(why === undefined ? {} : { suppressed: why }), change };
  });
}
