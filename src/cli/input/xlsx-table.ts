import { InputError } from '../errors.js';
import { columnLetters, sheetExtent, type SheetExtent } from './xlsx-extent.js';
import { dateCell, numberCell, numberDate, numberDateMessage, wallClockText, type NumberRules } from './cells.js';
import { duplicateName, readHeader } from './platform-headers.js';
import { emptyRow, keyOf, type ColumnPlan, type Row, type Table } from './table.js';

/** How a workbook is read. */
export interface XlsxOptions {
  /** The sheet's name; the first sheet when not given. */
  readonly sheet?: string | undefined;
  readonly headerRows?: number | undefined;
  readonly numbers: NumberRules;
}

type Cell = string | number | boolean | Date | null;

/**
 * The first sheet (or `--sheet NAME`) of an .xlsx workbook as a {@link Table}, read by
 * read-excel-file — kept up to date, the fastest of the readers measured (see the CLI docs),
 * and loaded only when a workbook is read: nothing in the library imports it. It unpacks the
 * workbook and parses the sheet's XML as a stream, but holds the sheet's cells in memory:
 * fine for survey exports (Excel stops at 1 048 576 rows); CSV is the format for larger files.
 * Excel dates (wall-clock, no time zone) become ISO text without an offset.
 */
export async function openXlsxTable(file: string, content: Uint8Array, options: XlsxOptions): Promise<Table> {
  const { readSheet, InvalidSpreadsheetError, SheetNotFoundError } = await import('read-excel-file/node');
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.length);
  await checkExtent(file, bytes, options.sheet);
  let data: Cell[][];
  try {
    data = (await readSheet(bytes, options.sheet ?? 1, { trim: false })) as unknown as Cell[][];
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new InputError(`${file} has no sheet ${JSON.stringify(options.sheet)}`);
    if (error instanceof InvalidSpreadsheetError || (error as Error).name === 'InvalidInputError') throw new InputError(`cannot read ${file} as an .xlsx workbook: ${(error as Error).message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`cannot read ${file}: no such file`);
    throw new InputError(`cannot read ${file} as an .xlsx workbook: ${(error as Error).message}`);
  }
  if (data.length === 0) throw new InputError(`${file}: the sheet is empty`);
  const header = readHeader(data.slice(0, Math.max(3, options.headerRows ?? 0)).map((row) => row.map(textOf)), options.headerRows);
  if (header.rows > data.length) throw new InputError(`${file} has ${data.length} rows, fewer than the ${header.rows} header rows asked for`);
  const duplicate = duplicateName(header.names);
  if (duplicate !== null) throw new InputError(`${file}: ${duplicate}`);
  const where = (index: number) => `row ${header.rows + index + 1}`;

  function* rows(plan: readonly ColumnPlan[]): Generator<Row> {
    const at = plan.map((column) => header.names.indexOf(column.name));
    for (let r = header.rows; r < data.length; r++) {
      const cells = data[r]!;
      data[r] = []; // let each row go once it is read
      const row = emptyRow();
      plan.forEach((column, c) => {
        const place = () => `${file}, ${where(r - header.rows)}, column ${JSON.stringify(column.name)}`;
        row[keyOf(column)] = cellValue(cells[at[c]!] ?? null, column.kind, options.numbers, header.zones?.[at[c]!] ?? null, place);
      });
      yield row;
    }
  }

  return { file, columns: header.names, questions: header.questions, labels: header.labels, notes: header.notes, platform: header.platform, headerRows: header.rows, rows, where };
}

/**
 * Cells the reader may hold as a grid (rows × columns of the sheet's extent): about 20 bytes
 * each once read, and several times that while reading, measured on a 100 000 × 10 sheet.
 */
export const MAX_SHEET_CELLS = 20_000_000;

/** Refuses a sheet whose extent the reader cannot hold, naming how far it reaches. */
async function checkExtent(file: string, bytes: Uint8Array, sheet: string | undefined): Promise<void> {
  let extent: SheetExtent | null;
  try {
    extent = await sheetExtent(bytes, sheet);
  } catch {
    return; // not a workbook the scan understands: the reader says why
  }
  if (extent === null || extent.rows * extent.columns <= MAX_SHEET_CELLS) return;
  const grid = new Intl.NumberFormat('en-US').format(extent.rows * extent.columns);
  throw new InputError(
    `${file}: the sheet reaches row ${extent.rows} and column ${columnLetters(extent.columns)}, a grid of ${grid} cells, more than the ${new Intl.NumberFormat('en-US').format(MAX_SHEET_CELLS)} a workbook is read with; save the sheet as CSV (read as a stream), or clear the cells far from the data`,
  );
}

function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return wallClock(cell);
  return String(cell);
}

/** An Excel date as the wall-clock time it shows, without an offset. */
function wallClock(date: Date): string {
  return wallClockText(date.getTime());
}

/**
 * A cell as a command reads it. A date column's cell formatted as a date is a date; a number
 * there (a serial day in a column formatted General) is a date only with `--date-unit`, and
 * refused otherwise: read as milliseconds it put three months into 1970-01.
 */
function cellValue(cell: Cell, kind: ColumnPlan['kind'], numbers: NumberRules, zone: string | null, place: () => string): unknown {
  if (cell === null) return null;
  if (kind === 'number') return typeof cell === 'string' ? numberCell(cell, numbers) : cell instanceof Date ? wallClock(cell) : cell;
  if (kind === 'date') {
    if (cell instanceof Date) return wallClock(cell);
    if (typeof cell === 'string') return dateCell(cell, numbers, zone);
    if (typeof cell === 'number') {
      const date = numbers.dateUnit ? numberDate(cell, numbers.dateUnit) : null;
      if (date === null) throw new InputError(`${place()}: ${numberDateMessage(cell, numbers.dateUnit)}`);
      return date;
    }
    return cell;
  }
  // Groups, stages and ids are text as shown: a store 7 typed as a number is "7", as in a CSV export.
  if (cell instanceof Date) return wallClock(cell);
  return cell === '' ? null : String(cell);
}
