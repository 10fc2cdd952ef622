import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { parseCommand, single, type CommandSpec } from '../args.js';
import { UsageError } from '../errors.js';
import type { ColumnPlan, Row } from '../../../../src/read/table.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { csvStyle, INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS } from '../shared/input-flags.js';
import { RAKE_FLAGS, rakePlan, rakeRows, weightingLines } from '../shared/rake-flags.js';
import { allRows, onTable } from '../shared/run.js';

export const weightsSpec: CommandSpec = {
  name: 'weights',
  usage: 'FILE --rake MARGINS [--weight COL] [--name COL] [--out FILE] [options]',
  summary: "Weights the rows to the population's margins by raking and writes the file with a weight column added, for --weight in any command. The weighting report goes to stderr.",
  groups: [
    {
      heading: 'Weights',
      flags: [
        { name: 'weight', value: 'COL', help: 'a column of base (design) weights to start from (default 1 each)' },
        { name: 'name', value: 'COL', help: 'the name of the new weight column (default weight)' },
        { name: 'quiet', help: 'no progress line and no notes on stderr' },
      ],
    },
    RAKE_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics weights survey.csv --rake margins.json --out weighted.csv', 'cx-metrics summarize weighted.csv --by Class --csat "Seat comfort" --weight weight'],
};

/**
 * Every column of the file as written (text), the base weight as a number, and the raked
 * weight appended: CSV by default (the table format is CSV too: the output is a data file),
 * JSON rows, or a workbook. Standard errors of raked weights need the rows and their margins
 * together: `summarize --rake` and `report --rake` give those; a weight column read back is
 * a fixed weight.
 */
export async function weightsCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(weightsSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  if (single(args, 'rake') === undefined) throw new UsageError('weights needs --rake FILE: the margins to weight to');
  const { table, progress } = await openInput(args);
  if (table.columns === null) throw new UsageError(`weights writes the rows back with their columns: give a CSV, TSV, workbook or Parquet file (${table.file} is JSON, whose rows name their own fields)`);
  const columns = table.columns.filter((name) => name !== '');
  const name = single(args, 'name') ?? 'weight';
  if (columns.includes(name)) throw new UsageError(`the file already has a column ${JSON.stringify(name)}: give the weights another with --name COL`);
  const base = single(args, 'weight') === undefined ? undefined : resolveColumn(table, single(args, 'weight')!);
  const raking = (await rakePlan(args, table))!;
  const plan: ColumnPlan[] = columns.map((column) => ({ name: column, kind: column === base ? 'number' : 'text' }));
  const rows = await onTable(table, () => allRows(table, plan));
  progress.done();
  const raked = await onTable(table, () => rakeRows(rows, raking, base));
  weightingLines(raked.report).forEach(note);
  const head = [...columns, name];
  const cells = rows.map((row: Row, i) => [...columns.map((column) => row[column] as string | number | null), raked.weights[i]!]);
  const sheet = { name: 'Weighted', head, rows: cells };
  const csv = () => sheetCsv(sheet, csvStyle(args));
  return deliver(args, format, {
    table: csv,
    csv,
    json: () => jsonChunks(rows.map((row, i) => ({ ...row, [name]: raked.weights[i] }))),
    xlsx: () => workbook([sheet], weightingLines(raked.report)),
  });
}
