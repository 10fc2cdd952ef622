/**
 * What the example scripts share: the CSV path from the command line, a reader for simple
 * CSV files (a header line, no quoted cells — real CSV with quotes needs a real parser) and
 * number formatting for tables.
 */
import { readFileSync } from 'node:fs';
import { round } from '../../src/index.js';

/** The first command-line argument, or a usage line on stderr and exit code 2. */
export function fileArgument(usage: string): string {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return file;
}

/** The header's column names and each line's cells. */
export function readSimpleCsv(file: string): { columns: string[]; lines: string[][] } {
  const [header = '', ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return { columns: header.split(','), lines: lines.map((line) => line.split(',')) };
}

/** Rounded half away from zero, then shown with exactly `digits` decimals. */
export function fixed(value: number, digits: number): string {
  return round(value, digits).toFixed(digits);
}

/**
 * Rows of a CSV file with quoted cells — commas, doubled quotes and line breaks inside quotes,
 * as Google Forms and spreadsheets write them. Small and strict enough for the examples; the
 * command line has the real reader (encodings, delimiters, survey platforms).
 */
export function readQuotedCsv(file: string): { columns: string[]; lines: string[][] } {
  const text = readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [columns = [], ...lines] = rows;
  return { columns, lines };
}
