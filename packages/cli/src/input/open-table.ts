import { InputError } from '../errors.js';
import { gunzipSource, isGzip, openRawSource } from './raw-source.js';
import { peek, type RawSource } from '../../../../src/read/source.js';
import { formatOfBytes, openSource, type SourceOptions } from '../../../../src/read/open-source.js';
import { checkInputPath } from './input-path.js';
import type { Table, TableFormat } from '../../../../src/read/table.js';
import { openParquetTable, type ParquetLocation } from './parquet-table.js';

/** Input formats the command line reads: the library readers' and Parquet. */
export type InputFormat = TableFormat;
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet'];

/** How a file is read: every option of the shared input flags. */
export type InputOptions = SourceOptions;

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

/**
 * Opens the input as a {@link Table}, whatever its format and wherever it comes from: a file,
 * standard input (`-`), a pipe or FIFO; gzip-compressed or not (told by its first bytes). The
 * format is `--input`, else the name's ending, else what the first bytes look like.
 */
export async function openTable(file: string, options: InputOptions): Promise<Table> {
  checkInputPath(file);
  const named = file === '-' ? null : file;
  return openRawTable(openRawSource(file), options, { named, at: named });
}

/** Where an input came from, beyond its bytes. */
export interface InputOrigin {
  /** The name whose ending may tell the format; null for standard input. */
  readonly named: string | null;
  /** Where a Parquet file can be read by offsets (a path, a `Blob`), null when it cannot. */
  readonly at: ParquetLocation;
}

/**
 * Opens an input's bytes as a {@link Table}, as {@link openTable} does for a path: the
 * command line's files and the offline page's dropped `File` take this same way, so the page
 * tells formats, inflates gzip and reads Parquet as the command line does.
 */
export async function openRawTable(raw: RawSource, options: InputOptions, origin: InputOrigin): Promise<Table> {
  let opened = { ...peek(raw, 64), gzipped: false };
  if (isGzip(opened.head)) opened = { ...peek(gunzipSource(opened.source), 64), gzipped: true };
  const { source } = opened;
  const format = options.format ?? (origin.named === null ? undefined : formatOfName(origin.named)) ?? formatOfBytes(opened.head);
  if (format === 'parquet') {
    const numbers = { decimalComma: false, labels: options.labels ?? null, dateUnit: options.dateUnit, dateFormat: options.dateFormat };
    return openParquetTable(source, opened.gzipped ? null : origin.at, numbers, options.onProgress);
  }
  return openSource(source, format, options);
}
