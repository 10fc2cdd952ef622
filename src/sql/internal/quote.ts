import { describeValue, fail } from '../../core/errors.js';

/** SQL engines whose identifier quoting tallySql knows. */
export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'spark';

/** Longest identifier accepted: PostgreSQL truncates at 63 bytes, BigQuery allows 300 characters. */
const MAX_IDENTIFIER = 300;

/**
 * Quotes one identifier for a dialect, so that any name — spaces, quotes, `x"; DROP TABLE t;
 * --` — is read as a name and never as SQL. Double quotes (doubled inside) for DuckDB and
 * PostgreSQL; backticks for BigQuery (escaped with a backslash) and Spark (doubled). Names
 * with control characters or NUL are refused: no engine needs them and they hide mistakes.
 */
export function quoteIdentifier(name: unknown, dialect: SqlDialect, path: readonly (string | number)[]): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_IDENTIFIER) {
    fail('invalid_option', path, `an identifier must be a non-empty string of at most ${MAX_IDENTIFIER} characters, got ${describeValue(name)}`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) fail('invalid_option', path, `the identifier ${JSON.stringify(name)} contains a control character`);
  if (dialect === 'bigquery') return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
  if (dialect === 'spark') return `\`${name.replace(/`/g, '``')}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table (or view) name, or its parts for a qualified name (`['analytics', 'answers']`), quoted. */
export function quoteTable(table: string | readonly string[], dialect: SqlDialect): string {
  return (typeof table === 'string' ? [table] : table).map((part, i) => quoteIdentifier(part, dialect, typeof table === 'string' ? ['table'] : ['table', i])).join('.');
}

/** A column list option (`by: 'channel'` or `by: ['region', 'channel']`), each name quoted. */
export function quoteColumns(columns: string | readonly string[] | undefined, dialect: SqlDialect, option: string): string[] {
  if (columns === undefined) return [];
  return typeof columns === 'string' ? [quoteIdentifier(columns, dialect, [option])] : columns.map((column, i) => quoteIdentifier(column, dialect, [option, i]));
}
