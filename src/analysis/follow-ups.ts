import * as z from 'zod/mini';
import { accessorError, readFailure } from '../core/internal/read-failure.js';
import { MAX_REPORTED_ISSUES, describeValue, fail, withPathPrefix } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { checkFieldExists, judgeRowAnswer } from '../core/internal/row-answers.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy, RejectedAnswer } from '../core/tally-types.js';
import { cesFromTally } from '../metrics/ces.js';
import { npsFromTally } from '../metrics/nps.js';
import { pointSet } from '../metrics/internal/points.js';
import { checkRowArray } from '../common/row-pass.js';
import { fieldSchema, resolveMetrics, type MetricName, type MetricSpecs, type ResolvedMetric } from '../common/metric-specs.js';

/** Options of {@link followUps}. */
export interface FollowUpOptions<Row> extends MetricSpecs<Row> {
  /** The respondent's id: unique per row. */
  readonly id: Field<Row>;
  /**
   * Which answers call for a contact, per metric (default: NPS detractors, CSAT the bottom two
   * points of its scale, CES the difficult points), and any rules of your own.
   */
  readonly rules?:
    | {
        readonly nps?: readonly number[] | undefined;
        readonly csat?: readonly number[] | undefined;
        readonly ces?: readonly number[] | undefined;
        /** Rules of your own: `reason` is reported for every row where `when` returns true. */
        readonly custom?:
          | readonly {
              readonly reason: string;
              /** True when the row should be contacted for this reason. */
              readonly when: (row: Row, index: number) => boolean;
            }[]
          | undefined;
      }
    | undefined;
  readonly invalid?: InvalidPolicy | undefined;
}

/** A respondent to contact, with why. */
export interface FollowUp {
  readonly id: unknown;
  /** Index of the row in the input. */
  readonly row: number;
  /** One reason per rule that fired, e.g. `'NPS 3: detractor (0–6)'`. */
  readonly reasons: readonly string[];
  /** The answers of the metrics asked for, as given. */
  readonly answers: { readonly [metric in MetricName]?: unknown };
}

/** The result of {@link followUps}. */
export interface FollowUpList {
  /** In row order. */
  readonly contacts: readonly FollowUp[];
  /** Rows looked at. */
  readonly rows: number;
  /**
   * Answers left out as invalid under `invalid: 'skip'`. A row that is not an object counts
   * once per metric asked for (once when only custom rules are given).
   */
  readonly invalid: number;
  readonly rejected: readonly RejectedAnswer[];
}

const followUpOptionsSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  id: fieldSchema,
  rules: z.optional(
    z.strictObject({
      nps: z.optional(z.array(z.number())),
      csat: z.optional(z.array(z.number())),
      ces: z.optional(z.array(z.number())),
      custom: z.optional(z.array(z.strictObject({ reason: z.string(), when: z.custom<(row: never, index: number) => boolean>((value) => typeof value === 'function') }))),
    }),
  ),
  invalid: answerOptionsShape.invalid,
});

const NAMES: Record<MetricName, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** The trigger points of a metric and how to say why: given, or the metric's own "bad" band. */
function trigger(metric: ResolvedMetric, points: readonly number[] | undefined): { member: boolean[]; why: string } {
  const { scale } = metric.rules;
  const range = (list: readonly number[]) => (list.length > 1 && list.every((p, i) => i === 0 || p === list[i - 1]! + 1) ? `${list[0]}–${list.at(-1)}` : list.join(', '));
  if (points !== undefined) {
    const sorted = [...points].sort((a, b) => a - b);
    return { member: withPathPrefix(['rules'], () => pointSet(points, scale, metric.name)), why: `flagged (${range(sorted)})` };
  }
  const empty = emptyTally(scale);
  if (metric.name === 'nps') {
    const { bands } = npsFromTally(empty, metric.resultOptions);
    const list = Array.from({ length: bands.detractorMax - scale.min + 1 }, (_, i) => scale.min + i);
    return { member: pointSet(list, scale, 'nps'), why: `detractor (${range(list)})` };
  }
  if (metric.name === 'csat') {
    // The mirror of the default satisfied top two: the bottom two points of the declared scale.
    const list = [scale.min, scale.min + 1];
    return { member: pointSet(list, scale, 'csat'), why: `dissatisfied (${range(list)})` };
  }
  const list = cesFromTally(empty, metric.resultOptions).difficultPoints;
  return { member: pointSet(list, scale, 'ces'), why: `difficult (${range(list)})` };
}

