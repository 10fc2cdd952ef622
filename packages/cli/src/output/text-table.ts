import { terminalText } from './terminal-text.js';

/**
 * Writers only lay out what a command computed: they never compute a number. Text tables
 * align columns (text left, numbers right) and show control characters escaped; CSV quotes
 * what needs quoting and neutralises what a spreadsheet would run as a formula.
 */

/** A cell: text, or a number already formatted (right-aligned). */
export type TextCell = string | { readonly number: string };

const text = (cell: TextCell) => terminalText(typeof cell === 'string' ? cell : cell.number);

/** Rows of cells as aligned text; the first row is the header. */
export function textTable(rows: readonly (readonly TextCell[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, [...text(cell)].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => {
          const value = text(cell);
          const pad = ' '.repeat(widths[c]! - [...value].length);
          return typeof cell === 'string' ? value + pad : pad + value;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** How CSV is written: `raw` keeps text that a spreadsheet would run as a formula as it is. */
export interface CsvStyle {
  readonly raw: boolean;
}

/** Text a spreadsheet reads as a formula (OWASP's list: = + - @ tab CR), unless it is a plain number such as -5. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell made safe to open in Excel, LibreOffice or Google Sheets: one that would start
 * a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) gets a leading apostrophe, as OWASP
 * advises for CSV injection; numbers, and text that is a plain number, stay as they are.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A sheet (head and rows) as CSV: the CSV of every command is the sheet its workbook holds. */
export function sheetCsv(sheet: { readonly head: readonly string[]; readonly rows: readonly (readonly (string | number | boolean | null | undefined)[])[] }, style: CsvStyle): string {
  return csvText([sheet.head, ...sheet.rows], style);
}

/** Rows as CSV (RFC 4180, LF line ends); null and undefined are empty cells; text that starts a formula is neutralised unless `raw`. */
export function csvText(rows: readonly (readonly (string | number | boolean | null | undefined)[])[], style: CsvStyle = { raw: false }): string {
  return rows
    .map((row) =>
      row
        .map((value) => {
          if (value === null || value === undefined) return '';
          const cell = String(value);
          return csvCell(typeof value === 'string' && !style.raw ? neutraliseFormula(cell) : cell);
        })
        .join(','),
    )
    .join('\n');
}
