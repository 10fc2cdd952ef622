import { InputError } from '../errors.js';
import { dateCell, numberCell, type NumberRules } from './cells.js';
import { readHeader } from './platform-headers.js';
import type { ColumnPlan, Row, Table } from './table.js';

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
export async function openXlsxTable(file: string, options: XlsxOptions): Promise<Table> {
  const { readSheet, InvalidSpreadsheetError, SheetNotFoundError } = await import('read-excel-file/node');
  let data: Cell[][];
  try {
    data = (await readSheet(file, options.sheet ?? 1, { trim: false })) as unknown as Cell[][];
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new InputError(`${file} has no sheet ${JSON.stringify(options.sheet)}`);
    if (error instanceof InvalidSpreadsheetError || (error as Error).name === 'InvalidInputError') throw new InputError(`cannot read ${file} as an .xlsx workbook: ${(error as Error).message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`cannot read ${file}: no such file`);
    throw new InputError(`cannot read ${file} as an .xlsx workbook: ${(error as Error).message}`);
  }
  if (data.length === 0) throw new InputError(`${file}: the sheet is empty`);
  const header = readHeader(data.slice(0, Math.max(3, options.headerRows ?? 0)).map((row) => row.map(textOf)), options.headerRows);
  if (header.rows > data.length) throw new InputError(`${file} has ${data.length} rows, fewer than the ${header.rows} header rows asked for`);
  const where = (index: number) => `row ${header.rows + index + 1}`;

  function* rows(plan: readonly ColumnPlan[]): Generator<Row> {
    const at = plan.map((column) => header.names.indexOf(column.name));
    for (let r = header.rows; r < data.length; r++) {
      const cells = data[r]!;
      data[r] = []; // let each row go once it is read
      const row: Row = {};
      plan.forEach((column, c) => {
        row[column.name] = cellValue(cells[at[c]!] ?? null, column.kind, options.numbers);
      });
      yield row;
    }
  }

  return { file, columns: header.names, questions: header.questions, platform: header.platform, headerRows: header.rows, rows, where };
}

function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return wallClock(cell);
  return String(cell);
}

/** An Excel date as the wall-clock time it shows, without an offset. */
function wallClock(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellValue(cell: Cell, kind: ColumnPlan['kind'], numbers: NumberRules): unknown {
  if (cell === null) return null;
  if (kind === 'number') return typeof cell === 'string' ? numberCell(cell, numbers) : cell instanceof Date ? wallClock(cell) : cell;
  if (kind === 'date') return cell instanceof Date ? wallClock(cell) : typeof cell === 'string' ? dateCell(cell) : cell;
  // Groups, stages and ids are text as shown: a store 7 typed as a number is "7", as in a CSV export.
  if (cell instanceof Date) return wallClock(cell);
  return cell === '' ? null : String(cell);
}
