import type { NumberRules } from './cells.js';
import { cellReader } from './cell-decoder.js';
import { CsvSyntaxError, newScanState, scanRecords, wantColumns } from './csv-scanner.js';
import type { ByteSource } from './byte-source.js';
import { InputError } from '../errors.js';
import { readHeader, sniffDelimiter } from './platform-headers.js';
import { newLineMap, type ColumnPlan, type Row, type Table } from './table.js';

/** How a CSV file is read. */
export interface CsvOptions {
  /** The delimiter byte; sniffed from the first line when not given. */
  readonly delimiter?: number | undefined;
  /** Header rows above the data; recognised (1, or a platform's) when not given. */
  readonly headerRows?: number | undefined;
  /** Rows with fewer cells than the header read the missing ones as blanks (otherwise an error). */
  readonly ragged: boolean;
  /** Answers written as labels (`--map`). */
  readonly labels: NumberRules['labels'];
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: ((position: number) => void) | undefined;
}

/**
 * A CSV (or TSV) file as a {@link Table}: the header read and recognised up front, the rows
 * streamed a chunk at a time with only the planned columns. A row with more cells than the
 * header, or fewer (unless `ragged`), is an error naming its line: a cell out of place
 * would otherwise move every answer after it into the wrong column.
 */
export function openCsvTable(source: ByteSource, options: CsvOptions): Table {
  const { file } = source;
  // The bytes read and not yet consumed are memory[0, filled); a scan works on that view.
  let memory = Buffer.allocUnsafe(CHUNK);
  let filled = source.read(memory, 0);
  let final = filled === 0;
  /** Drops the bytes before `keep` and reads more after the rest; returns where `keep` is now. */
  const refill = (keep: number): number => {
    memory.copyWithin(0, keep, filled);
    filled -= keep;
    // A record longer than the memory (a huge quoted cell): make room.
    if (filled === memory.length) memory = Buffer.concat([memory, Buffer.allocUnsafe(memory.length)]);
    const count = source.read(memory, filled);
    options.onProgress?.(source.position);
    filled += count;
    if (count === 0) final = true;
    return 0;
  };
  if (final) throw new InputError(`${file} is empty: a CSV file starts with a header line`);
  const delimiter = options.delimiter ?? sniffDelimiter(memory.subarray(0, filled));
  // Excel writes decimal commas where it separates cells with semicolons or tabs.
  const numbers: NumberRules = { decimalComma: delimiter !== 0x2c, labels: options.labels };
  const state = newScanState(delimiter, 0);
  // The first records (three, or as many header rows as asked for), one at a time, noting where each ends.
  const records: string[][] = [];
  const ends: { position: number; line: number }[] = [];
  let position = 0;
  while (records.length < Math.max(3, options.headerRows ?? 0)) {
    const before = records.length;
    const next = guarded(file, () => scanRecords(state, memory.subarray(0, filled), position, final, () => (records.push(state.cells), false)));
    if (records.length > before) {
      position = next;
      ends.push({ position, line: state.line });
    } else if (final) break;
    else refill(0); // keep everything: the positions above point into it
  }
  if (records.length === 0) throw new InputError(`${file} is empty: a CSV file starts with a header line`);
  const header = readHeader(records, options.headerRows);
  if (header.rows > records.length) throw new InputError(`${file} has ${records.length} rows, fewer than the ${header.rows} header rows asked for`);
  checkNames(file, header.names);
  const dataStart = ends[header.rows - 1]!;
  const lines = newLineMap();

  function* rows(plan: readonly ColumnPlan[]): Generator<Row> {
    const slots = new Int32Array(header.names.length).fill(-1);
    plan.forEach((column, slot) => (slots[header.names.indexOf(column.name)] = slot));
    const planned = newScanState(delimiter, plan.length);
    wantColumns(planned, slots);
    planned.line = dataStart.line;
    const readers = plan.map((column) => cellReader(column.kind, numbers));
    const indexOf = plan.map((column) => header.names.indexOf(column.name));
    const makeRow = rowMaker(plan.map((column) => column.name));
    const width = header.names.length;
    const values: unknown[] = new Array(plan.length);
    let index = 0;
    let at = dataStart.position;
    let batch: Row[] = [];
    let view = memory.subarray(0, filled);
    const take = () => {
      if (planned.cellCount !== width && !(options.ragged && planned.cellCount < width && !planned.extraText)) {
        throw new InputError(raggedMessage(file, planned.recordLine, planned.cellCount, width, options.ragged));
      }
      for (let c = 0; c < values.length; c++) values[c] = indexOf[c]! < planned.cellCount ? readers[c]!(planned, view, c) : null;
      lines.note(index++, planned.recordLine);
      batch.push(makeRow(values));
    };
    for (;;) {
      at = guarded(file, () => scanRecords(planned, view, at, final, take));
      yield* batch;
      batch = [];
      if (final) return;
      at = refill(at);
      view = memory.subarray(0, filled);
    }
  }

  return {
    file,
    columns: header.names,
    questions: header.questions,
    platform: header.platform,
    headerRows: header.rows,
    rows,
    where: (index) => `line ${lines.lineOf(index)}`,
  };
}

/** Bytes read at a time. */
const CHUNK = 4 * 1024 * 1024;

/**
 * A function that makes a row object of the planned columns from their values. It is
 * compiled for the column names (an object literal with those keys) because building rows
 * by assigning computed keys one by one was a fifth of reading a large file: a literal gives
 * every row the same shape at once. The command line runs in Node, where compiling code is
 * allowed; the library itself never does this.
 */
function rowMaker(names: readonly string[]): (values: readonly unknown[]) => Row {
  // Computed keys: a literal "__proto__": … would set the prototype, not a field.
  const fields = names.map((name, i) => `[${JSON.stringify(name)}]: values[${i}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as (values: readonly unknown[]) => Row;
}

/** Scanner syntax errors as one-line input errors naming the file and line. */
function guarded<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InputError(`${file}, line ${error.line}: ${error.message}`);
    throw error;
  }
}

function raggedMessage(file: string, line: number, cells: number, width: number, ragged: boolean): string {
  if (cells > width) return `${file}, line ${line}: ${cells} cells, but the header has ${width} columns (is a delimiter inside a cell not quoted?)`;
  return `${file}, line ${line}: ${cells} cells, but the header has ${width} columns${ragged ? '' : ' (--ragged reads missing cells at the end of a row as blanks)'}`;
}

/** A name given to two columns would hide one of them (unnamed columns are fine: nobody can ask for them). */
function checkNames(file: string, names: readonly string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(`${file}: the header names column ${JSON.stringify(name)} twice (columns ${first + 1} and ${i + 1})`);
    seen.set(name, i);
  });
}
