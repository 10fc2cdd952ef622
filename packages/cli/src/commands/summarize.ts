import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { summaryItems } from '../../../../src/common/summary-items.js';
import { summarizeStream, type SummarizeOptions } from '../../../../src/analysis/summarize.js';
import { all, parseCommand, type CommandSpec } from '../args.js';
import type { Row } from '../../../../src/read/table.js';
import { summaryNotes, summarySheet, summaryTable } from '../output/summary.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { checkScaleUse, metricFlags, metricPlan, requireMetric } from '../shared/metric-flags.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';
import { columnOfItem, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups, metricSpecs, noRows, onTable } from '../shared/run.js';

export const summarizeSpec: CommandSpec = {
  name: 'summarize',
  usage: 'FILE [--by COL]... --nps COL | --csat COL | --ces COL ... [options]',
  summary: 'NPS, CSAT and CES per group and in total, with confidence intervals. The file is streamed: memory stays flat whatever its size.',
  groups: [{ heading: 'Groups', flags: [{ name: 'by', value: 'COL', help: 'group by a column (repeat to group by several)', repeat: true }, MAX_GROUPS_FLAG] }, metricFlags(true), SUPPRESSION_FLAGS, INPUT_FLAGS, OUTPUT_FLAGS],
  examples: [
    'cx-metrics summarize survey.csv --by Class --csat "Seat comfort" --csat Cleanliness --na 0',
    'cx-metrics summarize export.xlsx --by Region --nps Q1 --weight w --format csv',
    'cx-metrics summarize answers.csv --by Store --nps recommend --min-n 5',
  ],
};

export async function summarizeCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(summarizeSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  requireMetric(args);
  const suppression = suppressionFlags(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  const by = all(args, 'by').map((column) => resolveColumn(table, column));
  const plan = columnPlan(by, [], [...metrics.columns.map((column) => column.column), ...(metrics.weight === undefined ? [] : [metrics.weight])]);
  const options = {
    ...metricSpecs(metrics),
    ...(by.length === 1 ? { by: by[0] } : by.length > 1 ? { by } : {}),
    ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...suppression,
  } as SummarizeOptions<Row>;
  const summary = await onTable(table, () => summarizeStream(limitGroups(table, by, maxGroups(args)).rows(plan), options));
  progress.done();
  if (summary.total.rows === 0) throw noRows(table);
  const columnOf = (item: { metric: 'nps' | 'csat' | 'ces'; field: string | null }) => columnOfItem(metrics, item);
  checkScaleUse(summaryItems(summary.total).map((item) => ({ metric: item.metric, column: columnOf(item), tally: item.result.tally })), args, note);
  return deliver(args, format, {
    json: () => jsonChunks(summary),
    csv: () => sheetCsv(summarySheet(summary, by, columnOf), csvStyle(args)),
    table: () => summaryTable(summary, by, columnOf),
    xlsx: () => workbook([summarySheet(summary, by, columnOf)], summaryNotes(summary)),
  });
}
