import { InputError, UsageError } from '../errors.js';
import { openByteSource } from '../../read/csv/byte-source.js';
import { gunzipSource, isGzip, openRawSource } from './raw-source.js';
import { peek, readAll } from '../../read/source.js';
import type { DateUnit } from '../../read/cells/cells.js';
import type { DateFormat } from '../../read/cells/date-format.js';
import { checkInputPath } from './input-path.js';
import { openCsvTable } from '../../read/csv/csv-table.js';
import { openJsonTable } from '../../read/json/json-table.js';
import type { Table } from '../../read/table.js';
import { openXlsxTable } from '../../read/xlsx/xlsx-table.js';
import { openParquetTable } from './parquet-table.js';

/** Input formats the command line reads. */
export type InputFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson' | 'parquet';
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet'];

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

/** The format of a file from its name (a `.gz` ending set aside), or undefined when the name does not say. */
export function formatOfName(file: string): InputFormat | undefined {
  const name = file.replace(/\.gz$/i, '');
  if (/\.xls$/i.test(name)) throw new InputError(`${file}: Excel 97–2003 workbooks (.xls) are not read; save the sheet as .xlsx or CSV`);
  if (/\.(ndjson|jsonl)$/i.test(name)) return 'ndjson';
  if (/\.json$/i.test(name)) return 'json';
  if (/\.(tsv|tab)$/i.test(name)) return 'tsv';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.parquet$/i.test(name)) return 'parquet';
  if (/\.(csv|txt)$/i.test(name)) return 'csv';
  return undefined;
}

/** The format of bytes whose name did not say: a zip archive is a workbook, "PAR1" Parquet, `[` a JSON array, `{` NDJSON, anything else CSV. */
function formatOfBytes(head: Uint8Array): InputFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet'; // "PAR1"
  const first = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
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

/**
 * Opens the input as a {@link Table}, whatever its format and wherever it comes from: a file,
 * standard input (`-`), a pipe or FIFO; gzip-compressed or not (told by its first bytes). The
 * format is `--input`, else the name's ending, else what the first bytes look like.
 */
export async function openTable(file: string, options: InputOptions): Promise<Table> {
  checkInputPath(file);
  let opened = { ...peek(openRawSource(file), 64), gzipped: false };
  if (isGzip(opened.head)) opened = { ...peek(gunzipSource(opened.source), 64), gzipped: true };
  const { source } = opened;
  const format = options.format ?? (file === '-' ? undefined : formatOfName(file)) ?? formatOfBytes(opened.head);
  const delimiter = delimiterByte(options.delimiter, format);
  const numbers = { decimalComma: false, labels: options.labels, dateUnit: options.dateUnit, dateFormat: options.dateFormat };
  if (format === 'json' || format === 'ndjson') {
    if (options.encoding !== undefined && !/^utf-?8$/i.test(options.encoding)) throw new UsageError('JSON is always UTF-8: --encoding applies to CSV files');
    return openJsonTable(source, format, numbers, options.onProgress && ((position) => options.onProgress!(position, source.size)));
  }
  if (format === 'parquet') return openParquetTable(source, file === '-' || opened.gzipped ? null : file, numbers);
  if (format === 'xlsx') return openXlsxTable(readAll(source), source.name, { sheet: options.sheet, headerRows: options.headerRows, numbers, onProgress: options.onProgress });
  const bytes = openByteSource(source, options.encoding);
  return openCsvTable(bytes, {
    delimiter,
    headerRows: options.headerRows,
    ragged: options.ragged,
    labels: options.labels,
    dateUnit: options.dateUnit,
    dateFormat: options.dateFormat,
    onProgress: options.onProgress && ((position) => options.onProgress!(position, bytes.size)),
  });
}
