import type { Trend } from '../../../../src/analysis/trend.js';
import { METRIC_LABELS, type MetricColumn } from '../shared/metric-flags.js';
import { bracket, countCell, fixed, HIDDEN, hiddenNote, pValue } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import { metricFormats, type Sheet } from './workbook.js';
import { adjustmentNote } from '../shared/test-flags.js';
import { periodLines } from './period-runs.js';

/** One trend call and the metric columns it computed. */
export interface TrendRun {
  readonly columns: readonly MetricColumn[];
  readonly trend: Trend;
}

const DIGITS = { nps: 1, csat: 1, ces: 2 } as const;

/**
 * A line per period and metric column: n, score, interval, and the change against the period
 * before; a run of periods without answers is one line (the CSV keeps every period).
 */
export function trendTable(runs: readonly TrendRun[], level: number): string {
  const head: TextCell[] = ['period', 'metric', 'column', { number: 'rows' }, { number: 'n' }, { number: 'score' }, { number: 'CI' }, { number: 'change' }, { number: 'p' }, { number: 'p adj.' }, ''];
  const lines = runs.flatMap(({ columns, trend }) =>
    columns.flatMap((column) =>
      periodLines(trend.periods.length, (p) => trend.periods[p]![column.metric]!.n === 0 && trend.periods[p]![column.metric]!.suppressed === undefined).map((line): TextCell[] => {
        if (line.kind === 'gap') return [`${trend.periods[line.from]!.period} … ${trend.periods[line.to]!.period}`, METRIC_LABELS[column.metric], column.column, '', '', { number: 'no answers' }, '', '', '', '', ''];
        const period = trend.periods[line.index]!;
        const result = period[column.metric]!;
        const change = period.change?.[column.metric];
        const digits = DIGITS[column.metric];
        const shift = change?.difference === null || change === undefined ? '–' : `${change.difference > 0 ? '+' : ''}${fixed(change.difference, digits)}`;
        const hidden = result.suppressed !== undefined;
        const shown = trend.suppression?.showCounts === true;
        return [
          period.period,
          METRIC_LABELS[column.metric],
          column.column,
          { number: countCell(period.rows, period.suppressed !== undefined, shown) },
          { number: countCell(result.n, hidden, shown) },
          { number: hidden ? HIDDEN : fixed(result.score, digits) },
          { number: hidden ? '' : bracket(result.interval, digits) },
          { number: shift },
          { number: pValue(change?.pValue) },
          { number: pValue(change?.adjustedPValue) },
          change?.significant ? '*' : '',
        ];
      }),
    ),
  );
  return `${textTable([head, ...lines])}\n\n${trendNotes(runs, level).join('\n')}`;
}

/** What the trend's table says below it: what "*" means, the adjustment, the rows in no period, what is hidden. */
export function trendNotes(runs: readonly TrendRun[], level: number): string[] {
  const first = runs[0]!.trend;
  const footer = [`* a change significant at the ${Math.round((1 - level) * 1000) / 10} % level by its adjusted p-value`, adjustmentNote(first.adjust, 'the changes of each metric column')];
  if (first.undated > 0) footer.push(`${first.undated} rows without a date are in no period`);
  if (first.invalidDates > 0) footer.push(`${first.invalidDates} rows with an invalid date were skipped`);
  footer.push(...hiddenNote(first.suppression));
  return footer;
}

/** The same as a sheet (and CSV): every period, full precision; CSAT figures are percentages in a workbook. */
export function trendSheet(runs: readonly TrendRun[]): Sheet {
  const rows = runs.flatMap(({ columns, trend }) =>
    columns.flatMap((column) =>
      trend.periods.map((period) => {
        const result = period[column.metric]!;
        const change = period.change?.[column.metric];
        const hidden = trend.suppression === undefined ? [] : [result.suppressed ?? ''];
        return [period.period, period.start, column.metric, column.column, period.rows, result.n, result.missing, result.invalid, result.score, result.interval?.lower, result.interval?.upper, change?.difference, change?.pValue, change?.adjustedPValue, change?.significant, ...hidden];
      }),
    ),
  );
  const hidden = runs[0]!.trend.suppression === undefined ? [] : ['suppressed'];
  const head = ['period', 'start', 'metric', 'column', 'rows', 'n', 'missing', 'invalid', 'score', 'lower', 'upper', 'change', 'p_value', 'p_adjusted', 'significant', ...hidden];
  return { name: 'Trend', head, rows, format: metricFormats(head, /^(score|lower|upper|change)$/) };
}

