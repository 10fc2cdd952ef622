import type { NumberRules } from '../cells/cells.js';
import { cellReader } from './cell-decoder.js';
import { CsvSyntaxError, newScanState, scanRecords, wantColumns } from './csv-scanner.js';
import { LINES_PER_SCAN, lineScanner } from './simd-lines.js';
import type { ByteSource } from './byte-source.js';
import { CxInputError } from '../errors.js';
import { duplicateName, headerFields, readHeader, sniffDelimiter } from '../platform-headers.js';
import { concatBytes } from '../internal/bytes.js';
import { LONGEST_RECORD, recordBoundText } from '../internal/longest-record.js';
import { emptyRow, keyOf, newLineMap, type ColumnPlan, type Row, type Table } from '../table.js';

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
  /** What a number in a date column counts (`--date-unit`). */
  readonly dateUnit?: NumberRules['dateUnit'];
  /** How dates are written (`--date-format`). */
  readonly dateFormat?: NumberRules['dateFormat'];
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: ((position: number) => void) | undefined;
  /** Bytes read at a time (4 MB; tests make it small to cross chunk boundaries often). */
  readonly chunk?: number | undefined;
  /** The longest record read, in bytes ({@link LONGEST_RECORD}; tests make it small). */
  readonly longestRecord?: number | undefined;
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
  const chunk = options.chunk ?? CHUNK;
  const longest = options.longestRecord ?? LONGEST_RECORD;
  let memory: Uint8Array = new Uint8Array(chunk);
  let filled = source.read(memory, 0);
  let final = filled === 0;
  /** Drops the bytes before `keep` and reads more after the rest; returns where `keep` is now. */
  const refill = (keep: number): number => {
    memory.copyWithin(0, keep, filled);
    filled -= keep;
    // A record longer than the memory (a huge quoted cell): make room, up to a point.
    if (filled === memory.length) {
      if (filled >= longest) throw recordTooLong(file, state.line, longest);
      memory = concatBytes([memory, new Uint8Array(memory.length)]);
    }
    const count = source.read(memory, filled);
    options.onProgress?.(source.position);
    filled += count;
    if (count === 0) final = true;
    return 0;
  };
  if (final) throw new CxInputError(`${file} is empty: a CSV file starts with a header line`);
  const delimiter = options.delimiter ?? sniffDelimiter(memory.subarray(0, filled));
  // Excel writes decimal commas where it separates cells with semicolons or tabs.
  const numbers: NumberRules = { decimalComma: delimiter !== 0x2c, labels: options.labels, dateUnit: options.dateUnit, dateFormat: options.dateFormat };
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
  if (records.length === 0) throw new CxInputError(`${file} is empty: a CSV file starts with a header line`);
  const header = readHeader(records, options.headerRows);
  if (header.rows > records.length) throw new CxInputError(`${file} has ${records.length} rows, fewer than the ${header.rows} header rows asked for`);
  const duplicate = duplicateName(header.names);
  if (duplicate !== null) throw new CxInputError(`${file}: ${duplicate}`);
  const dataStart = ends[header.rows - 1]!;
  const lines = newLineMap();

  function rows(plan: readonly ColumnPlan[]): Iterable<Row> {
    const width = header.names.length;
    const indexOf = plan.map((column) => header.names.indexOf(column.name));
    // Each file column is scanned into one slot, however many planned columns read it (a group that is also a filter).
    const scanned = [...new Set(indexOf)];
    const slotOf = indexOf.map((column) => scanned.indexOf(column));
    const slots = new Int32Array(width).fill(-1);
    scanned.forEach((column, slot) => (slots[column] = slot));
    // The JavaScript scanner reads lines with quotes; the SIMD scanner all others.
    const planned = newScanState(delimiter, scanned.length);
    wantColumns(planned, slots);
    planned.line = dataStart.line;
    const lineScan = lineScanner(Math.max(chunk, filled - dataStart.position), scanned.length);
    lineScan.want(planned.wantedColumns);
    lineScan.bytes.set(memory.subarray(dataStart.position, filled), 0);
    filled -= dataStart.position;
    let at = 0;
    const readers = plan.map((column, c) => cellReader(column.kind, numbers, header.zones?.[indexOf[c]!] ?? null));
    const makeRow = rowMaker(plan.map(keyOf));
    const values: unknown[] = new Array(plan.length);
    let index = 0;
    let batch: Row[] = [];
    let view = lineScan.bytes.subarray(0, filled);
    /** The row of the record whose cells are in `planned`, after checking it has as many cells as the header. */
    const take = () => {
      const cells = planned.cellCount;
      if (cells !== width && !(options.ragged && (cells < width || !planned.extraText))) {
        throw new CxInputError(raggedMessage(file, planned.recordLine, cells, width, options.ragged));
      }
      for (let c = 0; c < values.length; c++) values[c] = indexOf[c]! < cells ? readers[c]!(planned, view, slotOf[c]!) : null;
      lines.note(index++, planned.recordLine);
      batch.push(makeRow(values));
    };
    const { stride } = lineScan;
    const wantedSlots = planned.wantedSlots;
    /** Rows of the lines the SIMD scanner found (a plain function: the generator around it optimises worse). */
    const consume = (count: number) => {
      const records = lineScan.records;
      for (let r = 0; r < count; r++) {
        const record = r * stride;
        const start = records[record]!;
        const end = records[record + 1]!;
        at = records[record + 2]!;
        planned.recordLine = planned.line++;
        if (end === start) continue; // a blank line
        planned.cellCount = records[record + 3]!;
        for (let w = 0; w < wantedSlots.length; w++) {
          const slot = wantedSlots[w]!;
          planned.starts[slot] = records[record + 4 + 2 * w]!;
          planned.ends[slot] = records[record + 5 + 2 * w]!;
          planned.quoting[slot] = 0;
        }
        if (planned.cellCount > width) planned.extraText = hasTextPast(view, start, end, delimiter, width);
        take();
      }
    };
    let ended = false;
    /** Reads on until `batch` has rows; false at the end of the file. */
    const fill = (): boolean => {
      while (batch.length === 0 && !ended) {
        const count = lineScan.scan(at, filled, final, delimiter);
        consume(count);
        if (count === LINES_PER_SCAN) continue;
        // The SIMD scanner stopped before a line with a quote, an unfinished line, or the end.
        const lineFeed = at < filled ? view.indexOf(0x0a, at) : -1;
        if (at < filled && (lineFeed !== -1 || final)) {
          const next = guarded(file, () => scanRecords(planned, view, at, final, () => (take(), false)));
          if (next !== at) {
            at = next;
            continue;
          }
        }
        if (final) {
          ended = true;
          break;
        }
        // Keep the unread bytes, read more after them.
        lineScan.bytes.copyWithin(0, at, filled);
        filled -= at;
        at = 0;
        if (filled === lineScan.bytes.length) {
          if (filled >= longest) throw recordTooLong(file, planned.line, longest);
          lineScan.reserve(filled * 2);
        }
        const read = source.read(lineScan.bytes, filled);
        options.onProgress?.(source.position);
        if (read === 0) final = true;
        filled += read;
        view = lineScan.bytes.subarray(0, filled);
      }
      return batch.length > 0;
    };
    // A plain iterator over the batches rather than a generator: a generator's resumption per
    // row cost a tenth of reading a large file.
    let next = 0;
    const iterator: Iterator<Row> = {
      next() {
        if (next === batch.length) {
          batch = [];
          next = 0;
          if (!fill()) return { value: undefined, done: true };
        }
        return { value: batch[next++]!, done: false };
      },
    };
    return { [Symbol.iterator]: () => iterator };
  }

  return {
    file,
    format: delimiter === 0x09 ? 'tsv' : 'csv',
    delimiter: String.fromCharCode(delimiter),
    encoding: source.encoding,
    ...headerFields(header),
    rows,
    where: (index) => `line ${lines.lineOf(index)}`,
  };
}

