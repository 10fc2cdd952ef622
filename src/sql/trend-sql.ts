import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally, type MutableTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import { adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import { checkTimeZone, dayNumber, periodOrdinal, type Period } from '../common/calendar.js';
import { resolveMetrics } from '../common/metric-specs.js';
import { trendPeriods } from '../common/trend-periods.js';
import { suppressionRule, suppressionShape, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';
import type { Trend } from '../analysis/trend.js';
import type { PValueAdjustment } from '../stats/adjust-p-values.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import { answerCount, countResultRow, metricIndex } from './internal/count-result-row.js';
import { metricColumns, type SqlMetricSpecs } from './internal/metric-columns.js';
import { countColumns, metricUnion, typeProbe, valueColumns } from './internal/metric-union.js';
import { quoteIdentifier, quoteTable, type SqlDialect } from './internal/quote.js';

/** Options of {@link trendSql}. Metrics take one column each, as in `trend`. */
export interface TrendSqlOptions extends SqlMetricSpecs, SuppressionOptions {
  readonly table: string | readonly string[];
  /** The column of when each answer was given; its type is said by `atType`. */
  readonly at: string;
  /**
   * What the `at` column holds (checked against the column's type when the rows are read back):
   * - `'instant'` (default): TIMESTAMPTZ in DuckDB and PostgreSQL, TIMESTAMP in BigQuery and
   *   Spark SQL (instants in UTC); each is dated in `timeZone` by the engine;
   * - `'date'`: DATE, already a local day: taken as it is;
   * - `'local'`: wall-clock TIMESTAMP (TIMESTAMP WITHOUT TIME ZONE, BigQuery DATETIME, Spark
   *   TIMESTAMP_NTZ), local time where it was recorded: its calendar date taken as written.
   * Dates and wall-clock times are never converted between zones, as `trend` takes
   * `'2026-03-01'` and `'2026-03-01T23:30'`: the machine's or session's time zone never enters.
   */
  readonly atType?: AtType | undefined;
  readonly period: Period;
  /** IANA time zone the calendar is read in (default `'UTC'`), checked against `Intl`. */
  readonly timeZone?: string | undefined;
  readonly weight?: string | undefined;
  readonly invalid?: InvalidPolicy | undefined;
  /** Level of the tests of each change (default 0.95). */
  readonly level?: number | undefined;
  /** How each metric's changes are adjusted as one family (default `'holm'`), as in `trend`. */
  readonly adjust?: PValueAdjustment | undefined;
  readonly dialect?: SqlDialect | undefined;
}

/** What a trend's `at` column holds: instants, calendar dates, or wall-clock date-times. */
export type AtType = 'instant' | 'date' | 'local';

/** A query from {@link trendSql}: the SQL to run, and what {@link trendFromRows} needs to read its rows. */
export interface TrendQuery {
  readonly sql: string;
  readonly dialect: SqlDialect;
  readonly period: Period;
  readonly timeZone: string;
  /** What the query takes the `at` column to hold. */
  readonly atType: AtType;
  readonly weighted: boolean;
  readonly invalid: InvalidPolicy;
  readonly level: number;
  readonly adjust: PValueAdjustment;
  readonly metrics: Readonly<Record<string, unknown>>;
  /** How small periods are hidden when the rows are read back (`minN`), as `trend` hides them; null for not at all. */
  readonly suppression: SuppressionRule | null;
}

const trendSqlSchema = z.strictObject({
  table: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  at: z.string(),
  atType: z.optional(z.enum(['instant', 'date', 'local'])),
  period: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  timeZone: z.optional(z.string()),
  weight: z.optional(z.string()),
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  invalid: answerOptionsShape.invalid,
  level: z.optional(levelSchema),
  adjust: adjustSchema,
  dialect: z.optional(z.enum(['duckdb', 'postgres', 'bigquery', 'spark'])),
  ...suppressionShape,
});

/** Units of each dialect's truncation: ISO weeks start on Monday in all four. */
const UNITS: Readonly<Record<SqlDialect, Readonly<Record<Period, string>>>> = {
  duckdb: { day: "'day'", week: "'week'", month: "'month'", quarter: "'quarter'", year: "'year'" },
  postgres: { day: "'day'", week: "'week'", month: "'month'", quarter: "'quarter'", year: "'year'" },
  bigquery: { day: 'DAY', week: 'ISOWEEK', month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' },
  spark: { day: "'DAY'", week: "'WEEK'", month: "'MONTH'", quarter: "'QUARTER'", year: "'YEAR'" },
};

/**
 * The first day of an answer's period, as `YYYY-MM-DD` text: an instant turned into local
 * wall-clock time in the zone, a date or wall-clock time taken as it is; truncated to the
 * period, cast to a date and to text (drivers return dates as objects of their own; text is
 * the same everywhere). Casting a DATE or a TIMESTAMP to TIMESTAMP (DATETIME) involves no zone.
 */
function periodStart(at: string, atType: AtType, period: Period, zone: string, dialect: SqlDialect): string {
  const unit = UNITS[dialect][period];
  if (atType !== 'instant') {
    if (dialect === 'bigquery') return `CAST(DATE(DATETIME_TRUNC(CAST(${at} AS DATETIME), ${unit})) AS STRING)`;
    return `CAST(CAST(date_trunc(${unit}, CAST(${at} AS TIMESTAMP)) AS DATE) AS ${dialect === 'duckdb' ? 'VARCHAR' : dialect === 'postgres' ? 'TEXT' : 'STRING'})`;
  }
  switch (dialect) {
    case 'duckdb':
      return `CAST(CAST(date_trunc(${unit}, timezone(${zone}, ${at})) AS DATE) AS VARCHAR)`;
    case 'postgres':
      return `CAST(CAST(date_trunc(${unit}, ${at} AT TIME ZONE ${zone}) AS DATE) AS TEXT)`;
    case 'bigquery':
      return `CAST(DATE(DATETIME_TRUNC(DATETIME(${at}, ${zone}), ${unit})) AS STRING)`;
    default:
      return `CAST(CAST(date_trunc(${unit}, from_utc_timestamp(${at}, ${zone})) AS DATE) AS STRING)`;
  }
}

/**
 * One query that makes the engine bucket answers into calendar periods in a time zone — days,
 * ISO weeks, months, quarters, years — and count every metric column per period and answer
 * value. {@link trendFromRows} fills in the empty periods and computes the changes and their
 * tests (adjusted per metric as `trend` does): the result is the `Trend` that `trend` gives
 * on the same answers. The time zone is checked against `Intl` before it is written into the
 * SQL as a literal; identifiers are validated and quoted.
 *
 * @throws {CxValidationError} for a bad identifier, an unknown time zone, a metric option
 * `trend` would refuse, or no metric.
 * @example
 * ```ts
 * const query = trendSql({ table: 'answers', at: 'answered_at', period: 'week', timeZone: 'Europe/Helsinki', nps: 'recommend', dialect: 'postgres' });
 * query.sql.includes(`date_trunc('week', "answered_at" AT TIME ZONE 'Europe/Helsinki')`); // true
 * query.timeZone; // 'Europe/Helsinki'
 * ```
 */
export function trendSql(options: TrendSqlOptions): TrendQuery {
  const parsed = parseWith(trendSqlSchema, options);
  const dialect = parsed.dialect ?? 'duckdb';
  const invalid = parsed.invalid ?? 'throw';
  const { columns, summarizeSpecs } = metricColumns(options, dialect);
  // As trend: one column per metric (resolveMetrics refuses a list).
  resolveMetrics(summarizeSpecs, invalid);
  const timeZone = checkTimeZone(parsed.timeZone ?? 'UTC');
  const table = quoteTable(parsed.table, dialect);
  const at = quoteIdentifier(parsed.at, dialect, ['at']);
  const weight = parsed.weight === undefined ? undefined : quoteIdentifier(parsed.weight, dialect, ['weight']);
  // Intl knows the zone, and its names are letters, digits, '/', '_', '+', '-': quoting is a formality.
  const zone = `'${timeZone.replace(/'/g, "''")}'`;
  const atType = parsed.atType ?? 'instant';
  const keys = [
    { expression: periodStart(at, atType, parsed.period, zone, dialect), alias: 'period_start' },
    { expression: typeProbe(at, dialect), alias: 'at_type' },
  ];
  const grouped = ['period_start', 'at_type', ...valueColumns(weight !== undefined)];
  const sql = [
    `SELECT ${[...grouped, ...countColumns(weight !== undefined)].join(', ')}`,
    'FROM (',
    metricUnion(table, keys, columns, weight, dialect),
    ') AS answers_by_metric',
    `GROUP BY ${grouped.join(', ')}`,
    'ORDER BY period_start, metric, score',
  ].join('\n');
  return Object.freeze({
    sql,
    dialect,
    period: parsed.period,
    timeZone,
    atType,
    weighted: weight !== undefined,
    invalid,
    level: parsed.level ?? DEFAULT_LEVEL,
    adjust: parsed.adjust ?? DEFAULT_ADJUSTMENT,
    metrics: Object.freeze(summarizeSpecs),
    suppression: suppressionRule(parsed),
  });
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What a column's SQL type (as the dialect's type function names it) holds, or null for a
 * type no trend reads. Spark's TIMESTAMP holds instants (shown in the session's zone, UTC as
 * the guide asks); DuckDB's and PostgreSQL's TIMESTAMP is wall-clock time.
 */
function atTypeOf(type: string, dialect: SqlDialect): AtType | null {
  const name = type.trim().toLowerCase();
  if (name === 'date') return 'date';
  if (dialect === 'spark') return name === 'timestamp' ? 'instant' : name === 'timestamp_ntz' ? 'local' : null;
  if (name === 'timestamp with time zone' || name === 'timestamptz') return 'instant';
  if (/^timestamp(?:_[smun]s)?$/.test(name) || name === 'timestamp without time zone') return 'local';
  return null;
}

const HOLDS: Readonly<Record<AtType, string>> = { instant: 'instants', date: 'calendar dates', local: 'wall-clock times' };

/**
 * Why the rows' `at` column cannot be read as the query said, or null. A date or a wall-clock
 * time read as an instant (or the other way round) would shift answers across midnight by the
 * session's time zone: never silently. BigQuery rows carry no type; its functions refuse a
 * DATE or DATETIME where a TIMESTAMP is read, and the other way round.
 */
function atTypeProblem(type: unknown, asked: AtType, dialect: SqlDialect): string | null {
  if (typeof type !== 'string') return null;
  const found = atTypeOf(type, dialect);
  if (found === asked) return null;
  if (found === null) return `the at column is ${type.trim()}, not a date or a timestamp: trendSql reads TIMESTAMP WITH TIME ZONE, TIMESTAMP and DATE columns`;
  return `the at column is ${type.trim()}, which holds ${HOLDS[found]}, but the query read it as ${HOLDS[asked]}: make it with atType: '${found}'`;
}


/**
 * Turns the rows of a {@link trendSql} query into the `Trend` that `trend` gives on the same
 * answers: every period from the first to the last, empty ones included, each metric with its
 * change and test, the changes adjusted per metric; answers without an instant are `undated`.
 *
 * @throws {CxValidationError} for a row that is not a row of the query, or invalid answers or
 * weights unless the query was made with `invalid: 'skip'`.
 * @example
 * ```ts
 * const query = trendSql({ table: 'answers', at: 'at', period: 'month', nps: 'q' });
 * const rows = [
 *   { period_start: '2026-01-01', metric: 0, score: 10, answers: 2n },
 *   { period_start: '2026-03-01', metric: 0, score: 3, answers: 1n },
 *   { period_start: null, metric: 0, score: 9, answers: 1n },
 * ];
 * const months = trendFromRows(rows, query);
 * months.periods.map((p) => p.period).join(' '); // '2026-01 2026-02 2026-03'
 * months.undated; // 1
 * ```
 */
export function trendFromRows(rows: readonly unknown[], query: TrendQuery): Trend {
  if (!Array.isArray(rows)) fail('invalid_type', [], `rows must be an array, got ${describeValue(rows)}`);
  const metrics = resolveMetrics(query.metrics, query.invalid);
  const log = newIssueLog();
  const counted = new Map<number, { tallies: MutableTally[]; rows: number }>();
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  rows.forEach((row, r) => {
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    const m = metricIndex(record, r, metrics, log);
    const count = m === null ? null : answerCount(record, r, log);
    if (m === null || count === null) return;
    // The column has one type: said once, at the first row.
    const typeProblem = r === 0 ? atTypeProblem(record['at_type'], query.atType, query.dialect) : null;
    if (typeProblem !== null) return logIssue(log, { code: 'invalid_option', path: ['atType'], message: typeProblem });
    const start = record['period_start'];
    if (start === null || start === undefined) {
      if (m === 0) undated += count;
      return;
    }
    const date = typeof start === 'string' ? DATE_TEXT.exec(start) : null;
    if (date === null) return logIssue(log, { code: 'invalid_tally', path: [r, 'period_start'], message: `expected the first day of a period as YYYY-MM-DD, got ${describeValue(start)}` });
    const ordinal = periodOrdinal(dayNumber(Number(date[1]), Number(date[2]), Number(date[3])), query.period);
    first = Math.min(first, ordinal);
    last = Math.max(last, ordinal);
    let period = counted.get(ordinal);
    if (period === undefined) counted.set(ordinal, (period = { tallies: metrics.map((metric) => emptyTally(metric.rules.scale)), rows: 0 }));
    if (m === 0) period.rows += count;
    countResultRow(period.tallies[m]!, record, r, count, metrics[m]!.rules, query.weighted, log);
  });
  throwIfIssues(log);
  const periods = trendPeriods(metrics, query.period, first, last, counted, query.level, query.adjust, query.suppression);
  return { period: query.period, timeZone: query.timeZone, adjust: query.adjust, periods, undated, invalidDates: 0, rejectedDates: [], ...(query.suppression === null ? {} : { suppression: query.suppression }) };
}
