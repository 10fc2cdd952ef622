import { CxInputError } from '../errors.js';
import { numberDate } from '../cells/cells.js';

/**
 * The rows of a worksheet's XML as it inflates, a chunk of text at a time: each complete
 * `<row>` is read when its `</row>` has arrived, the rest waits for the next chunk. Only the
 * cells of wanted columns are decoded; a cell far out (XFD1048576) costs nothing, as nothing is
 * allocated by the sheet's extent. This is a scanner for the SpreadsheetML a sheet is written
 * in (rows, cells, values, inline strings), not a general XML parser: elements it does not
 * know are skipped, and namespace prefixes (`<x:row>`) are honoured.
 */

/** A date cell: an Excel date shows a wall-clock time (no zone), kept as ISO text without an offset. */
export class WallClock {
  constructor(readonly text: string) {}
}

/** A cell's value: text, a number, true/false, or a date; null for an empty cell. */
export type SheetCell = string | number | boolean | WallClock | null;

/** A row of the sheet: its number as Excel shows it, and its cells by column (0 = A). */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly SheetCell[];
}

/** What a sheet's cells refer to: the shared strings, which styles show dates, the 1904 date system. */
export interface SheetContext {
  readonly file: string;
  readonly strings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** Rows scanned from chunks of a sheet's text; `wanted(column)` says which cells to decode (all when not set). */
export interface SheetScanner {
  /** Adds text; calls `onRow` for every row now complete. */
  push(text: string, onRow: (row: SheetRow) => void): void;
  /** The end of the sheet: the rows still waiting. */
  end(onRow: (row: SheetRow) => void): void;
  wanted: ((column: number) => boolean) | null;
}

/** Excel's last column, XFD. */
const LAST_COLUMN = 16383;

/** A row's text may not grow past this without its end (a forged sheet; Excel's widest row is far smaller). */
const MAX_ROW_TEXT = 256 * 1024 * 1024;

export function sheetScanner(context: SheetContext): SheetScanner {
  let pending = '';
  let names: Tags | null = null;
  let lastRow = 0;
  const scanner: SheetScanner = {
    wanted: null,
    push(text, onRow) {
      pending += text;
      if (names === null) {
        const data = /<(\w+:)?sheetData[\s>/]/.exec(pending);
        if (data === null) return;
        names = tags(data[1] ?? '');
      }
      const last = pending.lastIndexOf(names.rowClose);
      if (last < 0) {
        if (pending.length > MAX_ROW_TEXT) throw new CxInputError(`${context.file}: a row of the sheet runs past ${MAX_ROW_TEXT / 1024 / 1024} MB of text; save the sheet as CSV`);
        return;
      }
      const cut = last + names.rowClose.length;
      lastRow = scanRows(pending, cut, names, context, scanner.wanted, lastRow, onRow);
      pending = pending.slice(cut);
    },
    end(onRow) {
      if (names !== null) lastRow = scanRows(pending, pending.length, names, context, scanner.wanted, lastRow, onRow);
      pending = '';
    },
  };
  return scanner;
}

interface Tags {
  readonly row: string;
  readonly rowClose: string;
  readonly cell: string;
  readonly cellClose: string;
  readonly value: string;
  readonly valueClose: string;
  readonly text: string;
  readonly textClose: string;
}

function tags(prefix: string): Tags {
  return {
    row: `<${prefix}row`,
    rowClose: `</${prefix}row>`,
    cell: `<${prefix}c`,
    cellClose: `</${prefix}c>`,
    value: `<${prefix}v>`,
    valueClose: `</${prefix}v>`,
    text: `<${prefix}t`,
    textClose: `</${prefix}t>`,
  };
}

/** Whether the character after a tag's name ends the name (`<row ` or `<row>`, not `<rowBreaks>`). */
export function endsName(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x20 || code === 0x3e || code === 0x2f || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Reads the complete rows in `text[0, end)`; returns the last row number seen. */
function scanRows(text: string, end: number, names: Tags, context: SheetContext, wanted: ((column: number) => boolean) | null, lastRow: number, onRow: (row: SheetRow) => void): number {
  let p = 0;
  for (;;) {
    const at = text.indexOf(names.row, p);
    if (at < 0 || at >= end) return lastRow;
    if (!endsName(text, at + names.row.length)) {
      p = at + names.row.length;
      continue;
    }
    const close = text.indexOf('>', at);
    const number = numberAttribute(text.slice(at, close), ' r=') ?? lastRow + 1;
    lastRow = number;
    if (text.charCodeAt(close - 1) === 0x2f) {
      p = close + 1;
      continue; // <row r="7"/>: no cells
    }
    const rowEnd = text.indexOf(names.rowClose, close);
    const cells = scanCells(text, close + 1, rowEnd, names, context, wanted, number);
    if (cells.length > 0) onRow({ number, cells });
    p = rowEnd + names.rowClose.length;
  }
}

function scanCells(text: string, start: number, end: number, names: Tags, context: SheetContext, wanted: ((column: number) => boolean) | null, row: number): SheetCell[] {
  const cells: SheetCell[] = [];
  let column = -1;
  let q = start;
  for (;;) {
    const at = text.indexOf(names.cell, q);
    if (at < 0 || at >= end) return cells;
    if (!endsName(text, at + names.cell.length)) {
      q = at + names.cell.length;
      continue;
    }
    const close = text.indexOf('>', at);
    const tag = text.slice(at, close);
    const reference = attribute(tag, ' r=');
    column = reference === null ? column + 1 : columnOf(reference);
    if (column > LAST_COLUMN) throw new CxInputError(`${context.file}, row ${row}: a cell at ${reference ?? `column ${column + 1}`}, past Excel's last column XFD`);
    if (text.charCodeAt(close - 1) === 0x2f) {
      q = close + 1;
      continue; // <c r="B2" s="3"/>: a formatted empty cell
    }
    const cellEnd = text.indexOf(names.cellClose, close);
    q = cellEnd + names.cellClose.length;
    if (wanted !== null && !wanted(column)) continue;
    const value = cellValue(text, close + 1, cellEnd, tag, names, context, row);
    if (value !== null) {
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
  }
}

function cellValue(text: string, start: number, end: number, tag: string, names: Tags, context: SheetContext, row: number): SheetCell {
  const type = attribute(tag, ' t=');
  if (type === 'inlineStr') return inlineText(text, start, end, names);
  const v = text.indexOf(names.value, start);
  if (v < 0 || v >= end) return null;
  const raw = text.slice(v + names.value.length, text.indexOf(names.valueClose, v));
  switch (type) {
    case 's': {
      const shared = context.strings[Number(raw)];
      if (shared === undefined) throw new CxInputError(`${context.file}, row ${row}: a cell refers to shared string ${raw}, which the workbook does not have`);
      return shared;
    }
    case 'str':
    case 'e':
      return xmlText(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd':
      return new WallClock(raw.replace(/Z$/, ''));
    default: {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) return xmlText(raw);
      const style = numberAttribute(tag, ' s=');
      if (style === null || !context.dateStyles.has(style)) return value;
      const date = numberDate(context.date1904 ? value + 1462 : value, 'excel-days');
      return date === null ? value : new WallClock(date);
    }
  }
}

/** An inline string's text: its `<t>` elements, rich-text runs joined, phonetic guides (`<rPh>`) left out. */
function inlineText(text: string, start: number, end: number, names: Tags): string {
  return runsText(text.slice(start, end), names);
}

/** The text of a string item (`<si>` or `<is>`): every `<t>` outside a phonetic guide, joined and unescaped. */
export function runsText(item: string, names: Pick<Tags, 'text' | 'textClose'>): string {
  const body = item.includes('rPh') ? item.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : item;
  let out = '';
  let q = 0;
  for (;;) {
    const at = body.indexOf(names.text, q);
    if (at < 0) return xmlText(out);
    if (!endsName(body, at + names.text.length)) {
      q = at + names.text.length;
      continue;
    }
    const close = body.indexOf('>', at);
    if (body.charCodeAt(close - 1) === 0x2f) {
      q = close + 1;
      continue;
    }
    const textEnd = body.indexOf(names.textClose, close);
    out += body.slice(close + 1, textEnd);
    q = textEnd + names.textClose.length;
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Excel's escape of a character XML cannot hold (a control character): `_x000D_`. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as written in the XML, its entities and Excel's `_xHHHH_` escapes decoded. */
export function xmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_, entity: string) =>
      entity.startsWith('#x') ? String.fromCodePoint(parseInt(entity.slice(2), 16)) : entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : NAMED[entity]!,
    );
  }
  if (text.includes('_x')) text = text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

/** An attribute's value (`needle` is ` name=`), quoted with " or '; null when absent. */
export function attribute(tag: string, needle: string): string | null {
  let at = tag.indexOf(needle);
  if (at < 0) {
    // Attributes may be separated by a line break or a tab instead of a space.
    const loose = new RegExp(`\\s${needle.slice(1)}`).exec(tag);
    if (loose === null) return null;
    at = loose.index;
  }
  const quote = tag[at + needle.length];
  if (quote !== '"' && quote !== "'") return null;
  const from = at + needle.length + 1;
  const to = tag.indexOf(quote, from);
  return to < 0 ? null : xmlText(tag.slice(from, to));
}

function numberAttribute(tag: string, needle: string): number | null {
  const text = attribute(tag, needle);
  if (text === null) return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : null;
}

/** The column of a cell reference: "A1" is 0, "XFD1048576" 16383. */
export function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column - 1;
}
