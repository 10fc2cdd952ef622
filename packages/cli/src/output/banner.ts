import type { BannerCell, BannerRow, BannerTable } from '../../../../src/analysis/banner-table.js';
import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import { METRIC_LABELS } from '../shared/metric-flags.js';
import { countCell, fixed, HIDDEN, hiddenNote } from './format-number.js';
import { csvText, textTable, type CsvStyle, type TextCell } from './text-table.js';
import type { Sheet, SheetCell } from './workbook.js';

const DIGITS = { nps: 1, csat: 1, ces: 2, category: 1 } as const;

/** What a row is called: the metric and its field, or "field: category". */
export function bannerRowLabel(row: BannerRow): string {
  return row.metric === 'category' ? `${row.field}: ${keyTexts([row.category])[0]}` : `${METRIC_LABELS[row.metric]}${row.metric === 'csat' ? ' %' : ''} ${row.field}`;
}

/** The columns' headings: "Total", then each group's key as printed (invisible characters shown). */
export function bannerHeadings(table: BannerTable): string[] {
  const keys = keyTexts(table.columns.slice(1).map((column) => column.key), ['Total']);
  return ['Total', ...keys];
}

/** A cell's letters as printed: "BD", or "B AA" once any letter has two characters. */
export function letterText(cell: BannerCell): string {
  return cell.higherThan.join(cell.higherThan.some((letter) => letter.length > 1) ? ' ' : '');
}

/** The conventions under the table: what a letter means, which test, which adjustment, which columns. */
export function bannerNotes(table: BannerTable): string[] {
  const level = `${Math.round(table.level * 1000) / 10} %`;
  const adjust = table.adjust === 'none' ? 'not adjusted (--adjust none): each pair taken alone' : `adjusted over the pairs of each row by ${table.adjust === 'benjamini-hochberg' ? 'Benjamini–Hochberg' : table.adjust === 'holm' ? "Holm's method" : 'Bonferroni'}`;
  return [
    `letters: significantly higher than that column at ${level}; pairs within each banner field${table.test === 'columns-and-total' ? ', and each group against the total' : ''}${table.test === 'none' ? ' (not tested: --test none)' : ''}`,
    'tests: proportions (CSAT, categories) by pooled z as R prop.test(correct = FALSE); NPS by its two-sample z; CES by Welch\'s t on the means',
    `p-values ${adjust}; columns with fewer than ${table.minBase} answers are not tested (--min-base)`,
    ...hiddenNote(table.suppression),
  ];
}

/**
 * A banner table as text: a column per total and group, headed by its letter and name; per
 * row the score with the letters it is higher than, then a line of bases (n).
 */
export function bannerTextTable(table: BannerTable): string {
  const headings = bannerHeadings(table);
  const fields = table.columns.map((column) => column.field ?? '');
  const shown = table.suppression?.showCounts === true;
  const lines: TextCell[][] = [
    ['', ...fields.map((field) => ({ number: field }))],
    ['', ...table.columns.map((column, c) => ({ number: `(${column.letter}) ${headings[c]}` }))],
  ];
  for (const row of table.rows) {
    lines.push([
      bannerRowLabel(row),
      ...row.cells.map((cell) => {
        if (cell.suppressed !== undefined) return { number: HIDDEN };
        const letters = letterText(cell);
        return { number: `${fixed(cell.score, DIGITS[row.metric])}${letters === '' ? '' : ` ${letters}`}` };
      }),
    ]);
    lines.push(['  n', ...row.cells.map((cell) => ({ number: countCell(cell.n, cell.suppressed !== undefined, shown) }))]);
  }
  return `${textTable(lines)}\n\n${bannerNotes(table).join('\n')}`;
}

/** A banner table as CSV, a line per row and column (long form, ready for a pivot), then the tested pairs. */
export function bannerCsv(table: BannerTable, style: CsvStyle): string {
  const headings = bannerHeadings(table);
  const lines = table.rows.flatMap((row) =>
    row.cells.map((cell, c) => [row.metric, row.field, row.metric === 'category' ? keyTexts([row.category])[0]! : null, cell.letter, table.columns[c]!.field, headings[c], cell.score, cell.n, cell.invalid, cell.higherThan.join(' '), cell.tested, cell.suppressed ?? '']),
  );
  return csvText([['metric', 'field', 'category', 'letter', 'banner', 'group', 'score', 'n', 'invalid', 'higher_than', 'tested', 'suppressed'], ...lines], style);
}

/**
 * The banner table as a workbook lays it out: a column per letter headed "(B) Class: Eco";
 * per row its scores (percentages as percentages), the letters, and the bases. A second
 * sheet lists every tested pair with its p-values.
 */
export function bannerSheets(table: BannerTable): Sheet[] {
  const headings = bannerHeadings(table);
  const head = ['', ...table.columns.map((column, c) => `(${column.letter}) ${column.field === null ? '' : `${column.field}: `}${headings[c]}`)];
  const percent = new WeakSet<readonly SheetCell[]>();
  const counts = new WeakSet<readonly SheetCell[]>();
  const rows = table.rows.flatMap((row) => {
    const scores: SheetCell[] = [bannerRowLabel(row), ...row.cells.map((cell) => (cell.suppressed !== undefined ? HIDDEN : cell.score))];
    const letters: SheetCell[] = ['  higher than', ...row.cells.map((cell) => letterText(cell))];
    const bases: SheetCell[] = ['  n', ...row.cells.map((cell) => cell.n)];
    if (row.metric === 'csat' || row.metric === 'category') percent.add(scores);
    counts.add(bases);
    return [scores, letters, bases];
  });
  const pairs: Sheet = {
    name: 'Pairs',
    head: ['row', 'a', 'b', 'difference', 'p_value', 'p_adjusted', 'significant'],
    rows: table.rows.flatMap((row) => row.pairs.map((pair) => [bannerRowLabel(row), pair.a, pair.b, pair.difference, pair.pValue, pair.adjustedPValue, pair.significant])),
  };
  return [{ name: 'Banner', head, rows, format: (_, row) => (percent.has(row) ? 'percent' : counts.has(row) ? 'count' : 'number') }, pairs];
}
