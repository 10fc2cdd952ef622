import { closeSync, openSync, readSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { openByteSource } from './byte-source.js';
import type { DateUnit } from './cells.js';
import type { DateFormat } from './date-format.js';
import { checkInputPath } from './input-path.js';
import { openCsvTable } from './csv-table.js';
import { openJsonTable } from './json-table.js';
import type { Table } from './table.js';
import { openXlsxTable } from './xlsx-table.js';

/** Input formats the command line reads. */
export type InputFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson';
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'xlsx', 'json', 'ndjson'];

/** How a file is read: every option of the shared input flags. */
export interface InputOptions {
  readonly format?: InputFormat | undefined;
  /** One character, or the word `tab`. */
  readonly delimiter?: string | undefined;
  readonly encoding?: string | undefined;
  readonly sheet?: string | undefined;
  readonly headerRows?: number | undefined;
  readonly labels: ReadonlyMap<string, number | null> | null;
  /** What a number in a date column counts; without one such a number is refused. */
  readonly dateUnit?: DateUnit | undefined;
  /** How dates are written when the readers do not recognise them (`--date-format`). */
  readonly dateFormat?: DateFormat | undefined;
  readonly ragged: boolean;
  readonly onProgress?: ((position: number, size: number) => void) | undefined;
}

/** The format of a file: as given, else from its name (and an .xlsx workbook from its first bytes). */
export function formatOf(file: string, given: InputFormat | undefined): InputFormat {
  if (given !== undefined) return given;
  if (/\.xls$/i.test(file)) throw new InputError(`${file}: Excel 97–2003 workbooks (.xls) are not read; save the sheet as .xlsx or CSV`);
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(tsv|tab)$/i.test(file)) return 'tsv';
  if (/\.xlsx$/i.test(file) || startsWithZip(file)) return 'xlsx';
  return 'csv';
}

/** An .xlsx workbook is a zip archive: "PK\x03\x04". */
function startsWithZip(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // the reader says why it cannot be read
  }
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

/** The delimiter byte a `--delimiter` value names. */
function delimiterByte(given: string | undefined, format: InputFormat): number | undefined {
  if (given === undefined) return format === 'tsv' ? 0x09 : undefined;
  const text = given === 'tab' || given === '\\t' ? '\t' : given;
  if (text.length !== 1 || text.charCodeAt(0) > 0x7f || text === '"' || text === '\n' || text === '\r') {
    throw new UsageError(`--delimiter takes one character such as , ; or tab, got ${JSON.stringify(given)}`);
  }
  return text.charCodeAt(0);
}

/** Opens a file as a {@link Table}, whatever its format. */
export async function openTable(file: string, options: InputOptions): Promise<Table> {
  checkInputPath(file);
  const format = formatOf(file, options.format);
  const delimiter = delimiterByte(options.delimiter, format);
  if (format === 'json' || format === 'ndjson') {
    if (options.encoding !== undefined && !/^utf-?8$/i.test(options.encoding)) throw new UsageError('JSON is always UTF-8: --encoding applies to CSV files');
    return openJsonTable(file, format, { decimalComma: false, labels: options.labels, dateUnit: options.dateUnit, dateFormat: options.dateFormat }, options.onProgress && ((position) => options.onProgress!(position, Number.NaN)));
  }
  if (format === 'xlsx') return openXlsxTable(file, { sheet: options.sheet, headerRows: options.headerRows, numbers: { decimalComma: false, labels: options.labels, dateUnit: options.dateUnit, dateFormat: options.dateFormat } });
  const source = openByteSource(file, options.encoding);
  const table = openCsvTable(source, {
    delimiter,
    headerRows: options.headerRows,
    ragged: options.ragged,
    labels: options.labels,
    dateUnit: options.dateUnit,
    dateFormat: options.dateFormat,
    onProgress: options.onProgress && ((position) => options.onProgress!(position, source.size)),
  });
  return table;
}
