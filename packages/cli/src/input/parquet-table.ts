import { InputError } from '../errors.js';
import { dateCell, numberCell, type NumberRules } from '../../../../src/read/cells/cells.js';
import { readAll, type RawSource } from '../../../../src/read/source.js';
import { emptyRow, keyOf, type ColumnPlan, type Row, type Table } from '../../../../src/read/table.js';

/**
 * Where a Parquet file can be read by offsets: a path on disk, or a `Blob` (the offline page's
 * dropped file); null when it can only be read from start to end (a pipe, a gzip file).
 */
export type ParquetLocation = string | Blob | null;

/**
 * A Parquet file — what data teams export from a warehouse — as a {@link Table}, read with
 * hyparquet (pure JavaScript, no dependencies, kept up to date; loaded only when a Parquet
 * file is read): the footer first for the columns, then only the columns asked for, one row
 * group at a time, so memory holds one row group of those columns. A file or a `Blob` is read
 * by offsets; a pipe, whose footer comes last, is read whole first.
 */
export async function openParquetTable(source: RawSource, at: ParquetLocation, numbers: NumberRules, onProgress?: (position: number, size: number) => void): Promise<Table> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } = await import('hyparquet');
  const file = source.name;
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  if (typeof at === 'string' && Number.isFinite(source.size)) {
    source.close();
    buffer = await asyncBufferFromFile(at);
  } else if (at !== null && typeof at !== 'string') {
    source.close();
    const blob = at;
    buffer = { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
  } else {
    const bytes = readAll(source);
    buffer = { byteLength: bytes.length, slice: async (start, end) => bytes.slice(start, end).buffer };
  }
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new InputError(`cannot read ${file} as Parquet: ${(error as Error).message}`);
  }
  const children = parquetSchema(metadata).children;
  const columns = children.map((child) => child.element.name);
  // DATE columns hold days: their values (midnight UTC) are written as the day; TIMESTAMPs as instants.
  const days = new Set(children.filter((child) => child.element.converted_type === 'DATE' || child.element.logical_type?.type === 'DATE').map((child) => child.element.name));
  const where = (index: number) => `row ${index + 1}`;

  async function* rows(plan: readonly ColumnPlan[]): AsyncGenerator<Row> {
    const names = [...new Set(plan.map((column) => column.name))];
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      // The group's columns as arrays (hyparquet decodes a column chunk at a time), each turned
      // into what a command reads in one loop per column; rows are made from them after.
      const raw = new Map<string, unknown[]>(names.map((name) => [name, new Array<unknown>(end - start)]));
      try {
        await parquetRead({
          file: buffer,
          metadata,
          columns: names,
          rowStart: start,
          rowEnd: end,
          onChunk: ({ columnName, columnData, rowStart }) => {
            const target = raw.get(columnName)!;
            for (let i = 0; i < columnData.length; i++) target[rowStart - start + i] = columnData[i];
          },
        });
      } catch (error) {
        throw new InputError(`cannot read ${file}, rows ${start + 1}–${end}: ${(error as Error).message}`);
      }
      const values = plan.map((column) => raw.get(column.name)!.map((value) => cellValue(value, column.kind, numbers, days.has(column.name))));
      const keys = plan.map(keyOf);
      for (let r = 0; r < end - start; r++) {
        const row = emptyRow();
        for (let c = 0; c < keys.length; c++) row[keys[c]!] = values[c]![r];
        yield row;
      }
      start = end;
      // Progress by rows read, shown as the share of the file's bytes they stand for.
      onProgress?.(Math.round((buffer.byteLength * end) / Math.max(1, Number(metadata.num_rows))), buffer.byteLength);
    }
  }

  return { file, format: 'parquet', delimiter: null, encoding: null, importIds: null, timeZones: null, columns, questions: null, labels: null, notes: [], platform: null, headerRows: 0, rows, where };
}

/**
 * A Parquet value as a command reads it: numbers as numbers (a 64-bit integer that fits as
 * the number; text through the same label rules as a CSV cell), dates as ISO 8601 (a
 * TIMESTAMP as its instant, a DATE as its day), groups as text, as a CSV export would write them.
 */
function cellValue(value: unknown, kind: ColumnPlan['kind'], numbers: NumberRules, day: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') value = Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return day ? value.toISOString().slice(0, 10) : value.toISOString();
  if (kind === 'number') return typeof value === 'string' ? numberCell(value, numbers) : value;
  if (kind === 'date') return typeof value === 'string' ? dateCell(value, numbers, null) : value;
  return value === '' ? null : String(value);
}