/** Bytes read at a time. */
const CHUNK = 4 * 1024 * 1024;

function recordTooLong(file: string, line: number, longest: number): CxInputError {
  return new CxInputError(`${file}, line ${line}: a record longer than ${recordBoundText(longest)} (a quote opened and never closed, or not a CSV file)`);
}

/** Whether a line has text in a cell past the header's `width` (empty extra cells are only separators). */
function hasTextPast(bytes: Uint8Array, start: number, end: number, delimiter: number, width: number): boolean {
  let column = 0;
  for (let p = start; p < end; p++) {
    if (bytes[p] === delimiter) column++;
    else if (column >= width) return true;
  }
  return false;
}

/**
 * A function that makes a row object of the planned columns from their values. Where code may
 * be compiled (Node; a page whose Content-Security-Policy allows it) it is compiled for the
 * column names (an object literal with those keys), because building rows by assigning keys one
 * by one was a fifth of reading a large file: a literal gives every row the same shape at once.
 * Where it may not, the keys are assigned to an object without a prototype.
 */
function rowMaker(names: readonly string[]): (values: readonly unknown[]) => Row {
  // Computed keys: a literal "__proto__": … would set the prototype, not a field.
  const fields = names.map((name, i) => `[${JSON.stringify(name)}]: values[${i}]`).join(', ');
  try {
    return new Function('values', `return { ${fields} };`) as (values: readonly unknown[]) => Row;
  } catch {
    return (values) => {
      const row = emptyRow();
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
      return row;
    };
  }
}

/** Scanner syntax errors as one-line input errors naming the file and line. */
function guarded<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CxInputError(`${file}, line ${error.line}: ${error.message}`);
    throw error;
  }
}

function raggedMessage(file: string, line: number, cells: number, width: number, ragged: boolean): string {
  if (cells > width) return `${file}, line ${line}: ${cells} cells, but the header has ${width} columns (is a delimiter inside a cell not quoted?)`;
  return `${file}, line ${line}: ${cells} cell${cells === 1 ? '' : 's'}, but the header has ${width} columns${ragged ? '' : ' (--ragged reads missing cells at the end of a row as blanks)'}`;
}
