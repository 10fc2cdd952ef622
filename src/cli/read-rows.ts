import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { csvRecords } from './csv-records.js';
import { JsonArrayError, jsonArrayElements } from './json-array.js';

/** Input formats the CLI reads. */
export type InputFormat = 'csv' | 'json' | 'ndjson';

/** A problem with the input file itself (not with an answer): reported on one line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export function formatOf(file: string, given: string | undefined): InputFormat {
  const format = given ?? (/\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : /\.json$/i.test(file) ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json' && format !== 'ndjson') throw new InputError(`unknown input format "${format}" (csv, json or ndjson)`);
  return format;
}

/** A CSV cell as an answer: empty is no answer, a number is a number, anything else stays text (and is reported as invalid if it is read as an answer). */
function cellValue(cell: string): string | number | null {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? number : cell;
}

/** The column names of a CSV header; a name given twice would hide one of the columns. */
function headerColumns(file: string, record: readonly string[]): string[] {
  const columns = record.map((name) => name.trim());
  columns.forEach((name, i) => {
    const first = columns.indexOf(name);
    if (name !== '' && first < i) throw new InputError(`${file}: the header names column ${JSON.stringify(name)} twice (columns ${first + 1} and ${i + 1})`);
  });
  return columns;
}

/**
 * The rows of a file as objects, streamed: CSV records (first line the header), NDJSON lines
 * or the elements of a JSON array, one at a time, so files larger than memory work.
 * `onHeader` receives the CSV column names before the first row.
 */
export async function* readRows(file: string, format: InputFormat, onHeader: (columns: readonly string[]) => void): AsyncGenerator<Record<string, unknown>> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  // Surface "no such file" and friends as one clear line.
  await new Promise<void>((resolve, reject) => {
    stream.once('readable', resolve);
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new InputError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)));
  });
  if (format === 'csv') {
    let columns: string[] | null = null;
    let rows = 0;
    for await (const record of csvRecords(stream as AsyncIterable<string>)) {
      if (columns === null) {
        columns = headerColumns(file, record);
        onHeader(columns);
        continue;
      }
      if (record.length === 1 && record[0] === '') continue; // a blank line
      rows++;
      // Cells past the header would be lost (often an unquoted comma in a field); missing
      // cells at the end are blanks, as spreadsheets write them.
      const extra = record.findIndex((cell, i) => i >= columns!.length && cell.trim() !== '');
      if (extra >= 0) throw new InputError(`${file}, row ${rows}: a value in cell ${extra + 1}, but the header has ${columns.length} columns (is a comma in a field not quoted?)`);
      const row: Record<string, unknown> = {};
      columns.forEach((column, i) => {
        row[column] = cellValue(record[i] ?? '');
      });
      yield row;
    }
    if (columns === null) throw new InputError(`${file} is empty: a CSV file starts with a header line`);
    return;
  }
  if (format === 'ndjson') {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new InputError(`${file}, line ${line}: not valid JSON`);
      }
      if (!isObject(value)) throw new InputError(`${file}, line ${line}: expected a JSON object`);
      yield value;
    }
    return;
  }
  // Rows are counted from 1, as in the errors about their answers.
  let row = 0;
  try {
    for await (const value of jsonArrayElements(stream as AsyncIterable<string>)) {
      row++;
      if (!isObject(value)) throw new InputError(`${file}, row ${row}: expected a JSON object`);
      yield value;
    }
  } catch (error) {
    if (!(error instanceof JsonArrayError)) throw error;
    throw new InputError(error.element === undefined ? `${file}: ${error.message}` : `${file}, row ${error.element + 1}: not valid JSON (${error.reason})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
