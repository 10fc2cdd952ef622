import type { CommandOutput } from '../output/write-output.js';
import { bannerTable, type BannerAdjustment, type BannerTableOptions, type BannerTest } from '../../../../src/analysis/banner-table.js';
import { jsonChunks } from '../output/json-chunks.js';
import { all, parseCommand, single, type CommandSpec, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { bannerCsv, bannerNotes, bannerSheets, bannerTextTable } from '../output/banner.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { csvStyle, INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS } from '../shared/input-flags.js';
import { metricFlags, metricPlan } from '../shared/metric-flags.js';
import { allRows, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups, metricSpecs, noRows, onTable } from '../shared/run.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';

const ADJUSTMENTS: readonly BannerAdjustment[] = ['none', 'bonferroni', 'holm', 'benjamini-hochberg'];
const TESTS: readonly BannerTest[] = ['columns', 'columns-and-total', 'none'];

export const bannerSpec: CommandSpec = {
  name: 'banner',
  usage: 'FILE --banner COL [--banner COL]... --nps COL | --csat COL | --ces COL | --category COL ... [options]',
  summary:
    'A banner table (crosstab): metrics and categories down, the total and each group of the banner columns across, lettered A, B, C…; each cell lists the letters of the columns it is significantly higher than, the test and its adjustment stated. The rows of the columns asked for are held in memory.',
  groups: [
    {
      heading: 'Table',
      flags: [
        { name: 'banner', value: 'COL', help: 'a column whose groups are the table\'s columns (repeat for several side by side)', repeat: true },
        { name: 'category', value: 'COL', help: 'a categorical column: a row per category with its percentage of each column (repeatable)', repeat: true },
        MAX_GROUPS_FLAG,
      ],
    },
    {
      heading: 'Tests',
      flags: [
        { name: 'test', value: 'WHICH', help: 'columns (default: the groups of each banner column among themselves), columns-and-total, or none' },
        { name: 'adjust', value: 'METHOD', help: `over the pairs of each row: ${ADJUSTMENTS.join(', ')} (default none, as SPSS and expss)` },
        { name: 'min-base', value: 'N', help: 'leave columns with fewer answers than this untested (default 30)' },
      ],
    },
    metricFlags(true),
    SUPPRESSION_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: [
    'cx-metrics banner survey.csv --banner Class --banner "Type of Travel" --csat "Seat comfort" --category satisfaction --na 0',
    'cx-metrics banner answers.xlsx --banner region --nps recommend --adjust holm --format xlsx --out banner.xlsx',
  ],
};

/** A flag that takes one of a list of words. */
function choice<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const text = single(args, name);
  if (text !== undefined && !(choices as readonly string[]).includes(text)) throw new UsageError(`--${name} takes ${choices.join(', ')}, got ${JSON.stringify(text)}`);
  return text as T | undefined;
}

export async function bannerCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(bannerSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  if (all(args, 'banner').length === 0) throw new UsageError('give --banner COL: the column whose groups are the table\'s columns');
  if (!['nps', 'csat', 'ces', 'category'].some((flag) => all(args, flag).length > 0)) throw new UsageError('give at least one of --nps, --csat, --ces and --category');
  const test = choice(args, 'test', TESTS);
  const adjust = choice(args, 'adjust', ADJUSTMENTS);
  const minBaseText = single(args, 'min-base');
  if (minBaseText !== undefined && !/^\d+$/.test(minBaseText.trim())) throw new UsageError(`--min-base takes a whole number of answers, got ${JSON.stringify(minBaseText)}`);
  const minBase = minBaseText === undefined ? undefined : Math.max(1, Number(minBaseText));
  const suppression = suppressionFlags(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  const banner = all(args, 'banner').map((column) => resolveColumn(table, column));
  const categories = all(args, 'category').map((column) => resolveColumn(table, column));
  for (const column of banner) {
    if (metrics.columns.some((entry) => entry.column === column)) throw new UsageError(`${JSON.stringify(column)} is a metric column; a --banner column must be another`);
    if (categories.includes(column)) throw new UsageError(`${JSON.stringify(column)} is a --category column; a --banner column must be another`);
  }
  const plan = columnPlan([...banner, ...categories], [], [...metrics.columns.map((entry) => entry.column), ...(metrics.weight === undefined ? [] : [metrics.weight])]);
  const rows = await onTable(table, () => allRows(limitGroups(table, banner, maxGroups(args)), plan));
  progress.done();
  if (rows.length === 0) throw noRows(table);
  const options = {
    ...metricSpecs(metrics),
    banner: banner.length === 1 ? banner[0]! : banner,
    ...(categories.length === 0 ? {} : { categories }),
    ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...(metrics.level === undefined ? {} : { level: metrics.level }),
    ...(test === undefined ? {} : { test }),
    ...(adjust === undefined ? {} : { adjust }),
    ...(minBase === undefined ? {} : { minBase }),
    ...suppression,
  } as BannerTableOptions<Row>;
  const result = await onTable(table, () => bannerTable(rows, options));
  return deliver(args, format, {
    json: () => jsonChunks(result),
    csv: () => bannerCsv(result, csvStyle(args)),
    table: () => bannerTextTable(result),
    xlsx: () => workbook(bannerSheets(result), bannerNotes(result)),
  });
}
