import { CxInputError } from '../errors.js';
import { dateCell, numberCell, numberDate, numberDateMessage, type NumberRules } from '../cells/cells.js';
import { duplicateName, headerFields, readHeader } from '../platform-headers.js';
import { emptyRow, keyOf, newLineMap, type ColumnPlan, type Row, type Table } from '../table.js';
import { sheetScanner, WallClock, type SheetCell, type SheetContext, type SheetRow } from './sheet-xml.js';
import { dateStyles, sharedStrings, workbookSheets } from './workbook.js';
import { entryText, zipEntries, type ZipEntry } from './zip.js';

/** How a workbook is read. */
export interface XlsxOptions {
  /** The sheet's name; the first sheet when not given. */
  readonly sheet?: string | undefined;
  readonly headerRows?: number | undefined;
  readonly numbers: NumberRules;
  /** Told how far through the sheet's compressed bytes the reading is. */
  readonly onProgress?: ((position: number, size: number) => void) | undefined;
}

/**
 * The first sheet (or the one named) of an .xlsx workbook as a {@link Table}. The workbook is
 * held as it is (compressed); the sheet's XML is inflated and scanned as a stream, a row at a
 * time, so a sheet at Excel's limit of 1 048 576 rows is read in the memory of its compressed
 * bytes, its shared strings and one chunk. No library did this in the browser without loading
 * the whole sheet (read-excel-file and SheetJS build the grid); the scanner is small and reads
 * only what survey exports hold: numbers, shared and inline strings, booleans, dates by the
 * cell's number format (1900 and 1904 date systems). Excel dates (wall-clock, no zone) become
 * ISO text without an offset.
 */
export async function openXlsxTable(bytes: Uint8Array, file: string, options: XlsxOptions): Promise<Table> {
  const entries = zipEntries(bytes, file);
  const { sheets, date1904 } = await workbookSheets(bytes, entries, file);
  const chosen = options.sheet === undefined ? sheets[0] : sheets.find((sheet) => sheet.name === options.sheet);
  if (chosen === undefined) {
    if (options.sheet !== undefined) throw new CxInputError(`${file} has no sheet ${JSON.stringify(options.sheet)}${sheets.length > 0 ? ` (it has ${sheets.map((sheet) => JSON.stringify(sheet.name)).join(', ')})` : ''}`);
    throw new CxInputError(`cannot read ${file} as an .xlsx workbook: it names no sheet`);
  }
  const entry = entries.get(chosen.path);
  if (entry === undefined) throw new CxInputError(`cannot read ${file} as an .xlsx workbook: its sheet ${JSON.stringify(chosen.name)} (${chosen.path}) is missing`);
  const context: SheetContext = { file, strings: await sharedStrings(bytes, entries, file), dateStyles: await dateStyles(bytes, entries, file), date1904 };
  const scanner = sheetScanner(context);
  const source = sheetRows(bytes, entry, context, scanner, options.onProgress);

  const first: SheetRow[] = [];
  const wantedHeader = Math.max(3, options.headerRows ?? 0);
  while (first.length < wantedHeader) {
    const next = await source.next();
    if (next.done) break;
    first.push(next.value);
  }
  if (first.length === 0) throw new CxInputError(`${file}: the sheet is empty`);
  const header = readHeader(
    first.map((row) => row.cells.map(textOf)),
    options.headerRows,
  );
  if (header.rows > first.length) throw new CxInputError(`${file} has ${first.length} rows, fewer than the ${header.rows} header rows asked for`);
  const duplicate = duplicateName(header.names);
  if (duplicate !== null) throw new CxInputError(`${file}: ${duplicate}`);
  const lines = newLineMap();
  const where = (index: number) => `row ${lines.lineOf(index)}`;

  async function* rows(plan: readonly ColumnPlan[]): AsyncGenerator<Row> {
    const at = plan.map((column) => header.names.indexOf(column.name));
    const wanted = new Set(at.filter((column) => column >= 0));
    scanner.wanted = (column) => wanted.has(column);
    let index = 0;
    const read = (sheetRow: SheetRow): Row => {
      lines.note(index, sheetRow.number);
      const row = emptyRow();
      plan.forEach((column, c) => {
        const place = () => `${file}, ${where(index)}, column ${JSON.stringify(column.name)}`;
        row[keyOf(column)] = cellValue(sheetRow.cells[at[c]!] ?? null, column.kind, options.numbers, header.zones?.[at[c]!] ?? null, place);
      });
      index++;
      return row;
    };
    for (const sheetRow of first.slice(header.rows)) yield read(sheetRow);
    first.length = 0;
    for await (const sheetRow of { [Symbol.asyncIterator]: () => source }) yield read(sheetRow);
  }

  return {
    file,
    format: 'xlsx',
    delimiter: null,
    encoding: null,
    ...headerFields(header),
    rows,
    where,
  };
}

/** The sheet's rows as its XML inflates. */
async function* sheetRows(bytes: Uint8Array, entry: ZipEntry, context: SheetContext, scanner: ReturnType<typeof sheetScanner>, onProgress: XlsxOptions['onProgress']): AsyncGenerator<SheetRow> {
  let ready: SheetRow[] = [];
  const keep = (row: SheetRow) => ready.push(row);
  for await (const text of entryText(bytes, entry, context.file, onProgress && ((position) => onProgress(position, entry.compressedSize)))) {
    scanner.push(text, keep);
    if (ready.length > 0) {
      const rows = ready;
      ready = [];
      yield* rows;
    }
  }
  scanner.end(keep);
  yield* ready;
}

function textOf(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof WallClock) return cell.text;
  return String(cell);
}

/**
 * A cell as a command reads it. A date column's cell formatted as a date is a date; a number
 * there (a serial day in a column formatted General) is a date only with `--date-unit`, and
 * refused otherwise: read as milliseconds it put three months into 1970-01.
 */
function cellValue(cell: SheetCell, kind: ColumnPlan['kind'], numbers: NumberRules, zone: string | null, place: () => string): unknown {
  if (cell === null) return null;
  if (cell instanceof WallClock) return cell.text;
  if (kind === 'number') return typeof cell === 'string' ? numberCell(cell, numbers) : cell;
  if (kind === 'date') {
    if (typeof cell === 'string') return dateCell(cell, numbers, zone);
    if (typeof cell === 'number') {
      const date = numbers.dateUnit ? numberDate(cell, numbers.dateUnit) : null;
      if (date === null) throw new CxInputError(`${place()}: ${numberDateMessage(cell, numbers.dateUnit)}`);
      return date;
    }
    return cell;
  }
  // Groups, stages and ids are text as shown: a store 7 typed as a number is "7", as in a CSV export.
  return cell === '' ? null : String(cell);
}
