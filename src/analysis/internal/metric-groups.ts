import type { FieldReader } from '../../core/internal/field-reader.js';
import type { IssueLog } from '../../core/internal/issue-log.js';
import { fieldTally, judgeRowAnswer, recordRowAnswer, rejectRow, rowWeight, tallyOf, type FieldTally, type RowProblem } from '../../core/internal/row-answers.js';
import type { Tally } from '../../core/tally-types.js';
import { metricResult, type MetricResults, type ResolvedMetric } from './metric-specs.js';

/** The tallies of one group of rows (a key, a stage, a period), one per metric. */
export interface MetricGroup {
  rows: number;
  readonly targets: readonly FieldTally[];
}

export function newMetricGroup(metrics: readonly ResolvedMetric[], log: IssueLog): MetricGroup {
  return { rows: 0, targets: metrics.map((metric) => fieldTally(metric.reader.label, metric.rules, log)) };
}

/** One row read once: its weight and its value for each metric, or why it cannot be read. */
export type RowReading = { readonly weight: number; readonly values: readonly unknown[] } | RowProblem;

export function readRow(metrics: readonly ResolvedMetric[], weight: FieldReader | undefined, row: unknown, index: number): RowReading {
  const checked = rowWeight(row, index, weight);
  if (typeof checked !== 'number') return checked;
  return { weight: checked, values: metrics.map((metric) => metric.reader.read(row as object, index)) };
}

/**
 * Adds a read row to each group it belongs to (a key and the total, a stage and a
 * touchpoint…). An unreadable row is one issue, or under 'skip' an invalid answer in each
 * tally of each of its groups.
 */
export function addReading(groups: readonly MetricGroup[], reading: RowReading, row: unknown, index: number, log: IssueLog, skip: boolean): void {
  if ('verdict' in reading) {
    const targets = groups.flatMap((group) => group.targets);
    rejectRow(targets, index, row, reading, log, skip);
  } else if (groups.length > 0) {
    groups[0]!.targets.forEach((first, m) => {
      const value = reading.values[m];
      const answer = judgeRowAnswer(first.rules, value);
      // Judged once; an invalid answer is one issue, however many groups the row is in.
      groups.forEach((group, g) => recordRowAnswer(group.targets[m]!, answer, value, reading.weight, index, g === 0));
    });
  }
  for (const group of groups) group.rows++;
}

/** The tallies of a group, in metric order. */
export function groupTallies(group: MetricGroup): Tally[] {
  return group.targets.map(tallyOf);
}

/** The results of every requested metric for a group: `{ nps?, csat?, ces? }`. */
export function groupResults(metrics: readonly ResolvedMetric[], tallies: readonly Tally[]): MetricResults {
  return Object.fromEntries(metrics.map((metric, m) => [metric.name, metricResult(metric, tallies[m]!)])) as MetricResults;
}
