import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { fieldReader, type Field, type FieldReader } from '../core/internal/field-reader.js';
import { newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { readFailure } from '../core/internal/read-failure.js';
import { parseWith } from '../core/internal/parse-options.js';
import { rowWeight, someRowHas, type RowProblem } from '../core/internal/row-answers.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import { isGroupKey, keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { logIssue } from '../core/internal/issue-log.js';
import { checkRowArray, type RowPass } from '../common/row-pass.js';
import { countRow, groupLayout, groupTallies, mergeGroups, newRowGroup, rejectRow, type RowGroup } from '../core/internal/row-tallies.js';
import { fieldSchema, groupResults, type MetricResultsFor, type ResolvedMetric, type SummaryMetricResults, type SummaryMetricSpecs, resolveMetrics } from '../common/metric-specs.js';
import { suppressSummary } from './internal/suppress-summary.js';
import { calibrateSummary, rowWeightsOf } from './internal/calibrated-summary.js';
import { isCalibratedWeights, type CalibratedWeights } from '../weights/calibrated-weights.js';
import { suppressionRule, suppressionShape, type Suppression, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';

export type { Field, RowAccessor } from '../core/internal/field-reader.js';
export type { AskedMetrics, ItemResult, MetricName, MetricResults, MetricResultsFor, MetricSpec, MetricSpecs, SummaryMetricResults, SummaryMetricSpec, SummaryMetricSpecs } from '../common/metric-specs.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions<Row> extends SummaryMetricSpecs<Row>, SuppressionOptions {
  /** Group by a field (or accessor), or by several: then each key is the tuple of their values. */
  readonly by?: Field<Row> | readonly Field<Row>[] | undefined;
  /**
   * The respondent weight of each row; or the result of `rake` or `calibrate` for these rows,
   * which also gives the standard errors of calibrated weights (see {@link rake}).
   */
  readonly weight?: Field<Row> | CalibratedWeights | undefined;
  /** `'throw'` (default) or `'skip'` invalid answers (counted and listed per group and metric). */
  readonly invalid?: InvalidPolicy | undefined;
}

/** The metrics of one group of rows. */
export interface SummaryGroup extends SummaryMetricResults {
  /** The group's key: the value of `by`, a tuple of values for several fields, null for the total. */
  readonly key: unknown;
  /** Rows in the group, answered or not (0 when the group is hidden, unless `showCounts`). */
  readonly rows: number;
  /** Set when every result of the group is hidden (see `minN`). */
  readonly suppressed?: Suppression;
}

/**
 * A {@link summarize} result: groups in first-seen order, and everything together. With the
 * options' type as `Options`, the metrics asked for are present in every group (not optional).
 */
export interface Summary<Options = unknown> {
  readonly groups: readonly MetricResultsFor<Options, SummaryGroup>[];
  readonly total: MetricResultsFor<Options, SummaryGroup>;
  /** The rule small groups were hidden by, when `minN` was given. */
  readonly suppression?: SuppressionRule;
}

const summarizeSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  by: z.optional(z.union([fieldSchema, z.array(fieldSchema)])),
  weight: z.optional(z.union([fieldSchema, z.custom<CalibratedWeights>(isCalibratedWeights)])),
  invalid: answerOptionsShape.invalid,
  ...suppressionShape,
});

/**
 * NPS, CSAT and CES of the user's own rows, per group and in total, in one pass over the
 * rows. Each metric is read from a field name or an accessor, alone or with the metric's
 * options: `{ nps: 'recommend' }`, `{ csat: { field: (r) => r.q3, scale: { min: 1, max: 7 },
 * satisfied: [6, 7] } }`. A metric may name several fields — `{ csat: ['Seat comfort',
 * 'Cleanliness'] }`, every item of a questionnaire at once — and then each group has a list
 * of results, each with its `field`. Groups come in the order their first row appears. Keys
 * are compared by value: text after Unicode NFC normalisation with surrounding white space
 * trimmed (`'Helsinki '` is `'Helsinki'`; the key reported is the normalised text), a `Date`
 * by its instant, a bigint that fits as the number, a driver's value object (a DuckDB DATE
 * or DECIMAL) by its text; `'__proto__'` is an ordinary group. Each result carries its tally,
 * so summaries of chunks merge with `mergeTallies`. Errors and rejected answers name the row
 * and the field.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), rows that are
 * not objects, invalid weights, a group value that is a plain object, a list or a function,
 * a field no row has, or bad options.
 * @example
 * ```ts
 * const rows = [
 *   { channel: 'web', recommend: 10, satisfied: 5 },
 *   { channel: 'phone', recommend: 3, satisfied: 2 },
 *   { channel: 'web', recommend: 8, satisfied: 4 },
 * ];
 * const summary = summarize(rows, { by: 'channel', nps: 'recommend', csat: 'satisfied' });
 * summary.groups[0]?.key; // 'web'
 * summary.groups[0]?.nps.score; // 50 (one promoter, one passive)
 * summary.total.csat.score; // 66.667 (2 of 3 answered 4 or 5)
 * const items = summarize(rows, { csat: ['satisfied', { field: 'recommend', scale: { min: 0, max: 10 }, satisfied: [9, 10] }] });
 * items.total.csat[1]?.field; // 'recommend'
 * items.total.csat[1]?.score; // 33.333 (one 9–10 of three)
 * ```
 */
