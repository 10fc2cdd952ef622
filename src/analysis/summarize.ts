import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { checkFieldExists } from '../core/internal/row-answers.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import { keyedGroups } from './internal/keyed-groups.js';
import { startRowPass } from './internal/row-pass.js';
import { addReading, groupResults, groupTallies, newMetricGroup, readRow } from './internal/metric-groups.js';
import { fieldSchema, resolveMetrics, type MetricResults, type MetricSpecs } from './internal/metric-specs.js';

export type { Field, RowAccessor } from '../core/internal/field-reader.js';
export type { MetricName, MetricResults, MetricSpec, MetricSpecs } from './internal/metric-specs.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions<Row> extends MetricSpecs<Row> {
  /** Group by a field (or accessor), or by several: then each key is the tuple of their values. */
  readonly by?: Field<Row> | readonly Field<Row>[] | undefined;
  /** The respondent weight of each row. */
  readonly weight?: Field<Row> | undefined;
  /** `'throw'` (default) or `'skip'` invalid answers (counted and listed per group and metric). */
  readonly invalid?: InvalidPolicy | undefined;
}

/** The metrics of one group of rows. */
export interface SummaryGroup extends MetricResults {
  /** The group's key: the value of `by`, a tuple of values for several fields, null for the total. */
  readonly key: unknown;
  /** Rows in the group, answered or not. */
  readonly rows: number;
}

/** A {@link summarize} result: groups in first-seen order, and everything together. */
export interface Summary {
  readonly groups: readonly SummaryGroup[];
  readonly total: SummaryGroup;
}

const summarizeSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  by: z.optional(z.union([fieldSchema, z.array(fieldSchema)])),
  weight: z.optional(fieldSchema),
  invalid: answerOptionsShape.invalid,
});

/**
 * NPS, CSAT and CES of the user's own rows, per group and in total, in one pass over the
 * rows. Each metric is read from a field name or an accessor, alone or with the metric's
 * options: `{ nps: 'recommend' }`, `{ csat: { field: (r) => r.q3, scale: { min: 1, max: 7 },
 * satisfied: [6, 7] } }`. Groups come in the order their first row appears; keys are `Map`
 * keys, so `'__proto__'` is an ordinary group. Each result carries its tally, so summaries of
 * chunks merge with `mergeTallies`. Errors and rejected answers name the row and the field.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), rows that are
 * not objects, invalid weights, a field no row has, or bad options.
 * @example
 * ```ts
 * const rows = [
 *   { channel: 'web', recommend: 10, satisfied: 5 },
 *   { channel: 'phone', recommend: 3, satisfied: 2 },
 *   { channel: 'web', recommend: 8, satisfied: 4 },
 * ];
 * const summary = summarize(rows, { by: 'channel', nps: 'recommend', csat: 'satisfied' });
 * summary.groups[0]?.key; // 'web'
 * summary.groups[0]?.nps?.score; // 50 (one promoter, one passive)
 * summary.total.csat?.score; // 66.667 (2 of 3 answered 4 or 5)
 * ```
 */
export function summarize<Row extends object>(rows: readonly Row[], options: SummarizeOptions<Row>): Summary {
  const parsed = parseWith(summarizeSchema, options);
  const metrics = resolveMetrics(options, parsed.invalid);
  if (metrics.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces');
  const byList = options.by === undefined ? [] : Array.isArray(options.by) ? (options.by as readonly Field<Row>[]) : [options.by as Field<Row>];
  const byReaders = byList.map((by, i) => fieldReader(by, byList.length === 1 ? 'by' : `by[${i}]`));
  const { weight, log, skip } = startRowPass(rows, metrics, options.weight, parsed.invalid);
  byReaders.forEach((reader, i) => checkFieldExists(rows, reader, Array.isArray(options.by) ? ['by', i] : ['by']));
  const total = newMetricGroup(metrics, log);
  const groups = keyedGroups(() => newMetricGroup(metrics, log));
  const single = byReaders.length === 1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const reading = readRow(metrics, weight, row, r);
    // A row that is not an object has no group; under 'skip' it is counted in the total only.
    if (byReaders.length === 0 || typeof row !== 'object' || row === null) {
      addReading([total], reading, row, r, log, skip);
      continue;
    }
    const parts = byReaders.map((reader) => reader.read(row, r));
    addReading([groups.get(parts, single ? parts[0] : parts), total], reading, row, r, log, skip);
  }
  throwIfIssues(log);
  const result = (key: unknown, group: ReturnType<typeof newMetricGroup>): SummaryGroup => ({ key, rows: group.rows, ...groupResults(metrics, groupTallies(group)) });
  const totalGroup = result(null, total);
  return { groups: byReaders.length === 0 ? [totalGroup] : groups.entries().map(({ key, group }) => result(key, group)), total: totalGroup };
}
