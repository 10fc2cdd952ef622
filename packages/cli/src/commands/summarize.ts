import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { summaryItems } from '../../../../src/common/summary-items.js';
import { summarize, summarizeStream, type SummarizeOptions } from '../../../../src/analysis/summarize.js';
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
import { allRows, columnOfItem, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups, metricSpecs, noRows, onTable } from '../shared/run.js';
import { RAKE_FLAGS, rakePlan, rakeRows, weightingLines } from '../shared/rake-flags.js';
import { BENCHMARK_FLAGS, benchmarkFlag, benchmarkLines } from '../shared/benchmark-flags.js';

export const summarizeSpec: CommandSpec = {
  name: 'summarize',
  usage: 'FILE [--by COL]... --nps COL | --csat COL | --ces COL ... [options]',
  summary: 'NPS, CSAT and CES per group and in total, with confidence intervals. The file is streamed: memory stays flat whatever its size.',
  groups: [{ heading: 'Groups', flags: [{ name: 'by', value: 'COL', help: 'group by a column (repeat to group by several)', repeat: true }, MAX_GROUPS_FLAG] }, metricFlags(true), RAKE_FLAGS, BENCHMARK_FLAGS, SUPPRESSION_FLAGS, INPUT_FLAGS, OUTPUT_FLAGS],
  examples: [
    'cx-metrics summarize survey.csv --by Class --csat "Seat comfort" --csat Cleanliness --na 0',
    'cx-metrics summarize export.xlsx --by Region --nps Q1 --weight w --format csv',
    'cx-metrics summarize answers.csv --by Store --nps recommend --min-n 5',
    'cx-metrics summarize answers.csv --by Channel --csat q1 --rake margins.json --benchmark 78:1.2',
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
  const raking = await rakePlan(args, table);
  const benchmark = benchmarkFlag(args);
  const margins = (raking?.columns ?? []).filter((column) => !by.includes(column));
  const plan = columnPlan([...by, ...margins], [], [...metrics.columns.map((column) => column.column), ...(metrics.weight === undefined ? [] : [metrics.weight])]);
  const options = {
    ...metricSpecs(metrics),
    ...(by.length === 1 ? { by: by[0] } : by.length > 1 ? { by } : {}),
    ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...suppression,
  } as SummarizeOptions<Row>;
  const source = limitGroups(table, by, maxGroups(args));
  // Raking needs every row twice (the weights, then the summary): the rows are held; otherwise streamed.
  const summary = await onTable(table, async () => {
    if (raking === null) return summarizeStream(source.rows(plan), options);
    const rows = await allRows(source, plan);
    const raked = rakeRows(rows, raking, metrics.weight);
    weightingLines(raked.report).forEach(note);
    return summarize(rows, { ...options, weight: raked });
  });
  progress.done();
  if (summary.total.rows === 0) throw noRows(table);
  const columnOf = (item: { metric: 'nps' | 'csat' | 'ces'; field: string | null }) => columnOfItem(metrics, item);
  checkScaleUse(summaryItems(summary.total).map((item) => ({ metric: item.metric, column: columnOf(item), tally: item.result.tally })), args, note);
  if (benchmark !== null) benchmarkLines(summaryItems(summary.total), benchmark, columnOf).forEach(note);
  return deliver(args, format, {
    json: () => jsonChunks(summary),
    csv: () => sheetCsv(summarySheet(summary, by, columnOf), csvStyle(args)),
    table: () => summaryTable(summary, by, columnOf),
    xlsx: () => workbook([summarySheet(summary, by, columnOf)], summaryNotes(summary)),
  });
}