export function summarize<Row extends object, Options extends SummarizeOptions<Row>>(rows: readonly Row[], options: Options): Summary<Options> {
  const calibrated = isCalibratedWeights(options.weight) ? options.weight : null;
  if (calibrated === null) {
    const summary = openSummary(options, rows);
    summary.add(rows, 0);
    return summary.finish() as unknown as Summary<Options>;
  }
  checkRowArray(rows);
  const groupOfRow = new Int32Array(rows.length).fill(-1);
  const summary = openSummary({ ...options, weight: rowWeightsOf(calibrated, rows.length) }, rows, groupOfRow);
  summary.add(rows, 0);
  const grouped = options.by !== undefined;
  return calibrateSummary(summary.finish(), rows, summary.metrics, groupOfRow, calibrated, grouped) as unknown as Summary<Options>;
}

/** Rows of a stream are counted in batches of this many. */
const BATCH = 1000;

/**
 * {@link summarize} over a stream of rows — an async iterable such as NDJSON lines parsed one
 * by one or CSV records, or any iterable — holding only the tallies, never the rows. Row
 * indices in errors and `rejected` count from the start of the stream. A field that no row of
 * the whole stream has is an `unknown_field` error (a typo, not a rare answer), raised once
 * the stream has been read: a field first seen after row 1000 is not a typo.
 *
 * @throws {CxValidationError} as {@link summarize} does, after the stream has been read.
 * @example
 * ```ts
 * async function* lines() {
 *   yield { channel: 'web', recommend: 10 };
 *   yield { channel: 'phone', recommend: 2 };
 *   yield { channel: 'web', recommend: 9 };
 * }
 * const summary = await summarizeStream(lines(), { by: 'channel', nps: 'recommend' });
 * summary.groups[0]?.nps?.score; // 100
 * summary.total.rows; // 3
 * ```
 */
export async function summarizeStream<Row extends object, Options extends SummarizeOptions<Row>>(source: AsyncIterable<Row> | Iterable<Row>, options: Options): Promise<Summary<Options>> {
  let summary: ReturnType<typeof openSummary<Row>> | null = null;
  let batch: Row[] = [];
  let offset = 0;
  const flush = () => {
    summary ??= openSummary(options, batch);
    summary.add(batch, offset);
    offset += batch.length;
    batch = [];
  };
  const take = (row: Row) => {
    batch.push(row);
    if (batch.length === BATCH) flush();
  };
  // `for await` costs a microtask per row even over an array; a plain iterable skips it.
  if (isSyncIterable(source)) for (const row of source) take(row);
  else for await (const row of source) take(row);
  flush();
  return summary!.finish() as unknown as Summary<Options>;
}

/**
 * A summary with its small groups hidden by `rule`; without groups the one group is the total.
 * Shared with the summary read back from SQL, so that both hide exactly the same.
 */
export function suppressedSummary(summary: Summary, metrics: readonly ResolvedMetric[], rule: SuppressionRule, grouped: boolean): Summary {
  const { groups, total } = suppressSummary(grouped ? (summary.groups as readonly SummaryGroup[]) : [], summary.total as SummaryGroup, metrics, rule);
  return { groups: (grouped ? groups : [total]) as Summary['groups'], total: total as Summary['total'], suppression: rule };
}

function isSyncIterable<Row>(source: AsyncIterable<Row> | Iterable<Row>): source is Iterable<Row> {
  return !(Symbol.asyncIterator in source) && Symbol.iterator in source;
}

/**
 * The running state of a summary: options checked and fields looked up in `sample` once,
 * then any number of batches of rows, then the results.
 */
