import { all, isSet, single, type FlagGroup, type ParsedArgs } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import { DATE_UNITS, parseLabelFile, parseLabelMap, type DateUnit, type LabelMap } from '../../../../src/read/cells/cells.js';
import { readTextFile } from '../input/input-path.js';
import { compileDateFormat, type DateFormat } from '../../../../src/read/cells/date-format.js';
import { chooseRows, parseCondition, type RowChoice } from '../input/row-filter.js';
import { resolveColumn } from './columns.js';
import { INPUT_FORMATS, openTable, type InputFormat, type InputOptions } from '../input/open-table.js';
import type { Table } from '../../../../src/read/table.js';
import { progressLine, type Progress } from './progress.js';
import type { CsvStyle } from '../output/text-table.js';
import { terminalText } from '../output/terminal-text.js';

/** The flags every command reads its file with. */
export const INPUT_FLAGS: FlagGroup = {
  heading: 'Input',
  flags: [
    { name: 'input', value: 'FORMAT', help: 'csv, tsv, xlsx, json, ndjson or parquet (default: from the file name, else from the first bytes)' },
    { name: 'delimiter', value: 'CHAR', help: 'the CSV cell separator: , ; or tab (default: found from the header line)' },
    { name: 'encoding', value: 'NAME', help: 'the text encoding, e.g. windows-1252 (default: UTF-8, or UTF-16 with a byte-order mark)' },
    { name: 'sheet', value: 'NAME', help: 'the sheet of an .xlsx workbook (default: the first)' },
    { name: 'header-rows', value: 'N', help: 'rows above the data (default: 1, 3 for Qualtrics, 2 for SurveyMonkey exports, recognised)' },
    { name: 'map', value: 'LABEL=N,…', help: 'read answers written as labels as numbers, e.g. "Very satisfied=5,Satisfied=4"; a label with a comma in double quotes; LABEL=na for no answer', repeat: true },
    { name: 'map-file', value: 'FILE', help: 'labels as numbers from a file: one LABEL=N (or LABEL=na) a line, the number after the last =; # starts a comment' },
    { name: 'ragged', help: 'read missing cells at the end of a short CSV row as blanks (otherwise an error)' },
    { name: 'where', value: 'COL=VALUE', help: "read only the rows whose COL is VALUE (COL!=VALUE: is not); all must hold, e.g. --where 'Finished=True'", repeat: true },
    { name: 'keep-test-responses', help: 'count the previews, test responses and spam of a Qualtrics export (by default they are left out and counted on stderr)' },
  ],
};

/** The flag of commands that read dates: what a date written as a number counts. */
export const DATE_UNIT_FLAG = { name: 'date-unit', value: 'UNIT', help: `what a date written as a number counts: ${DATE_UNITS.join(', ')} (otherwise such a number is refused)` } as const;

/** The flag of commands that read dates: a layout the readers do not guess, such as a US sheet's M/D/YYYY. */
export const DATE_FORMAT_FLAG = { name: 'date-format', value: 'FORMAT', help: 'how dates are written when not ISO 8601 or Google Forms, e.g. "M/D/YYYY H:mm:ss" or "D.M.YYYY" (tokens YYYY M MM D DD H HH h hh mm ss A Z)' } as const;

/** The flags of the output. */
export const OUTPUT_FLAGS: FlagGroup = {
  heading: 'Output',
  flags: [
    { name: 'format', value: 'FORMAT', help: 'table (default), csv, json (the library\'s result objects), or xlsx (an Excel workbook: needs --out FILE.xlsx)' },
    { name: 'out', value: 'FILE', help: 'write to FILE instead of standard output (never over the input; a failed write leaves FILE as it was)' },
    { name: 'raw-csv', help: "write CSV text as it is, even where a spreadsheet would run it as a formula (by default text starting with = + - @ gets a leading ')" },
    { name: 'quiet', help: 'no progress line and no notes on stderr' },
  ],
};

/** How CSV is written: text that starts a formula is neutralised unless --raw-csv. */
export function csvStyle(args: ParsedArgs): CsvStyle {
  return { raw: isSet(args, 'raw-csv') };
}

export type OutputFormat = 'table' | 'csv' | 'json' | 'xlsx';