/**
 * The respondents to contact now, each with the reasons: by default NPS detractors (0–6),
 * CSAT answers in the bottom two points (1–2 of 1–5) and CES answers in the difficult
 * points (1–3 of 1–7), or the points given in `rules`, plus rules of your own. Ids must be
 * unique; answers are validated as for every metric, errors naming row and field.
 *
 * @throws {CxValidationError} for a duplicate or missing id (naming both rows), invalid
 * answers and rows that are not objects (unless `invalid: 'skip'`), a field no row has, or
 * bad options.
 * @example
 * ```ts
 * const rows = [
 *   { id: 'a-1', nps: 10, csat: 5 },
 *   { id: 'a-2', nps: 4, csat: 2 },
 *   { id: 'a-3', nps: 8, csat: 1 },
 * ];
 * const list = followUps(rows, { id: 'id', nps: 'nps', csat: 'csat' });
 * list.contacts.map((contact) => contact.id).join(' '); // 'a-2 a-3'
 * list.contacts[0]?.reasons.join('; '); // 'NPS 4: detractor (0–6); CSAT 2: dissatisfied (1–2)'
 * ```
 */
export function followUps<Row extends object>(rows: readonly Row[], options: FollowUpOptions<Row>): FollowUpList {
  const parsed = parseWith(followUpOptionsSchema, options);
  checkRowArray(rows);
  const metrics = resolveMetrics(options, parsed.invalid);
  const custom = options.rules?.custom ?? [];
  if (metrics.length === 0 && custom.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces, or give rules.custom');
  const triggers = metrics.map((metric) => trigger(metric, options.rules?.[metric.name]));
  const id = fieldReader(options.id, 'id');
  checkFieldExists(rows, id, ['id']);
  metrics.forEach((metric) => checkFieldExists(rows, metric.reader, [metric.name]));

  const log = newIssueLog();
  const skip = parsed.invalid === 'skip';
  const seen = new Map<unknown, number>();
  const contacts: FollowUp[] = [];
  const rejected: RejectedAnswer[] = [];
  let invalid = 0;
  const leaveOut = (index: number, value: unknown, code: RejectedAnswer['code'], reason: string) => {
    invalid++;
    if (rejected.length < MAX_REPORTED_ISSUES) rejected.push({ index, value: describeValue(value), code, reason });
  };
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row = rows[r]!;
      if (typeof row !== 'object' || row === null) {
        const message = `a row must be an object, got ${describeValue(row)}`;
        if (!skip) logIssue(log, { code: 'invalid_type', path: [r], message });
        // As in summarize: every answer the row should have held is left out, so none is lost.
        else for (let m = 0; m < Math.max(metrics.length, 1); m++) leaveOut(r, row, 'invalid_type', message);
        continue;
      }
      const key = id.read(row, r);
      if (!(typeof key === 'string' ? key !== '' : Number.isFinite(key))) {
        logIssue(log, { code: 'invalid_type', path: [r, id.label], message: `an id must be a non-empty string or a finite number, got ${describeValue(key)}` });
      } else if (seen.has(key)) {
        logIssue(log, { code: 'duplicate_id', path: [r, id.label], message: `the id ${describeValue(key)} is also the id of row ${seen.get(key)}` });
      } else seen.set(key, r);
      const reasons: string[] = [];
      const answers: Partial<Record<MetricName, unknown>> = {};
      metrics.forEach((metric, m) => {
        const value = metric.reader.read(row, r);
        answers[metric.name] = value;
        const answer = judgeRowAnswer(metric.rules, value);
        if (typeof answer === 'number') {
          if (triggers[m]!.member[answer]) reasons.push(`${NAMES[metric.name]} ${String(value)}: ${triggers[m]!.why}`);
        } else if (answer !== 'missing') {
          if (!skip) logIssue(log, { code: answer.code, path: [r, metric.reader.label], message: answer.message });
          else leaveOut(r, value, answer.code, answer.message);
        }
      });
      custom.forEach((rule, k) => {
        let fired: boolean;
        try {
          fired = rule.when(row, r);
        } catch (error) {
          throw accessorError(error, [r, 'rules', 'custom', k], `the rule ${JSON.stringify(rule.reason)}`);
        }
        if (fired) reasons.push(rule.reason);
      });
      if (reasons.length > 0) contacts.push({ id: key, row: r, reasons, answers });
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [id, ...metrics.map((metric) => metric.reader)]);
  }
  throwIfIssues(log);
  return { contacts, rows: rows.length, invalid, rejected };
}
