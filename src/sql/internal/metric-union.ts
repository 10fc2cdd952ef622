import type { MetricColumn } from './metric-columns.js';

/** A key column of a push-down query: the SQL that computes it and its name in the result rows. */
export interface KeyColumn {
  readonly expression: string;
  readonly alias: string;
}

/**
 * The answers of every metric column as one long relation — key columns, `metric` (the
 * column's index), `score` and `answer_weight` — one SELECT per metric column joined by
 * UNION ALL, which every dialect has. The engine unifies the score types (INTEGER and DOUBLE
 * become DOUBLE); a text column among numbers is the engine's error.
 */
export function metricUnion(table: string, keys: readonly KeyColumn[], columns: readonly MetricColumn[], weight: string | undefined): string {
  return columns
    .map((column, m) => {
      const parts = [...keys.map((key) => `${key.expression} AS ${key.alias}`), `${m} AS metric`, `${column.quoted} AS score`, ...(weight === undefined ? [] : [`${weight} AS answer_weight`])];
      return `  SELECT ${parts.join(', ')} FROM ${table}`;
    })
    .join('\n  UNION ALL\n');
}

/** The counts every push-down row carries: answers, and with weights Σw, Σw², weights given and the smallest. */
export function countColumns(weighted: boolean): string[] {
  return [
    'COUNT(*) AS answers',
    ...(weighted ? ['SUM(answer_weight) AS sum_weights', 'SUM(answer_weight * answer_weight) AS sum_squared_weights', 'COUNT(answer_weight) AS weights_given', 'MIN(answer_weight) AS min_weight'] : []),
  ];
}
