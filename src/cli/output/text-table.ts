/**
 * Writers only lay out what a command computed: they never compute a number. Text tables
 * align columns (text left, numbers right), CSV quotes what needs quoting.
 */

/** A cell: text, or a number already formatted (right-aligned). */
export type TextCell = string | { readonly number: string };

const text = (cell: TextCell) => (typeof cell === 'string' ? cell : cell.number);

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

/** Rows as CSV (RFC 4180, LF line ends); null and undefined are empty cells. */
export function csvText(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map((value) => csvCell(value === null || value === undefined ? '' : String(value))).join(',')).join('\n');
}
