import type { CommandOutput } from '../output/write-output.js';
import { controlChart, type ControlChartKind, type ControlChartOptions } from '../../../../src/monitoring/control-chart.js';
import { groupText } from '../../../../src/core/internal/group-keys.js';
import { jsonChunks } from '../output/json-chunks.js';
import { monitorSheet, monitorTable, type MonitorRun } from '../output/monitor.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { parseCommand, single, type CommandSpec } from '../args.js';
import { UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { csvStyle, DATE_FORMAT_FLAG, DATE_UNIT_FLAG, INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS } from '../shared/input-flags.js';
import { metricFlags, metricPlan, requireMetric } from '../shared/metric-flags.js';
import { allRows, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups, onTable } from '../shared/run.js';
import { PERIOD_FLAGS, periodFlags } from '../shared/period-flags.js';

const CHARTS: readonly ControlChartKind[] = ['p', 'laney', 'z', 'xbar', 'i'];

/** The exit code when a signal fires: 1 and 2 keep their meaning (bad input, bad usage). */
export const SIGNAL_EXIT = 3;

export const monitorSpec: CommandSpec = {
  name: 'monitor',
  usage: 'FILE --at COL --period PERIOD --nps COL | --csat COL | --ces COL [--by COL] [options]',
  summary: "A control chart of a metric per period (per group with --by): prints the latest period's score, limits and signals, and exits 3 when any signal fires, for cron or CI to alert on.",
  groups: [
    {
      heading: 'Chart',
      flags: [
        ...PERIOD_FLAGS,
        { name: 'by', value: 'COL', help: 'one chart per group of this column (a store, a channel)' },
        MAX_GROUPS_FLAG,
        { name: 'chart', value: 'KIND', help: 'p or laney (CSAT), z or laney (NPS), xbar or i (CES); default p, z, xbar' },
        { name: 'rules', value: 'RULES', help: "anhoj (default: beyond the limits, and Anhøj's run rules) or western-electric" },
        { name: 'baseline', value: 'N', help: 'the first N periods with answers set the centre and limits (default all)' },
        { name: 'quiet', help: 'no progress line and no notes on stderr' },
        DATE_UNIT_FLAG,
        DATE_FORMAT_FLAG,
      ],
    },
    metricFlags(false),
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics monitor answers.csv --at answered --period week --csat q1 --by store || notify "CSAT signal"', 'cx-metrics monitor answers.csv --at answered --period week --nps recommend --format json'],
};

/** Runs the charts; the output, and exit code 3 when the latest period of any chart signals. */
export async function monitorCommand(argv: readonly string[]): Promise<{ output: CommandOutput; status: number }> {
  const args = parseCommand(monitorSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const { at: atFlag, period, timeZone } = periodFlags(args, 'monitor');
  const chart = single(args, 'chart');
  if (chart !== undefined && !(CHARTS as readonly string[]).includes(chart)) throw new UsageError(`--chart takes ${CHARTS.join(', ')}, got "${chart}"`);
  const rules = single(args, 'rules');
  if (rules !== undefined && rules !== 'anhoj' && rules !== 'western-electric') throw new UsageError(`--rules takes anhoj or western-electric, got "${rules}"`);
  const baselineText = single(args, 'baseline');
  if (baselineText !== undefined && !/^[1-9]\d*$/.test(baselineText)) throw new UsageError(`--baseline takes a whole number of periods from 1, got "${baselineText}"`);
  requireMetric(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  if (metrics.columns.length !== 1) throw new UsageError('monitor charts one metric column: give one of --nps, --csat and --ces, once');
  if (metrics.weight !== undefined) throw new UsageError('a control chart counts answers: --weight does not apply');
  const [column] = metrics.columns;
  const at = resolveColumn(table, atFlag);
  const byFlag = single(args, 'by');
  const by = byFlag === undefined ? undefined : resolveColumn(table, byFlag);
  // Each group is a chart of its own: an id column by mistake would make a million of them.
  const rows = await onTable(table, () => allRows(limitGroups(table, by === undefined ? [] : [by], maxGroups(args)), columnPlan(by === undefined ? [] : [by], [at], [column!.column])));
  progress.done();
  const options = {
    at,
    period,
    ...(timeZone === undefined ? {} : { timeZone }),
    [column!.metric]: column!.spec,
    ...(chart === undefined ? {} : { chart }),
    ...(rules === undefined ? {} : { rules }),
    ...(baselineText === undefined ? {} : { baseline: Number(baselineText) }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
  } as ControlChartOptions<Row>;
  // Groups by their text (as summarize compares keys), in the order first seen.
  const groups = new Map<string | null, Row[]>();
  for (const row of rows) {
    const key = by === undefined ? null : row[by] === null || row[by] === undefined ? '(missing)' : groupText(String(row[by]));
    let members = groups.get(key);
    if (members === undefined) groups.set(key, (members = []));
    members.push(row);
  }
  const runs: MonitorRun[] = await onTable(table, () =>
    [...groups].map(([group, members]) => {
      const result = controlChart(members, options);
      const latest = [...result.periods].reverse().find((entry) => entry.score !== null) ?? null;
      for (const text of result.notes) note(`${group === null ? '' : `${group}: `}${text}`);
      return { group, chart: result, latest };
    }),
  );
  const signalled = runs.some((run) => run.latest !== null && run.latest.signals.length > 0);
  const output = await deliver(args, format, {
    json: () => jsonChunks({ signal: signalled, groups: runs }),
    csv: () => sheetCsv(monitorSheet(runs), csvStyle(args)),
    table: () => monitorTable(runs),
    xlsx: () => workbook([monitorSheet(runs)], []),
  });
  return { output, status: signalled ? SIGNAL_EXIT : 0 };
}
