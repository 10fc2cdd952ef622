/**
 * The CSV reader's hot loop: finds the cells of each record in UTF-8 bytes without making a
 * string of every field. Records follow RFC 4180 (cells separated by one delimiter byte,
 * records by LF or CRLF; a cell that starts with a double quote may hold delimiters, line
 * breaks and doubled quotes) and are handed over one at a time as byte ranges of the cells
 * a command asked for. A line without any quote takes a shorter path: the record ends at the
 * next LF (found natively). Written by hand because it is the whole cost of reading a large file: building
 * strings for every field made reading 80 % of a summary's time. Lines without quotes are
 * read faster still by the SIMD scanner (simd-lines.ts); this one reads the header, and the
 * lines with quotes.
 */

import { utf8Text } from '../internal/bytes.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Where a scan is: the cells of the current record and the line count, reused record after record. */
export interface ScanState {
  readonly delimiter: number;
  /**
   * Per column, the slot its cell goes to (−1: not wanted); columns past its end are not
   * wanted. Null: every cell of a record is collected as text in `cells` (header records).
   */
  wanted: Int32Array | null;
  /** The wanted columns in increasing order, and the slot of each (what the SIMD scanner is asked for). */
  wantedColumns: Int32Array;
  wantedSlots: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per slot: 0 a plain cell, 1 a quoted cell, 2 a quoted cell holding doubled quotes. */
  readonly quoting: Uint8Array;
  /** Every cell as text, when `wanted` is null. */
  cells: string[];
  /** Cells in the record just read. */
  cellCount: number;
  /** Some cell past the end of `wanted` in the record just read is not empty. */
  extraText: boolean;
  /** The physical line (from 1) where the next record starts. */
  line: number;
  /** Line of the record just read. */
  recordLine: number;
}

/** A record that cannot be read: the message and the line it starts on. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function newScanState(delimiter: number, slots: number): ScanState {
  return {
    delimiter,
    wanted: null,
    wantedColumns: new Int32Array(0),
    wantedSlots: new Int32Array(0),
    starts: new Int32Array(slots),
    ends: new Int32Array(slots),
    quoting: new Uint8Array(slots),
    cells: [],
    cellCount: 0,
    extraText: false,
    line: 1,
    recordLine: 1,
  };
}

/**
 * Asks for the cells of some columns: `slots[column]` is the slot a column's cell goes to, −1
 * for a column not wanted (its length is the header's: cells past it are noted as extra).
 * Null collects every cell as text.
 */
export function wantColumns(state: ScanState, slots: Int32Array | null): void {
  state.wanted = slots;
  const columns: number[] = [];
  slots?.forEach((slot, column) => {
    if (slot >= 0) columns.push(column);
  });
  state.wantedColumns = Int32Array.from(columns);
  state.wantedSlots = Int32Array.from(columns.map((column) => slots![column]!));
}

/** Keeps the byte range of cell `column` if it is wanted (or its text, collecting every cell). */
function keep(state: ScanState, buffer: Uint8Array, column: number, start: number, end: number, quoting: number): void {
  const wanted = state.wanted;
  if (wanted === null) {
    const text = utf8Text(buffer, start, end);
    state.cells.push(quoting === 2 ? text.replaceAll('""', '"') : text);
    return;
  }
  const slot = column < wanted.length ? wanted[column]! : -2;
  if (slot >= 0) {
    state.starts[slot] = start;
    state.ends[slot] = end;
    state.quoting[slot] = quoting;
  } else if (slot === -2 && end > start) state.extraText = true;
}

/**
 * Reads the complete records of `buffer` from `position`, calling `onRecord` after each (its
 * cells are in `state`); stops early when `onRecord` returns false. Returns where the first
 * record not read starts: the caller keeps those bytes and calls again with more. With
 * `final`, the end of the buffer ends the last record. Blank lines are skipped (and counted).
 * @throws {CsvSyntaxError} for a quote that is never closed, or text after a closing quote.
 */
