/**
 * `cx-metrics/read`: survey exports read in the browser, a worker or Node — the command line's
 * own readers. CSV in any delimiter and encoding (UTF-8 checked, UTF-16, windows-1252…),
 * TSV, .xlsx workbooks (streamed), JSON and NDJSON, gzip-compressed or not; the layouts of
 * Qualtrics (new, legacy, Insights), SurveyMonkey and Google Forms recognised. A blank cell
 * is null, never 0.
 *
 * @packageDocumentation
 */
import { setLabel, type DateUnit, type LabelMap } from './cells/cells.js';
import { compileDateFormat } from './cells/date-format.js';
import { CxUsageError } from './errors.js';
import { openReadInput, type ReadInput } from './read-input.js';
import type { Table, TableFormat } from './table.js';

export { CxInputError, CxUsageError } from './errors.js';
export type { CellKind, ColumnPlan, Row, Table, TableFormat } from './table.js';
export type { DateUnit } from './cells/cells.js';

export type { ReadInput } from './read-input.js';

/** How {@link readTable} reads; every option is the command line's input flag of the same name. */
export interface ReadOptions {
  /** How messages name the input (default: a `File`'s name, else "input"). */
  readonly name?: string;
  /** The format (default: told by the first bytes; a name ending in .tsv is TSV). Parquet is read by the command line only. */
  readonly format?: Exclude<TableFormat, 'parquet'>;
  /** The CSV delimiter: one character, or `tab` (default: detected from the first line). */
  readonly delimiter?: string;
  /** A `TextDecoder` encoding name for CSV (default: UTF-8, checked; UTF-16 by its byte-order mark). */
  readonly encoding?: string;
  /** The workbook sheet by name (default: the first). */
  readonly sheet?: string;
  /** Header rows above the data (default: detected: 3 for Qualtrics, 2 for SurveyMonkey, else 1). */
  readonly headerRows?: number;
  /**
   * Answers written as labels, with their values: `{ 'Very satisfied': 5, 'Unfamiliar (N/A)': null }`
   * (null: no answer). Matched trimmed, NFC-normalised and regardless of case.
   */
  readonly labels?: Readonly<Record<string, number | null>>;
  /** What a number in a date column counts (default: such a number is refused). */
  readonly dateUnit?: DateUnit;
  /** How dates are written when not as the readers recognise them: tokens YYYY MM M DD D HH H hh h mm ss A Z. */
  readonly dateFormat?: string;
  /** Read rows with fewer cells than the header as blanks at their end (default: an error naming the line). */
  readonly ragged?: boolean;
  /** Told the bytes read so far and the total (NaN when not known). */
  readonly onProgress?: (position: number, size: number) => void;
}

/**
 * Opens a survey export: its detected layout (format, delimiter, encoding, platform, header
 * rows, question texts, Qualtrics import ids and time zones) and columns, with the rows still
 * to be read — each with only the columns asked for, numbers as numbers (a blank is null,
 * never 0), text as written, dates as ISO 8601 text. The whole input is held as bytes while
 * it is read (a workbook has its directory at its end); rows are made one at a time.
 *
 * @throws {CxInputError} when the input cannot be read as a table; the message names the line or row and the likely fix.
 * @throws {CxUsageError} for an option that cannot be used (an unknown encoding, a delimiter of two characters).
 *
 * @example
 * ```ts
 * const table = await readTable('Q1,Store\n10,A\n,B\n3,B\n'); // or a File from <input type="file">
 * const answers: (number | null)[] = [];
 * for await (const row of table.rows([{ name: 'Q1', kind: 'number' }])) answers.push(row.Q1 as number | null);
 * answers; // [10, null, 3]
 * nps(answers).score; // 0
 * ```
 */
export async function readTable(input: ReadInput, options: ReadOptions = {}): Promise<Table> {
  let dateFormat;
  try {
    dateFormat = options.dateFormat === undefined ? undefined : compileDateFormat(options.dateFormat);
  } catch (error) {
    throw new CxUsageError((error as Error).message);
  }
  return openReadInput(input, options.name, {
    format: options.format,
    delimiter: options.delimiter,
    encoding: options.encoding,
    sheet: options.sheet,
    headerRows: options.headerRows,
    labels: options.labels === undefined ? null : labelMap(options.labels),
    dateUnit: options.dateUnit,
    dateFormat,
    ragged: options.ragged,
    onProgress: options.onProgress,
  });
}

/** Labels from a record, as `--map` reads them. */
function labelMap(labels: Readonly<Record<string, number | null>>): LabelMap {
  const map: LabelMap = new Map();
  for (const [label, value] of Object.entries(labels)) {
    if ((value !== null && !Number.isFinite(value)) || label.trim() === '') throw new CxUsageError(`labels: ${JSON.stringify(label)} maps to ${String(value)}; a label (not blank) maps to a finite number or null`);
    try {
      setLabel(map, label, value, 'labels');
    } catch (error) {
      throw new CxUsageError((error as Error).message);
    }
  }
  return map;
}
