import type { DateUnit } from './cells/cells.js';
import type { DateFormat } from './cells/date-format.js';
import { openByteSource } from './csv/byte-source.js';
import { openCsvTable } from './csv/csv-table.js';
import { CxUsageError } from './errors.js';
import { openJsonTable } from './json/json-table.js';
import { readAll, type RawSource } from './source.js';
import type { Table, TableFormat } from './table.js';
import { openXlsxTable } from './xlsx/xlsx-table.js';

/**
 * Opening a source of bytes as a table, in every format the readers know: the one path the
 * library's `readTable` and the command line both take once they have the bytes.
 */

/** How a source is read (the command line's input flags, parsed). */
export interface SourceOptions {
  /** The format; else told by the first bytes. */
  readonly format?: TableFormat | undefined;
  /** One character, or the word `tab`. */
  readonly delimiter?: string | undefined;
  readonly encoding?: string | undefined;
  readonly sheet?: string | undefined;
  readonly headerRows?: number | undefined;
  readonly labels?: ReadonlyMap<string, number | null> | null | undefined;
  readonly dateUnit?: DateUnit | undefined;
  readonly dateFormat?: DateFormat | undefined;
  readonly ragged?: boolean | undefined;
  readonly onProgress?: ((position: number, size: number) => void) | undefined;
}

/** The format of bytes whose name did not say: a zip archive is a workbook, "PAR1" Parquet, `[` a JSON array, `{` NDJSON, anything else CSV. */
export function formatOfBytes(head: Uint8Array): TableFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet'; // "PAR1"
  const first = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

/** The delimiter byte a `--delimiter` value names. */
function delimiterByte(given: string | undefined, format: TableFormat): number | undefined {
  if (given === undefined) return format === 'tsv' ? 0x09 : undefined;
  const text = given === 'tab' || given === '\\t' ? '\t' : given;
  if (text.length !== 1 || text.charCodeAt(0) > 0x7f || text === '"' || text === '\n' || text === '\r') {
    throw new CxUsageError(`--delimiter takes one character such as , ; or tab, got ${JSON.stringify(given)}`);
  }
  return text.charCodeAt(0);
}

/** Opens `source` (its first bytes `head` not yet consumed) as a table of `format`; Parquet is the caller's. */
export async function openSource(source: RawSource, format: Exclude<TableFormat, 'parquet'>, options: SourceOptions): Promise<Table> {
  return readOnce(await openFormat(source, format, options));
}

/**
 * The rows of a table are streamed from its source and can be read once: a second `rows()`
 * would start in the middle of the stream (it returned garbage, or a WebAssembly fault, before
 * this guard). Said plainly instead.
 */
function readOnce(table: Table): Table {
  let read = false;
  return {
    ...table,
    rows: (plan) => {
      if (read) throw new CxUsageError(`the rows of ${table.file} have been read: a table is read once, as it streams; open the input again to read it again`);
      read = true;
      return table.rows(plan);
    },
  };
}

async function openFormat(source: RawSource, format: Exclude<TableFormat, 'parquet'>, options: SourceOptions): Promise<Table> {
  const delimiter = delimiterByte(options.delimiter, format);
  const labels = options.labels ?? null;
  const numbers = { decimalComma: false, labels, dateUnit: options.dateUnit, dateFormat: options.dateFormat };
  const onProgress = options.onProgress;
  if (format === 'json' || format === 'ndjson') {
    if (options.encoding !== undefined && !/^utf-?8$/i.test(options.encoding)) throw new CxUsageError('JSON is always UTF-8: --encoding applies to CSV files');
    return openJsonTable(source, format, numbers, onProgress && ((position) => onProgress(position, source.size)));
  }
  if (format === 'xlsx') return openXlsxTable(readAll(source), source.name, { sheet: options.sheet, headerRows: options.headerRows, numbers, onProgress });
  const bytes = openByteSource(source, options.encoding);
  return openCsvTable(bytes, {
    delimiter,
    headerRows: options.headerRows,
    ragged: options.ragged ?? false,
    labels,
    dateUnit: options.dateUnit,
    dateFormat: options.dateFormat,
    onProgress: onProgress && ((position) => onProgress(position, bytes.size)),
  });
}
