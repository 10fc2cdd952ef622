import { InputError } from '../errors.js';
import type { Table } from '../../../../src/read/table.js';

/**
 * The column a command line names: by its name, by its question text (the header of a
 * Google Forms export is the question; Qualtrics and SurveyMonkey keep the text in a row of
 * its own), or by its label under a question (a matrix row: "Yoda"). The name returned
 * stands for exactly that column — a text that fits several columns is refused with the
 * candidates listed. JSON rows name their own fields, so a name is taken as given.
 */
export function resolveColumn(table: Table, asked: string): string {
  const { columns, questions, labels } = table;
  if (asked.trim() === '') throw new InputError(`${table.file}: a column name cannot be empty`);
  if (columns === null || columns.includes(asked)) return asked;
  for (const [texts, what] of [[questions, 'question'], [labels, 'label']] as const) {
    const found = texts === null ? [] : columns.filter((_, i) => texts[i] === asked);
    // A column is read by its name: one without a name of its own (or sharing it) would read another column.
    const name = found[0];
    if (found.length === 1 && (name === '' || columns.indexOf(name!) !== columns.lastIndexOf(name!))) {
      throw new InputError(`${table.file}: the ${what} ${JSON.stringify(asked)} is column ${texts!.indexOf(asked) + 1}, which has no name of its own in the header; give the header a name for it`);
    }
    if (found.length === 1) return name!;
    if (found.length > 1) throw new InputError(`${table.file}: the ${what} ${JSON.stringify(asked)} has ${found.length} columns; name one: ${found.map((name) => JSON.stringify(name)).join(', ')}`);
  }
  // The same name typed another way (NFC or NFD, case, surrounding spaces) is a suggestion, never taken silently.
  const loose = (name: string) => name.normalize('NFC').trim().toLowerCase();
  const near = columns.filter((name) => loose(name) === loose(asked));
  const hint = near.length === 1 ? `; did you mean ${JSON.stringify(near[0])}?` : '';
  throw new InputError(`${table.file} has no column ${JSON.stringify(asked)}${hint || ` (it has ${listed(columns)})`}`);
}

/** Column names for a message, the first 30 of a wide export. */
function listed(columns: readonly string[]): string {
  const named = columns.filter((name) => name !== '');
  const shown = named.slice(0, 30).join(', ');
  return named.length > 30 ? `${shown} and ${named.length - 30} more` : shown;
}
