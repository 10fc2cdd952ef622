import type { ControlChart, ControlChartPeriod } from '../../../../src/monitoring/control-chart.js';
import { fixed } from './format-number.js';
import { textTable } from './text-table.js';
import type { Sheet } from './workbook.js';

/** One group's chart and its latest period with answers (null when it has none). */
export interface MonitorRun {
  readonly group: string | null;
  readonly chart: ControlChart;
  readonly latest: ControlChartPeriod | null;
}

const HEAD = ['group', 'period', 'n', 'score', 'centre', 'lower', 'upper', 'signals'];

function cells(run: MonitorRun): (string | number | null)[] {
  const { latest } = run;
  return [run.group ?? 'all', latest?.period ?? '–', latest?.n ?? 0, latest?.score ?? null, latest?.centre ?? null, latest?.lower ?? null, latest?.upper ?? null, latest === null || latest.signals.length === 0 ? 'none' : latest.signals.join(' ')];
}

/** The latest period of each group as a text table. */
export function monitorTable(runs: readonly MonitorRun[]): string {
  const digits = runs[0]?.chart.metric === 'ces' ? 2 : 1;
  return textTable([
    HEAD,
    ...runs.map((run) =>
      cells(run).map((cell, c) => (c >= 2 && c <= 6 ? { number: typeof cell === 'number' ? (c === 2 ? String(cell) : fixed(cell, digits)) : '–' } : String(cell))),
    ),
  ]);
}

/** The same as a sheet (CSV, workbook). */
export function monitorSheet(runs: readonly MonitorRun[]): Sheet {
  return { name: 'Monitor', head: HEAD, rows: runs.map(cells) };
}
