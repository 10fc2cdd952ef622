import { InputError } from '../errors.js';
import type { Table } from '../input/table.js';

/**
 * The column a command line names: by its name, or by its question text (the header of a
 * Google Forms export is the question; Qualtrics and SurveyMonkey keep the text in a row of
 * its own). JSON rows name their own fields, so a name is taken as given.
 */
export function resolveColumn(table: Table, asked: string): string {
  const { columns, questions } = table;
  if (columns === null || columns.includes(asked)) return asked;
  const byQuestion = questions === null ? [] : columns.filter((_, i) => questions[i] === asked);
  if (byQuestion.length === 1) return byQuestion[0]!;
  if (byQuestion.length > 1) throw new InputError(`${table.file}: the question ${JSON.stringify(asked)} has ${byQuestion.length} columns; name one: ${byQuestion.map((name) => JSON.stringify(name)).join(', ')}`);
  const near = columns.filter((name) => name.trim().toLowerCase() === asked.trim().toLowerCase());
  const hint = near.length === 1 ? `; did you mean ${JSON.stringify(near[0])}?` : '';
  throw new InputError(`${table.file} has no column ${JSON.stringify(asked)}${hint || ` (it has ${listed(columns)})`}`);
}

/** Column names for a message, the first 30 of a wide export. */
function listed(columns: readonly string[]): string {
  const named = columns.filter((name) => name !== '');
  const shown = named.slice(0, 30).join(', ');
  return named.length > 30 ? `${shown} and ${named.length - 30} more` : shown;
}
