import type { CommandOutput } from '../output/write-output.js';
import type { MetricName } from '../../../../src/common/metric-specs.js';
import { trend, type Trend, type TrendOptions } from '../../../../src/analysis/trend.js';
import { mergeTallies } from '../../../../src/core/merge-tallies.js';
import { jsonChunks } from '../output/json-chunks.js';
import { parseCommand, type CommandSpec } from '../args.js';
import type { Row } from '../../../../src/read/table.js';
import { trendNotes, trendSheet, trendTable, type TrendRun } from '../output/trend.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { DATE_FORMAT_FLAG, DATE_UNIT_FLAG, INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';
import { ADJUST_FLAG, adjustFlag } from '../shared/test-flags.js';
import { checkScaleUse, metricFlags, metricPlan, requireMetric, type MetricColumn } from '../shared/metric-flags.js';
import { allRows, columnPlan, onTable } from '../shared/run.js';
import { PERIOD_FLAGS, periodFlags } from '../shared/period-flags.js';

export const trendSpec: CommandSpec = {
  name: 'trend',
  usage: 'FILE --at COL --period day|week|month|quarter|year [--time-zone TZ] --nps COL | --csat COL | --ces COL ... [options]',
  summary:
    'Metrics per calendar period (ISO weeks), every period from the first answer to the last, each with its change against the period before and that change\'s test. The rows\' dates and answers are held in memory.',
  groups: [
    {
      heading: 'Periods',
      flags: [
        ...PERIOD_FLAGS,
        DATE_UNIT_FLAG,
        DATE_FORMAT_FLAG,
      ],
    },
    { heading: 'Tests', flags: [ADJUST_FLAG] },
    metricFlags(true),
    SUPPRESSION_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics trend answers.csv --at answered --period week --time-zone Europe/Helsinki --nps recommend', 'cx-metrics trend survey.xlsx --at Date --period month --csat Q3 --csat Q4 --format csv'],
};

export async function trendCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(trendSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const { at: atFlag, period, timeZone } = periodFlags(args, 'trend');
  const adjust = adjustFlag(args);
  const suppression = suppressionFlags(args);
  requireMetric(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  const at = resolveColumn(table, atFlag);
  const plan = columnPlan([], [at], [...metrics.columns.map((column) => column.column), ...(metrics.weight === undefined ? [] : [metrics.weight])]);
  const rows = await onTable(table, () => allRows(table, plan));
  progress.done();
  const base = {
    at,
    period,
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...(metrics.level === undefined ? {} : { level: metrics.level }),
    ...suppression,
    ...(adjust === undefined ? {} : { adjust }),
  };
  // trend takes one column per metric: one call for all, or one call per column when a metric has several.
  const oneCall = new Set(metrics.columns.map((column) => column.metric)).size === metrics.columns.length;
  const groups: MetricColumn[][] = oneCall ? [[...metrics.columns]] : metrics.columns.map((column) => [column]);
  const runs: TrendRun[] = await onTable(table, () =>
    groups.map((columns) => ({
      columns,
      trend: trend(rows, { ...base, ...Object.fromEntries(columns.map((column) => [column.metric, column.spec])) } as TrendOptions<Row>),
    })),
  );
  checkScaleUse(
    runs.flatMap((run) => run.columns.map((column) => ({ metric: column.metric, column: column.column, tally: totalTally(run.trend, column.metric) }))),
    args,
    note,
  );
  const level = metrics.level ?? 0.95;
  return deliver(args, format, {
    json: () => jsonChunks(oneCall ? runs[0]!.trend : runs.map((run) => ({ metric: run.columns[0]!.metric, column: run.columns[0]!.column, trend: run.trend }))),
    csv: () => sheetCsv(trendSheet(runs), csvStyle(args)),
    table: () => trendTable(runs, level),
    xlsx: () => workbook([trendSheet(runs)], trendNotes(runs, level)),
  });
}

/** The tally of a metric over every period. */
function totalTally(result: Trend, metric: MetricName) {
  const tallies = result.periods.map((period) => period[metric]!.tally);
  return mergeTallies(tallies[0]!, ...tallies.slice(1));
}
