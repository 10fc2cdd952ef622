/**
 * Tables as an Excel workbook (`--format xlsx --out FILE.xlsx`): one sheet per table, numbers
 * stored as numbers with a number format — percentages as percentages, p-values to four
 * places, counts whole — the header row frozen, columns as wide as their contents, and the
 * notes a table prints below it on a last sheet. Written with write-excel-file (small, built
 * on the fflate the command line already has, and the sibling of the read-excel-file that
 * reads workbooks here); it is loaded only for --format xlsx and never enters a library entry.
 */

/** How a number is shown in a workbook. */
export type CellFormat = 'percent' | 'fraction' | 'p' | 'count' | 'number';

/** A cell of a sheet: text, a number (its format from its column), or a number with its own format. */
export type SheetCell = string | number | boolean | null | undefined;

/** A table of a workbook. */
export interface Sheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule). */
  readonly name: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
  /**
   * The format of a number in a column and row; percentages are given on 0–100 as everywhere
   * in cx-metrics and stored as fractions so that Excel shows them as percentages.
   */
  readonly format?: (column: number, row: readonly SheetCell[]) => CellFormat;
}

/** A command's tables and its notes, to write as a workbook. */
export interface Workbook {
  readonly kind: 'workbook';
  readonly sheets: readonly Sheet[];
  readonly notes: readonly string[];
}

/** Percentages to a tenth, a level (0.95) as a whole percentage, p-values to four places, other numbers to two (the stored value keeps every digit). */
const EXCEL_FORMATS: Readonly<Record<CellFormat, string>> = { percent: '0.0%', fraction: '0%', p: '0.0000', count: '0', number: '0.00' };
/** Widest column made, in characters: a long question text wraps in the cell rather than pushing the table off screen. */
const WIDEST = 60;

/** Count columns by name, wherever they appear. */
const COUNTS = /^(n|rows|missing|invalid|blank|visits|scored_visits|mentions|commenters|rank|contacts|count|pairs)$/;
const P_VALUES = /^(p|p_value|p_adjusted|.*_p_value|.*_p_adjusted)$/;

/** A column's default format from its name: a level, p-values, counts, else a plain number. */
export function formatByName(name: string): CellFormat {
  if (name === 'level') return 'fraction';
  if (P_VALUES.test(name)) return 'p';
  if (COUNTS.test(name)) return 'count';
  return 'number';
}

/**
 * The format of each cell by its column's name, with percentages where the row is a CSAT
 * row (its `metric` column says `csat`) for the score-like columns, and always for `always`.
 */
export function metricFormats(head: readonly string[], scoreLike: RegExp, always: RegExp = /^$/): (column: number, row: readonly SheetCell[]) => CellFormat {
  const metric = head.indexOf('metric');
  return (column, row) => {
    const name = head[column]!;
    if (always.test(name)) return 'percent';
    if (scoreLike.test(name) && (row[metric] === 'csat' || row[metric] === 'category')) return 'percent';
    return formatByName(name);
  };
}

/** The workbook of one table and its notes. */
export function workbook(sheets: readonly Sheet[], notes: readonly string[]): Workbook {
  return { kind: 'workbook', sheets, notes };
}

type ExcelCell = { readonly value: string | number | boolean; readonly type?: StringConstructor | NumberConstructor | BooleanConstructor; readonly format?: string; readonly fontWeight?: 'bold'; readonly wrap?: boolean } | null;

/** A sheet's cells for write-excel-file: a bold header, numbers with their formats, text as text (never a formula). */
function excelRows(sheet: Sheet): { rows: ExcelCell[][]; widths: number[] } {
  const widths = sheet.head.map((name) => Math.min(WIDEST, Math.max(8, [...name].length + 2)));
  const header = sheet.head.map((name): ExcelCell => ({ value: name, type: String, fontWeight: 'bold' }));
  const rows = sheet.rows.map((row) =>
    sheet.head.map((_, c): ExcelCell => {
      const value = row[c];
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return null;
      if (typeof value === 'boolean') return { value, type: Boolean };
      if (typeof value === 'string') {
        widths[c] = Math.min(WIDEST, Math.max(widths[c]!, [...value].length + 2));
        return { value, type: String, ...([...value].length > WIDEST ? { wrap: true } : {}) };
      }
      const format = sheet.format?.(c, row) ?? formatByName(sheet.head[c]!);
      const stored = format === 'percent' ? value / 100 : value;
      widths[c] = Math.max(widths[c]!, format === 'number' ? Math.min(20, String(value).length + 2) : 10);
      return { value: stored, type: Number, format: EXCEL_FORMATS[format] };
    }),
  );
  return { rows: [header, ...rows], widths };
}

/** A workbook's bytes, the Notes sheet last. */
export async function workbookBytes(book: Workbook): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const notes: Sheet = { name: 'Notes', head: ['note'], rows: book.notes.map((note) => [note]) };
  const sheets = [...book.sheets, ...(book.notes.length > 0 ? [notes] : [])].map((sheet) => {
    const { rows, widths } = excelRows(sheet);
    return { data: rows, sheet: sheet.name, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 };
  });
  return new Uint8Array(await writeExcelFile(sheets as never).toBuffer());
}
