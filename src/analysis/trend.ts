import * as z from 'zod/mini';
import { readFailure } from '../core/internal/read-failure.js';
import { MAX_REPORTED_ISSUES, describeValue, fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { logIssue, throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { checkFieldExists, rowWeight, type RowProblem } from '../core/internal/row-answers.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy, RejectedAnswer } from '../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import type { PValueAdjustment } from '../stats/adjust-p-values.js';
import { adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import { trendPeriods, type TrendPeriod } from '../common/trend-periods.js';
import { checkTimeZone, localDayIn, periodOrdinal, readDate, type Period } from '../common/calendar.js';
import { countRow, groupLayout, groupTallies, newRowGroup, rejectRow, type RowGroup } from '../core/internal/row-tallies.js';
import { startRowPass } from '../common/row-pass.js';
import { suppressionRule, suppressionShape, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';
import { fieldSchema, type MetricSpecs, resolveMetrics } from '../common/metric-specs.js';

export type { Period } from '../common/calendar.js';
export type { TrendPeriod } from '../common/trend-periods.js';

/** Options of {@link trend}. */
export interface TrendOptions<Row> extends MetricSpecs<Row>, SuppressionOptions {
  /** When each answer was given: a `Date`, epoch milliseconds or an ISO 8601 string. */
  readonly at: Field<Row>;
  readonly period: Period;
  /** IANA time zone the calendar is read in (default `'UTC'`), e.g. `'Europe/Berlin'`. */
  readonly timeZone?: string | undefined;
  readonly weight?: Field<Row> | undefined;
  readonly invalid?: InvalidPolicy | undefined;
  /** Level of the tests of each change (default 0.95). */
  readonly level?: number | undefined;
  /**
   * How the p-values of each metric's changes are adjusted as one family (default `'holm'`;
   * `'none'` tests each change alone, the behaviour before this option). See {@link adjustPValues}.
   */
  readonly adjust?: PValueAdjustment | undefined;
}

/** The result of {@link trend}: metrics per calendar period. */
export interface Trend {
  readonly period: Period;
  readonly timeZone: string;
  /** How each metric's changes were adjusted as one family of tests. */
  readonly adjust: PValueAdjustment;
  /** Every period from the first answer's to the last's, empty ones included (n = 0, score null). */
  readonly periods: readonly TrendPeriod[];
  /** Rows without a date (`at` null or undefined): counted, in no period. */
  readonly undated: number;
  /** Rows whose date is invalid, left out under `invalid: 'skip'` (otherwise the call throws). */
  readonly invalidDates: number;
  /** The first 100 of them: row index, value and why. */
  readonly rejectedDates: readonly RejectedAnswer[];
  /** The rule small periods were hidden by, when `minN` was given. */
  readonly suppression?: SuppressionRule;
}

const trendOptionsSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  at: fieldSchema,
  period: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  timeZone: z.optional(z.string()),
  weight: z.optional(fieldSchema),
  invalid: answerOptionsShape.invalid,
  level: z.optional(levelSchema),
  adjust: adjustSchema,
  ...suppressionShape,
});

/**
 * Metrics per calendar period — day, ISO week (`2026-W01`, weeks from Monday, the year of
 * their Thursday), month, quarter or year — in UTC unless `timeZone` is given, over every
 * period from the first answer to the last (empty periods have n = 0 and a null score), each
 * with its change against the previous period and that change's test (z for NPS, pooled z
 * for CSAT, Welch t for the CES mean). The changes of one metric are one family of tests:
 * their p-values are adjusted together by Holm's method (option `adjust`), and `significant`
 * follows the adjusted p-value. One pass over the rows.
 *
 * Dates are `Date`s, epoch milliseconds or ISO 8601 strings. `'2026-01-05'` and a date-time
 * without offset are taken as written (the wall-clock date where the answer was given); a
 * date-time with `Z` or an offset, a `Date` or milliseconds is an instant, dated in `timeZone`.
 *
 * @throws {CxValidationError} for invalid dates or answers (naming row and field), a field no
 * row has, an unknown time zone or bad options.
 * @example
 * ```ts
 * const rows = [
 *   { at: '2026-01-02', q: 10 },
 *   { at: '2026-01-20', q: 6 },
 *   { at: '2026-03-03', q: 9 },
 * ];
 * const months = trend(rows, { at: 'at', period: 'month', nps: 'q' });
 * months.periods.map((p) => p.period).join(' '); // '2026-01 2026-02 2026-03'
 * months.periods[1]?.nps?.score; // null (nobody answered in February)
 * months.periods[0]?.nps?.score; // 0
 * ```
 */
export function trend<Row extends object>(rows: readonly Row[], options: TrendOptions<Row>): Trend {
  const parsed = parseWith(trendOptionsSchema, options);
  const metrics = resolveMetrics(options, parsed.invalid);
  if (metrics.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces');
  const timeZone = checkTimeZone(parsed.timeZone ?? 'UTC');
  const level = parsed.level ?? DEFAULT_LEVEL;
  const rule = suppressionRule(parsed);
  const at = fieldReader(options.at, 'at');
  const pass = startRowPass(rows, metrics, options.weight, parsed.invalid);
  const { log, skip } = pass;
  checkFieldExists(rows, at, ['at']);
  const layout = groupLayout(metrics, pass.weight !== undefined);
  const nowhere = newRowGroup(layout);
  const toLocalDay = localDayIn(timeZone);
  const buckets = new Map<number, RowGroup>();
  let undated = 0;
  let invalidDates = 0;
  const rejectedDates: RejectedAnswer[] = [];
  let first = Infinity;
  let last = -Infinity;
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row: unknown = rows[r];
      const weight = rowWeight(row, r, pass.weight, metrics);
      if (typeof row !== 'object' || row === null) {
        // No date to read: an error, or under 'skip' an undated row.
        if (skip) undated++;
        else rejectRow(nowhere, r, row, weight as RowProblem, pass);
        continue;
      }
      const value = at.read(row, r);
      if (value === null || value === undefined) {
        undated++;
        continue;
      }
      const day = readDate(value, toLocalDay);
      if (typeof day !== 'number') {
        // A bad date is a bad row: its answers cannot be placed in any period.
        if (!skip) logIssue(log, { code: day.code, path: [r, at.label], message: day.message });
        else if (rejectedDates.push({ index: r, value: describeValue(value), code: day.code, reason: day.message }) > MAX_REPORTED_ISSUES) rejectedDates.pop();
        invalidDates++;
        continue;
      }
      const ordinal = periodOrdinal(day, parsed.period);
      first = Math.min(first, ordinal);
      last = Math.max(last, ordinal);
      let bucket = buckets.get(ordinal);
      if (bucket === undefined) {
        bucket = newRowGroup(layout);
        buckets.set(ordinal, bucket);
      }
      if (typeof weight !== 'number') {
        rejectRow(bucket, r, row, weight, pass);
        continue;
      }
      countRow(layout, bucket, row, r, weight, pass);
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [...metrics.map((metric) => metric.reader), pass.weight, at]);
  }
  throwIfIssues(log);
  const counted = new Map([...buckets].map(([ordinal, group]) => [ordinal, { rows: group.rows, tallies: groupTallies(layout, group) }]));
  const adjust = parsed.adjust ?? DEFAULT_ADJUSTMENT;
  const periods = trendPeriods(metrics, parsed.period, first, last, counted, level, adjust, rule);
  return { period: parsed.period, timeZone, adjust, periods, undated, invalidDates, rejectedDates, ...(rule === null ? {} : { suppression: rule }) };
}
