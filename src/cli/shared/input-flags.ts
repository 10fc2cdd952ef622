import { all, isSet, single, type FlagGroup, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { parseLabelMap } from '../input/cells.js';
import { INPUT_FORMATS, openTable, type InputFormat } from '../input/open-table.js';
import type { Table } from '../input/table.js';
import { progressLine, type Progress } from './progress.js';

/** The flags every command reads its file with. */
export const INPUT_FLAGS: FlagGroup = {
  heading: 'Input',
  flags: [
    { name: 'input', value: 'FORMAT', help: 'csv, tsv, xlsx, json or ndjson (default: from the file name)' },
    { name: 'delimiter', value: 'CHAR', help: 'the CSV cell separator: , ; or tab (default: found from the header line)' },
    { name: 'encoding', value: 'NAME', help: 'the text encoding, e.g. windows-1252 (default: UTF-8, or UTF-16 with a byte-order mark)' },
    { name: 'sheet', value: 'NAME', help: 'the sheet of an .xlsx workbook (default: the first)' },
    { name: 'header-rows', value: 'N', help: 'rows above the data (default: 1, 3 for Qualtrics, 2 for SurveyMonkey exports, recognised)' },
    { name: 'map', value: 'LABEL=N,…', help: 'read answers written as labels as numbers, e.g. "Very satisfied=5,Satisfied=4"', repeat: true },
    { name: 'ragged', help: 'read missing cells at the end of a short CSV row as blanks (otherwise an error)' },
  ],
};

/** The flags of the output. */
export const OUTPUT_FLAGS: FlagGroup = {
  heading: 'Output',
  flags: [
    { name: 'format', value: 'FORMAT', help: 'table (default), csv, or json (the library\'s result objects)' },
    { name: 'quiet', help: 'no progress line and no notes on stderr' },
  ],
};

export type OutputFormat = 'table' | 'csv' | 'json';

export function outputFormat(args: ParsedArgs): OutputFormat {
  const format = single(args, 'format') ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json') throw new UsageError(`unknown --format "${format}" (table, csv or json)`);
  return format;
}

/** Notes for the user on stderr (nothing with --quiet): what was assumed, what to check. */
export function notesTo(args: ParsedArgs): (message: string) => void {
  const quiet = isSet(args, 'quiet');
  return (message) => {
    if (!quiet) process.stderr.write(`cx-metrics: ${message}\n`);
  };
}

/** Opens the command's FILE as the input flags say, with a progress line where one helps. */
export async function openInput(args: ParsedArgs): Promise<{ table: Table; progress: Progress }> {
  const format = single(args, 'input');
  if (format !== undefined && !INPUT_FORMATS.includes(format as InputFormat)) throw new UsageError(`unknown --input "${format}" (${INPUT_FORMATS.join(', ')})`);
  const headerRows = single(args, 'header-rows');
  if (headerRows !== undefined && !/^[1-9]\d*$/.test(headerRows)) throw new UsageError(`--header-rows takes a whole number from 1, got "${headerRows}"`);
  let labels: Map<string, number> | null = null;
  try {
    labels = isSet(args, 'map') ? parseLabelMap(all(args, 'map')) : null;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const progress = progressLine(`reading ${args.file}`, process.stderr, !isSet(args, 'quiet'));
  const table = await openTable(args.file, {
    format: format as InputFormat | undefined,
    delimiter: single(args, 'delimiter'),
    encoding: single(args, 'encoding'),
    sheet: single(args, 'sheet'),
    headerRows: headerRows === undefined ? undefined : Number(headerRows),
    labels,
    ragged: isSet(args, 'ragged'),
    onProgress: (position, size) => progress.update(position, size),
  });
  if (table.platform !== null) notesTo(args)(`read as a ${table.platform === 'qualtrics' ? 'Qualtrics' : 'SurveyMonkey'} export: ${table.headerRows} header rows; columns by name or question text`);
  return { table, progress };
}
