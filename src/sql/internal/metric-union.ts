import type { MetricColumn } from './metric-columns.js';
import type { SqlDialect } from './quote.js';

/** A key column of a push-down query: the SQL that computes it and its name in the result rows. */
export interface KeyColumn {
  readonly expression: string;
  readonly alias: string;
}

/**
 * The SQL type of a column as text, for the rows to carry beside its values: a driver's
 * value alone does not say whether it came from a number column (see `tableValue`). BigQuery
 * has no such function: its rows carry NULL, and only numbers count as numbers.
 */
export function typeProbe(expression: string, dialect: SqlDialect): string {
  if (dialect === 'postgres') return `CAST(pg_typeof(${expression}) AS TEXT)`;
  if (dialect === 'bigquery') return 'CAST(NULL AS STRING)';
  return `typeof(${expression})`;
}

/** Weights are summed as doubles: the square of an INTEGER weight of 46 341 overflows INTEGER. */
const DOUBLE: Readonly<Record<SqlDialect, string>> = { duckdb: 'DOUBLE', postgres: 'DOUBLE PRECISION', bigquery: 'FLOAT64', spark: 'DOUBLE' };

/**
 * The answers of every metric column as one long relation — key columns, `metric` (the
 * column's index), `score` with its SQL type `score_type`, and `answer_weight` (as a double)
 * with `weight_type` — one SELECT per metric column joined by UNION ALL, which every dialect
 * has. The engine unifies the score types (INTEGER and DOUBLE become DOUBLE, a text column
 * among numbers makes them text); the types reported per column let the rows be read back
 * as the values they were.
 */
export function metricUnion(table: string, keys: readonly KeyColumn[], columns: readonly Pick<MetricColumn, 'quoted'>[], weight: string | undefined, dialect: SqlDialect): string {
  const weightParts = weight === undefined ? [] : [`CAST(${weight} AS ${DOUBLE[dialect]}) AS answer_weight`, `${typeProbe(weight, dialect)} AS weight_type`];
  return columns
    .map((column, m) => {
      const parts = [...keys.map((key) => `${key.expression} AS ${key.alias}`), `${m} AS metric`, `${column.quoted} AS score`, `${typeProbe(column.quoted, dialect)} AS score_type`, ...weightParts];
      return `  SELECT ${parts.join(', ')} FROM ${table}`;
    })
    .join('\n  UNION ALL\n');
}

/** The columns a push-down row is grouped by besides its keys: the metric (of several), the answer and the types. */
export function valueColumns(weighted: boolean, metric = true): string[] {
  return [...(metric ? ['metric'] : []), 'score', 'score_type', ...(weighted ? ['weight_type'] : [])];
}

/** The counts every push-down row carries: answers, and with weights Σw, Σw², weights given and the smallest. */
export function countColumns(weighted: boolean): string[] {
  return [
    'COUNT(*) AS answers',
    ...(weighted ? ['SUM(answer_weight) AS sum_weights', 'SUM(answer_weight * answer_weight) AS sum_squared_weights', 'COUNT(answer_weight) AS weights_given', 'MIN(answer_weight) AS min_weight'] : []),
  ];
}
