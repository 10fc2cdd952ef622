import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally, type MutableTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { logIssue } from '../core/internal/issue-log.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import { groupResults, resolveMetrics } from '../common/metric-specs.js';
import { suppressedSummary, type Summary, type SummaryGroup } from '../analysis/summarize.js';
import { suppressionRule, suppressionShape, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';
import { answerCount, countResultRow, metricIndex, numeric } from './internal/count-result-row.js';
import { compareKeys } from './internal/group-order.js';
import { metricColumns, type SqlMetricSpecs } from './internal/metric-columns.js';
import { countColumns, metricUnion, valueColumns } from './internal/metric-union.js';
import { quoteColumns, quoteIdentifier, quoteTable, type SqlDialect } from './internal/quote.js';

export type { SqlMetricSpec, SqlMetricSpecs } from './internal/metric-columns.js';

/** Options of {@link summarySql}. */
export interface SummarySqlOptions extends SqlMetricSpecs, SuppressionOptions {
  /** The table (or view): one name, or its parts for a qualified name (`['analytics', 'answers']`). */
  readonly table: string | readonly string[];
  /** Group by a column, or by several (each group's key is then the tuple of their values). */
  readonly by?: string | readonly string[] | undefined;
  /** A column of respondent weights. */
  readonly weight?: string | undefined;
  /** `'throw'` (default) or `'skip'`: what {@link summaryFromRows} does with answers off the scale. */
  readonly invalid?: InvalidPolicy | undefined;
  /** `'duckdb'` (default), `'postgres'`, `'bigquery'` or `'spark'`. */
  readonly dialect?: SqlDialect | undefined;
}

/**
 * A query from {@link summarySql}: the SQL to run, and what {@link summaryFromRows} needs to
 * read its rows. `Options` types the summary: the metrics asked for are present in it.
 */
export interface SummaryQuery<Options extends SummarySqlOptions = SummarySqlOptions> {
  /** The options the query was made from. */
  readonly options: Options;
  readonly sql: string;
  readonly dialect: SqlDialect;
  /** How many group columns the rows carry (`group_1`, `group_2`, …). */
  readonly groups: number;
  readonly weighted: boolean;
  readonly invalid: InvalidPolicy;
  /** The metrics as `summarize` would be given them (`column` read as `field`). */
  readonly metrics: Readonly<Record<string, unknown>>;
  /** How small groups are hidden when the rows are read back (`minN`), as `summarize` hides them; null for not at all. */
  readonly suppression: SuppressionRule | null;
}

const metricSpecSchema = z.optional(z.unknown());
const summarySqlSchema = z.strictObject({
  table: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  by: z.optional(z.union([z.string(), z.array(z.string())])),
  weight: z.optional(z.string()),
  nps: metricSpecSchema,
  csat: metricSpecSchema,
  ces: metricSpecSchema,
  invalid: answerOptionsShape.invalid,
  dialect: z.optional(z.enum(['duckdb', 'postgres', 'bigquery', 'spark'])),
  ...suppressionShape,
});

/**
 * One query that makes the engine count a whole summary next to the data — every metric
 * column, every group and the total — for DuckDB, PostgreSQL, BigQuery or Spark SQL. The
 * metric columns are stacked into one relation (UNION ALL) and counted per group, metric and
 * answer value with GROUPING SETS, so the total comes from the same scan. Every value comes
 * back, NULLs and values off the scale included, and {@link summaryFromRows} judges them as
 * `summarize` does: the result is the `Summary` that `summarize` returns on the same answers.
 * Metric specs name a column and carry the metric's options as in memory: `nps: 'rec'`,
 * `csat: { column: 'sat', notApplicable: [0], satisfied: [4, 5] }`, `ces: ['q1', 'q2']`.
 * Identifiers are validated and quoted for the dialect; no value is spliced into the SQL.
 *
 * @throws {CxValidationError} for a bad identifier, a metric option that `summarize` would
 * refuse, or no metric.
 * @example
 * ```ts
 * const query = summarySql({ table: 'answers', by: 'channel', nps: 'recommend', csat: { column: 'sat', notApplicable: [0] } });
 * query.sql.split('\n')[0]; // 'SELECT group_1, GROUPING(group_1) AS total_row, metric, score, score_type, COUNT(*) AS answers'
 * query.groups; // 1
 * ```
 */
export function summarySql<Options extends SummarySqlOptions>(options: Options): SummaryQuery<Options> {
  const parsed = parseWith(summarySqlSchema, options);
  const dialect = parsed.dialect ?? 'duckdb';
  const invalid = parsed.invalid ?? 'throw';
  const { columns, summarizeSpecs } = metricColumns(options, dialect);
  // The metric options are checked now, as summarize checks them, not when the rows are back.
  resolveMetrics(summarizeSpecs, invalid, true);
  const table = quoteTable(parsed.table, dialect);
  const groups = quoteColumns(parsed.by, dialect, 'by');
  const weight = parsed.weight === undefined ? undefined : quoteIdentifier(parsed.weight, dialect, ['weight']);
  const keys = groups.map((expression, i) => ({ expression, alias: `group_${i + 1}` }));
  const aliases = keys.map((key) => key.alias);
  const values = valueColumns(weight !== undefined);
  const select = [...aliases, ...(keys.length > 0 ? [`GROUPING(group_1) AS total_row`] : []), ...values, ...countColumns(weight !== undefined)];
  const grouping = keys.length > 0 ? `GROUPING SETS ((${[...aliases, ...values].join(', ')}), (${values.join(', ')}))` : values.join(', ');
  const order = keys.length > 0 ? ['total_row', ...aliases, 'metric', 'score'] : ['metric', 'score'];
  const sql = [
    `SELECT ${select.join(', ')}`,
    'FROM (',
    metricUnion(table, keys, columns, weight, dialect),
    ') AS answers_by_metric',
    `GROUP BY ${grouping}`,
    `ORDER BY ${order.join(', ')}`,
  ].join('\n');
  return Object.freeze({ options, sql, dialect, groups: keys.length, weighted: weight !== undefined, invalid, metrics: Object.freeze(summarizeSpecs), suppression: suppressionRule(parsed) });
}

/** A group's tallies under construction: one per metric column, and its rows. */
interface Counting {
  readonly tallies: MutableTally[];
  rows: number;
}

/**
 * Turns the rows of a {@link summarySql} query, as any driver returns them (counts as
 * numbers, bigints or decimal strings), into the `Summary` that `summarize` gives on the same
 * answers: every figure equal, intervals included. Groups come sorted by key — numbers, then
 * text by code units, NULL last; tuples part by part — whatever order the engine used. The
 * `rejected` lists (under `invalid: 'skip'`) name result rows, not source rows.
 *
 * @throws {CxValidationError} for a row that is not a row of the query, or invalid answers or
 * weights unless the query was made with `invalid: 'skip'`.
 * @example
 * ```ts
 * const query = summarySql({ table: 'answers', nps: 'recommend' });
 * // Rows as a driver returns them for query.sql:
 * const rows = [
 *   { metric: 0, score: 10, answers: 30n },
 *   { metric: 0, score: 8, answers: 50n },
 *   { metric: 0, score: 2, answers: 20n },
 *   { metric: 0, score: null, answers: 4n },
 * ];
 * const summary = summaryFromRows(rows, query);
 * summary.total.nps?.score; // 10 ((30 − 20) / 100)
 * summary.total.rows; // 104
 * ```
 */
export function summaryFromRows<Options extends SummarySqlOptions>(rows: readonly unknown[], query: SummaryQuery<Options>): Summary<Options> {
  if (!Array.isArray(rows)) fail('invalid_type', [], `rows must be an array, got ${describeValue(rows)}`);
  const metrics = resolveMetrics(query.metrics, query.invalid, true);
  const log = newIssueLog();
  const start = (): Counting => ({ tallies: metrics.map((metric) => emptyTally(metric.rules.scale)), rows: 0 });
  // Keys compared by value, as summarize compares them: one day's DATE is one group.
  const groups = keyedGroups(start);
  const total = start();
  rows.forEach((row, r) => {
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    const m = metricIndex(record, r, metrics, log);
    const count = m === null ? null : answerCount(record, r, log);
    if (m === null || count === null) return;
    const isTotal = query.groups === 0 || numeric(record['total_row']) === 1;
    const counting = isTotal ? total : groups.tuple(Array.from({ length: query.groups }, (_, g) => record[`group_${g + 1}`]));
    if (counting === undefined) return logIssue(log, { code: 'invalid_tally', path: [r], message: NOT_A_KEY });
    // Every row is counted once per metric column: the first column's counts are the rows.
    if (m === 0) counting.rows += count;
    countResultRow(counting.tallies[m]!, record, r, count, metrics[m]!.rules, query.weighted, log);
  });
  throwIfIssues(log);
  const result = (key: unknown, counting: Counting): SummaryGroup => ({ key, rows: counting.rows, ...groupResults(metrics, counting.tallies) });
  const summaryTotal = result(null, total);
  const keyed = groups
    .entries()
    .map(({ key, group }) => ({ key: query.groups === 1 ? (key as unknown[])[0] : key, group }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const summary: Summary = { groups: query.groups === 0 ? [summaryTotal] : keyed.map(({ key, group }) => result(key, group)), total: summaryTotal };
  // Small groups hidden exactly as summarize hides them.
  return (query.suppression === null ? summary : suppressedSummary(summary, metrics, query.suppression, query.groups > 0)) as unknown as Summary<Options>;
}