export function scanRecords(state: ScanState, buffer: Uint8Array, position: number, final: boolean, onRecord: () => boolean | void): number {
  const end = buffer.length;
  let pos = position;
  // The next quote at or after pos (end when there is none): lines before it take the fast path.
  let nextQuote = -1;
  while (pos < end) {
    let lineFeed = buffer.indexOf(LF, pos);
    if (lineFeed === -1) {
      if (!final) return pos;
      lineFeed = end;
    }
    if (nextQuote < pos) {
      nextQuote = buffer.indexOf(QUOTE, pos);
      if (nextQuote === -1) nextQuote = end;
    }
    state.recordLine = state.line;
    state.cellCount = 0;
    state.extraText = false;
    if (state.wanted === null) state.cells = [];
    if (nextQuote >= lineFeed) {
      // The fast path: no quote on this line.
      const lineEnd = lineFeed > pos && buffer[lineFeed - 1] === CR ? lineFeed - 1 : lineFeed;
      state.line++;
      if (lineEnd === pos) {
        pos = lineFeed + 1;
        continue; // a blank line
      }
      splitLine(state, buffer, pos, lineEnd);
      pos = lineFeed + 1;
    } else {
      const next = quotedRecord(state, buffer, pos, final);
      if (next < 0) return pos; // the record goes on past the buffer
      pos = next;
      nextQuote = -1;
      if (state.cellCount === 0) continue; // a blank line
    }
    if (onRecord() === false) return pos;
  }
  return pos;
}

/** A line without quotes, cell by cell (the lines of a large file take the SIMD scanner instead). */
function splitLine(state: ScanState, buffer: Uint8Array, start: number, lineEnd: number): void {
  const delimiter = state.delimiter;
  let column = 0;
  let cellStart = start;
  for (let p = start; p < lineEnd; p++) {
    if (buffer[p] === delimiter) {
      keep(state, buffer, column++, cellStart, p, 0);
      cellStart = p + 1;
    }
  }
  keep(state, buffer, column++, cellStart, lineEnd, 0);
  state.cellCount = column;
}

/**
 * A record with quotes somewhere on its first line, cell by cell. Returns where the next
 * record starts, or −1 when the record does not end inside the buffer (and `final` is not set).
 */
function quotedRecord(state: ScanState, buffer: Uint8Array, start: number, final: boolean): number {
  const end = buffer.length;
  const delimiter = state.delimiter;
  let pos = start;
  let column = 0;
  let lines = 1;
  for (;;) {
    if (pos < end && buffer[pos] === QUOTE) {
      let search = pos + 1;
      let quoting = 1;
      let close: number;
      for (;;) {
        close = buffer.indexOf(QUOTE, search);
        if (close === -1 || (close + 1 >= end && !final)) {
          if (!final) return -1;
          throw new CsvSyntaxError('a quoted cell is never closed (a quote is missing)', state.line);
        }
        if (close + 1 < end && buffer[close + 1] === QUOTE) {
          quoting = 2;
          search = close + 2;
          continue;
        }
        break;
      }
      for (let at = buffer.indexOf(LF, pos + 1); at !== -1 && at < close; at = buffer.indexOf(LF, at + 1)) lines++;
      keep(state, buffer, column++, pos + 1, close, quoting);
      pos = close + 1;
      if (pos >= end) break;
      const after = buffer[pos];
      if (after === delimiter) {
        pos++;
        if (pos >= end && !final) return -1;
        if (pos >= end) {
          keep(state, buffer, column++, pos, pos, 0);
          break;
        }
        continue;
      }
      if (after === LF || (after === CR && pos + 1 < end && buffer[pos + 1] === LF)) {
        pos += after === CR ? 2 : 1;
        break;
      }
      if (after === CR && pos + 1 >= end && !final) return -1;
      throw new CsvSyntaxError(`text after the closing quote of cell ${column} (a quote inside a quoted cell is written twice: "")`, state.line + lines - 1);
    }
    let p = pos;
    while (p < end && buffer[p] !== delimiter && buffer[p] !== LF) p++;
    if (p >= end && !final) return -1;
    // At the end of the record, a CR before the LF (or before the end of the file) is not text.
    const atRecordEnd = p >= end || buffer[p] === LF;
    const cellEnd = atRecordEnd && p > pos && buffer[p - 1] === CR ? p - 1 : p;
    keep(state, buffer, column++, pos, cellEnd, 0);
    if (p < end && buffer[p] === delimiter) {
      pos = p + 1;
      if (pos >= end && !final) return -1;
      if (pos >= end) {
        keep(state, buffer, column++, pos, pos, 0);
        break;
      }
      continue;
    }
    pos = p + 1;
    break;
  }
  state.cellCount = column;
  state.line += lines;
  return Math.min(pos, end);
}