function openSummary<Row extends object>(options: SummarizeOptions<Row>, sample: readonly Row[], groupOfRow?: Int32Array) {
  const parsed = parseWith(summarizeSchema, options);
  const metrics = resolveMetrics(options, parsed.invalid, true);
  if (metrics.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces');
  const rule = suppressionRule(parsed);
  const byList = options.by === undefined ? [] : Array.isArray(options.by) ? (options.by as readonly Field<Row>[]) : [options.by as Field<Row>];
  const byReaders = byList.map((by, i) => fieldReader(by, byList.length === 1 ? 'by' : `by[${i}]`));
  checkRowArray(sample);
  if (isCalibratedWeights(options.weight) && groupOfRow === undefined) fail('invalid_option', ['weight'], 'the result of rake or calibrate weighs the rows it was made from: give it to summarize with those rows (a stream cannot be matched to them)');
  const weightField = options.weight as Field<Row> | undefined;
  const pass: RowPass = { weight: weightField === undefined ? undefined : fieldReader(weightField, 'weight'), log: newIssueLog(), skip: parsed.invalid === 'skip' };
  // Each group's index in first-seen order, which is the order of the summary's groups.
  const groupIndex = new Map<RowGroup, number>();
  // Named fields not yet seen in any row; what is left once every row has been read is a typo.
  let rowsSeen = 0;
  let unseen = [
    ...metrics.map((metric) => ({ reader: metric.reader, path: metric.path })),
    { reader: pass.weight, path: ['weight'] },
    ...byReaders.map((reader, i) => ({ reader, path: Array.isArray(options.by) ? ['by', i] : ['by'] })),
  ].filter((entry): entry is { reader: FieldReader & { field: string }; path: (string | number)[] } => entry.reader?.field !== undefined);

  const layout = groupLayout(metrics, pass.weight !== undefined);
  // Keys compared by value (normalised text, dates by instant), in first-seen order.
  const keyed = keyedGroups(() => newRowGroup(layout));
  const { cached } = keyed;
  const everything = newRowGroup(layout); // without by
  const unplaced = newRowGroup(layout); // rows that are not objects: in the total only
  const parts: unknown[] = new Array(byReaders.length);
  const [byReader] = byReaders;
  const byField = byReaders.length === 1 ? byReader!.direct : undefined;
  const everyReader = [...metrics.map((metric) => metric.reader), pass.weight, ...byReaders];

  /** Counts a batch of rows; `offset` is the index of its first row in the whole input. */
  function add(rows: readonly unknown[], offset: number): void {
    rowsSeen += rows.length;
    if (unseen.length > 0) unseen = unseen.filter((entry) => !someRowHas(rows, entry.reader.field));
    let i = 0;
    try {
      for (; i < rows.length; i++) {
        const row: unknown = rows[i];
        const r = offset + i;
        if (typeof row !== 'object' || row === null) {
          rejectRow(unplaced, r, row, rowWeight(row, r, pass.weight) as RowProblem, pass);
          continue;
        }
        const weight = pass.weight === undefined ? 1 : rowWeight(row, r, pass.weight, metrics);
        // A group seen before by its field's value, looked up in place (as fast as a plain Map); else the full way.
        let group = byField !== undefined ? cached.get((row as Record<string, unknown>)[byField]) : undefined;
        if (group === undefined) group = byReaders.length === 0 ? everything : groupOf(row, r);
        if (group === undefined) continue;
        if (groupOfRow !== undefined) {
          let index = groupIndex.get(group);
          if (index === undefined) groupIndex.set(group, (index = groupIndex.size));
          groupOfRow[r] = index;
        }
        if (typeof weight !== 'number') {
          rejectRow(group, r, row, weight, pass);
          continue;
        }
        countRow(layout, group, row, r, weight, pass);
      }
    } catch (error) {
      // A getter or accessor of the caller's threw: name the row and the field.
      throw readFailure(error, rows[i], offset + i, everyReader);
    }
  }

  /**
   * The group of a row, or undefined (an issue logged) when its value cannot be a key. A
   * function of its own keeps the row loop small enough for V8 to inline countRow's reads.
   */
  function groupOf(row: object, r: number): RowGroup | undefined {
    let group: RowGroup | undefined;
    if (byReaders.length === 1) {
      const key = byReader!.read(row, r);
      group = cached.get(key) ?? keyed.one(key);
    } else {
      for (let b = 0; b < byReaders.length; b++) parts[b] = byReaders[b]!.read(row, r);
      group = keyed.tuple(parts);
    }
    if (group === undefined) {
      const b = byReaders.length === 1 ? 0 : parts.findIndex((value) => !isGroupKey(value));
      logIssue(pass.log, { code: 'invalid_type', path: [r, byReaders[b]!.label], message: NOT_A_KEY });
    }
    return group;
  }

  function finish(): Summary {
    const [typo] = unseen;
    // No rows at all is an empty summary, not a typo.
    if (typo !== undefined && rowsSeen > 0) fail('unknown_field', typo.path, `no row has the field ${JSON.stringify(typo.reader.field)}`);
    throwIfIssues(pass.log);
    const groups = byReaders.length === 0 ? [{ key: null, group: everything }] : keyed.entries();
    const result = (key: unknown, group: RowGroup): SummaryGroup => ({ key, rows: group.rows, ...groupResults(metrics, groupTallies(layout, group)) });
    const total = result(null, mergeGroups(layout, [...groups.map(({ group }) => group), unplaced]));
    const summary = { groups: byReaders.length === 0 ? [total] : groups.map(({ key, group }) => result(key, group)), total };
    return rule === null ? summary : suppressedSummary(summary, metrics, rule, byReaders.length > 0);
  }

  return { add, finish, metrics };
}
