import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { CxValidationError } from '../../../../src/core/errors.js';
import { defineCodebook, type Codebook, type CodebookDefinition } from '../../../../src/text/define-codebook.js';
import { themeReport, type ThemeReport, type ThemeReportOptions } from '../../../../src/text/theme-report.js';
import { parseCommand, single, type CommandSpec, type ParsedArgs } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import { readJsonFile } from '../input/input-path.js';
import type { Row, Table } from '../../../../src/read/table.js';
import { quotesSheet, themesNotes, themesSheet, themesTable } from '../output/themes.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { csvStyle, INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS } from '../shared/input-flags.js';
import { describeValidation } from '../shared/messages.js';
import { metricFlags, metricPlan } from '../shared/metric-flags.js';
import { allRows, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups, metricSpecs, onTable } from '../shared/run.js';
import { ADJUST_FLAG, adjustFlag } from '../shared/test-flags.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';
import type { SuppressionOptions } from '../../../../src/common/suppression.js';

/** The flags that say where comments are and how they are coded; shared with the report. */
export const THEME_FLAGS = [
  { name: 'text', value: 'COL', help: 'the column of open answers (comments)' },
  { name: 'codebook', value: 'FILE', help: 'the codebook: themes and their patterns as JSON (examples/codebooks/ has two)' },
  { name: 'topics', value: 'COL', help: 'instead of a codebook, a column of ready-made topics, comma-separated (Qualtrics Text iQ "… - Topics")' },
  { name: 'examples', value: 'N', help: 'quotes per theme, shortest first (default 3)' },
] as const;

export const themesSpec: CommandSpec = {
  name: 'themes',
  usage: 'FILE --text COL (--codebook FILE | --topics COL) [--nps COL] [--csat COL] [--ces COL] [--by COL] [options]',
  summary:
    "Open answers coded into themes: each theme's share of the commenters with its interval, a few quotes, and its impact on the score (the score of all commenters minus the score without the theme's) with an adjusted test. Comments nobody's codebook covers are counted. The rows of the columns asked for are held in memory.",
  groups: [
    { heading: 'Comments', flags: [...THEME_FLAGS, { name: 'by', value: 'COL', help: 'a report per group too (a store, a month)' }, MAX_GROUPS_FLAG] },
    { heading: 'Tests', flags: [ADJUST_FLAG] },
    metricFlags(false),
    SUPPRESSION_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics themes comments.csv --text kommentti --codebook examples/codebooks/cx-themes-fi.json --nps suosittelu', 'cx-metrics themes export.csv --text Q3 --topics "Q3 - Topics" --csat Q1 --format csv'],
};

/** The codebook of --codebook, checked before the data is read, or null with --topics. */
export function codebookFlag(args: ParsedArgs): Codebook | null {
  const file = single(args, 'codebook');
  const topics = single(args, 'topics');
  if ((file === undefined) === (topics === undefined)) throw new UsageError('give --codebook FILE or --topics COL (one of them)');
  if (file === undefined) return null;
  try {
    return defineCodebook(readJsonFile(file) as CodebookDefinition);
  } catch (error) {
    if (error instanceof CxValidationError) throw new InputError(`${file}: ${describeValidation(error, null)}`);
    throw error;
  }
}

/** --examples as a whole number from 0 to 100. */
export function examplesFlag(args: ParsedArgs): number | undefined {
  const text = single(args, 'examples');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > 100) throw new UsageError(`--examples takes a whole number from 0 to 100, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The theme report the flags ask for, on a table's rows (already read). */
export function themeOptions(args: ParsedArgs, table: Table, metrics: ReturnType<typeof metricPlan>, suppression: SuppressionOptions): { text: string; topics: string | undefined; options: Omit<ThemeReportOptions<Row>, 'text'> } {
  const textFlag = single(args, 'text');
  if (textFlag === undefined) throw new UsageError('give --text COL: the column of comments');
  const topicsFlag = single(args, 'topics');
  const examples = examplesFlag(args);
  const adjust = adjustFlag(args);
  return {
    text: resolveColumn(table, textFlag),
    topics: topicsFlag === undefined ? undefined : resolveColumn(table, topicsFlag),
    options: {
      ...(metricSpecs(metrics) as Pick<ThemeReportOptions<Row>, 'nps' | 'csat' | 'ces'>),
      ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
      ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
      ...(metrics.level === undefined ? {} : { level: metrics.level }),
      ...(adjust === undefined ? {} : { adjust }),
      ...(examples === undefined ? {} : { examples }),
      ...suppression,
    },
  };
}

export async function themesCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(themesSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  if (single(args, 'text') === undefined) throw new UsageError('give --text COL: the column of comments');
  const codebook = codebookFlag(args);
  const suppression = suppressionFlags(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  const { text, topics, options } = themeOptions(args, table, metrics, suppression);
  const byFlag = single(args, 'by');
  const by = byFlag === undefined ? undefined : resolveColumn(table, byFlag);
  const texts = [text, ...(topics === undefined ? [] : [topics]), ...(by === undefined ? [] : [by])];
  const numbers = [...metrics.columns.map((column) => column.column), ...(metrics.weight === undefined ? [] : [metrics.weight])];
  const rows = await onTable(table, () => allRows(limitGroups(table, by === undefined ? [] : [by], maxGroups(args)), columnPlan(texts, [], numbers)));
  progress.done();
  const report: ThemeReport = await onTable(table, () => themeReport(rows, codebook, { ...options, text, ...(topics === undefined ? {} : { topics }), ...(by === undefined ? {} : { by }) }));
  return deliver(args, format, {
    json: () => jsonChunks(report),
    csv: () => sheetCsv(themesSheet(report), csvStyle(args)),
    table: () => themesTable(report),
    xlsx: () => workbook([themesSheet(report), quotesSheet(report)], themesNotes(report)),
  });
}