export function outputFormat(args: ParsedArgs): OutputFormat {
  const format = single(args, 'format') ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json' && format !== 'xlsx') throw new UsageError(`unknown --format "${format}" (table, csv, json or xlsx)`);
  const out = single(args, 'out');
  if (format === 'xlsx' && out === undefined) throw new UsageError('--format xlsx writes a workbook: give --out FILE.xlsx');
  if (format === 'xlsx' && !/\.xlsx$/i.test(out!)) throw new UsageError(`--format xlsx writes an .xlsx workbook; --out ${JSON.stringify(out)} does not end in .xlsx`);
  if (format !== 'xlsx' && out !== undefined && /\.xlsx$/i.test(out)) throw new UsageError(`--out ${JSON.stringify(out)} ends in .xlsx: add --format xlsx for a workbook`);
  return format;
}

/** Notes for the user on stderr (nothing with --quiet): what was assumed, what to check. */
export function notesTo(args: ParsedArgs): (message: string) => void {
  const quiet = isSet(args, 'quiet');
  return (message) => {
    if (!quiet) process.stderr.write(`cx-metrics: ${terminalText(message)}\n`);
  };
}

/** What the input flags ask of the readers (everything but where the bytes come from), and the rows to keep. */
export function readingOptions(args: ParsedArgs): { readonly options: InputOptions; readonly conditions: RowChoice['conditions'] } {
  const format = single(args, 'input');
  if (format !== undefined && !INPUT_FORMATS.includes(format as InputFormat)) throw new UsageError(`unknown --input "${format}" (${INPUT_FORMATS.join(', ')})`);
  const headerRows = single(args, 'header-rows');
  if (headerRows !== undefined && !/^[1-9]\d*$/.test(headerRows)) throw new UsageError(`--header-rows takes a whole number from 1, got "${headerRows}"`);
  let labels: LabelMap | null = null;
  const mapFile = single(args, 'map-file');
  try {
    if (mapFile !== undefined) labels = parseLabelFile(readTextFile(mapFile), mapFile);
    if (isSet(args, 'map')) labels = parseLabelMap(all(args, 'map'), labels ?? new Map());
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw mapFile !== undefined && (error as Error).message.startsWith(mapFile) ? new InputError((error as Error).message) : new UsageError((error as Error).message);
  }
  const dateUnit = single(args, 'date-unit');
  if (dateUnit !== undefined && !(DATE_UNITS as readonly string[]).includes(dateUnit)) throw new UsageError(`--date-unit takes ${DATE_UNITS.join(', ')}, got ${JSON.stringify(dateUnit)}`);
  const dateFormatText = single(args, 'date-format');
  let dateFormat: DateFormat | undefined;
  try {
    dateFormat = dateFormatText === undefined ? undefined : compileDateFormat(dateFormatText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options: InputOptions = {
    format: format as InputFormat | undefined,
    delimiter: single(args, 'delimiter'),
    encoding: single(args, 'encoding'),
    sheet: single(args, 'sheet'),
    headerRows: headerRows === undefined ? undefined : Number(headerRows),
    labels,
    ragged: isSet(args, 'ragged'),
    dateUnit: dateUnit as DateUnit | undefined,
    dateFormat,
  };
  return { options, conditions: all(args, 'where').map(parseCondition) };
}

/** A table as opened, with what was recognised said and the rows chosen (`--where`, Qualtrics test responses). */
export function chosenTable(opened: Table, args: ParsedArgs, conditions: RowChoice['conditions'], note: (message: string) => void): Table {
  if (opened.platform !== null) note(`read as a ${opened.platform === 'qualtrics' ? 'Qualtrics' : 'SurveyMonkey'} export: ${opened.headerRows} header rows; columns by name or question text`);
  opened.notes.forEach(note);
  // Qualtrics Text iQ writes its topics and sentiment beside each coded question.
  const textIq = (opened.columns ?? []).filter((column) => / - (Parent Topics|Topics|Sentiment Score|Sentiment Polarity|Sentiment)$/.test(column));
  if (opened.platform === 'qualtrics' && textIq.length > 0) note(`Text iQ columns: ${textIq.map((column) => JSON.stringify(column)).join(', ')}; \`themes --topics COL\` reads ready-made topics ("Unknown" is no topic)`);
  return chooseRows(opened, { conditions, keepTestResponses: isSet(args, 'keep-test-responses') }, (column) => resolveColumn(opened, column), note);
}

/** Opens the command's FILE as the input flags say, with a progress line where one helps. */
export async function openInput(args: ParsedArgs): Promise<{ table: Table; progress: Progress }> {
  const { options, conditions } = readingOptions(args);
  const progress = progressLine(`reading ${terminalText(args.file)}`, process.stderr, !isSet(args, 'quiet'));
  const opened = await openTable(args.file, { ...options, onProgress: (position, size) => progress.update(position, size) });
  return { table: chosenTable(opened, args, conditions, notesTo(args)), progress };
}
