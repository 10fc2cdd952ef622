import { CxValidationError } from '../../../../src/core/errors.js';
import type { Table } from '../../../../src/read/table.js';

/**
 * A validation error of the library as one line about the file: the line (or row) as an
 * editor or spreadsheet shows it, the column, what is wrong, and how many more there are.
 * `columnOf` maps a field the library names (a column, or the metric of an accessor) to the
 * column the user knows.
 */
export function describeValidation(error: CxValidationError, table: Table | null): string {
  const [issue] = error.issues;
  if (issue === undefined) return error.message;
  const more = error.issueCount > 1 ? ` (and ${error.issueCount - 1} more)` : '';
  const [first, second] = issue.path;
  if (issue.code === 'unknown_field' && table !== null) {
    return `${table.file} has no column ${quotedField(issue.message)}`;
  }
  if (typeof first === 'number' && table !== null) {
    const column = second === undefined ? '' : `, column ${JSON.stringify(second)}`;
    return `${table.file}, ${table.where(first)}${column}: ${issue.message}${dateHint(issue.code, issue.message)}${more}`;
  }
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}${more}`;
}

/** For a date written day and month as numbers (11/1/2019, 1.11.2019): which flag says how to read it. */
function dateHint(code: string, message: string): string {
  if (code !== 'invalid_date' || !/"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(message)) return '';
  return '; is it month first or day first? say so with --date-format, e.g. "M/D/YYYY H:mm:ss" (a US sheet) or "D.M.YYYY H:mm"';
}

/** The field name out of the library's "no row has the field "x"". */
function quotedField(message: string): string {
  return /"(?:[^"\\]|\\.)*"$/.exec(message)?.[0] ?? message;
}
