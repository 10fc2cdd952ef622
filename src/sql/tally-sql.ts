import * as z from 'zod/mini';
import { parseWith } from '../core/internal/parse-options.js';
import { checkScale, scaleSchema, type Scale } from '../core/scale.js';
import { countColumns, metricUnion, valueColumns } from './internal/metric-union.js';
import { quoteColumns, quoteIdentifier, quoteTable, type SqlDialect } from './internal/quote.js';

export type { SqlDialect } from './internal/quote.js';

/** Options of {@link tallySql}. */
export interface TallySqlOptions {
  /** The table (or view): one name, or its parts for a qualified name (`['analytics', 'answers']`). */
  readonly table: string | readonly string[];
  /** The column holding the answers. */
  readonly score: string;
  /** The answer scale, checked when the rows come back. */
  readonly scale: Scale;
  /** A column of respondent weights. */
  readonly weight?: string | undefined;
  /** Columns to group by: one tally per combination of their values. */
  readonly groupBy?: string | readonly string[] | undefined;
  /** Identifier quoting: `'duckdb'` (default) and `'postgres'` use "double quotes", `'bigquery'` and `'spark'` `backticks`. */
  readonly dialect?: SqlDialect | undefined;
}

/** A query from {@link tallySql}: the SQL to run, and what {@link tallyFromRows} needs to read its rows. */
export interface TallyQuery {
  readonly sql: string;
  readonly scale: Scale;
  /** How many group columns the rows carry (`group_1`, `group_2`, …). */
  readonly groups: number;
  readonly weighted: boolean;
}

const tallySqlSchema = z.strictObject({
  table: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  score: z.string(),
  scale: scaleSchema,
  weight: z.optional(z.string()),
  groupBy: z.optional(z.union([z.string(), z.array(z.string())])),
  dialect: z.optional(z.enum(['duckdb', 'postgres', 'bigquery', 'spark'])),
});

/**
 * Portable SQL that makes any engine — DuckDB, PostgreSQL, BigQuery, Spark SQL — do the
 * counting next to the data: one row per group and score value with the number of answers
 * and, with weights, Σw, Σw², how many weights were given and the smallest (summed as
 * doubles: an INTEGER weight's square overflows), and the columns' SQL types, so that a
 * BOOLEAN or text column is read back as what it is, not as numbers. Every value is
 * returned, NULLs and values off the scale included, so {@link tallyFromRows} applies the
 * same rules as in memory (missing, invalid, notApplicable) and the tallies equal those of
 * `tally` on the same answers. Identifiers are validated and quoted for the dialect; no
 * value from the user is ever spliced into the SQL unquoted.
 *
 * @throws {CxValidationError} for an empty, overlong or control-character identifier, or a bad scale.
 * @example
 * ```ts
 * const query = tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE, groupBy: 'stage' });
 * query.sql.split('\n')[2]; // '  SELECT "stage" AS group_1, 0 AS metric, "recommend" AS score, typeof("recommend") AS score_type FROM "answers"'
 * query.groups; // 1
 * ```
 */
export function tallySql(options: TallySqlOptions): TallyQuery {
  const parsed = parseWith(tallySqlSchema, options);
  const dialect = parsed.dialect ?? 'duckdb';
  const scale = checkScale(parsed.scale);
  const table = quoteTable(parsed.table, dialect);
  const score = quoteIdentifier(parsed.score, dialect, ['score']);
  const groups = quoteColumns(parsed.groupBy, dialect, 'groupBy');
  const weight = parsed.weight === undefined ? undefined : quoteIdentifier(parsed.weight, dialect, ['weight']);
  const keys = groups.map((expression, i) => ({ expression, alias: `group_${i + 1}` }));
  const grouped = [...keys.map((key) => key.alias), ...valueColumns(weight !== undefined, false)];
  const sql = [
    `SELECT ${[...grouped, ...countColumns(weight !== undefined)].join(', ')}`,
    'FROM (',
    metricUnion(table, keys, [{ quoted: score }], weight, dialect),
    ') AS answers',
    `GROUP BY ${grouped.join(', ')}`,
    `ORDER BY ${[...keys.map((key) => key.alias), 'score'].join(', ')}`,
  ].join('\n');
  return Object.freeze({ sql, scale, groups: groups.length, weighted: weight !== undefined });
}
