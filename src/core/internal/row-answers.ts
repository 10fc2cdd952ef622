import { describeValue, fail } from '../errors.js';
import type { FieldReader } from './field-reader.js';
import type { Tally } from '../tally-types.js';
import { report, type Problems } from './accumulate.js';
import { isValidWeight, judgeOffScaleValue, pointIndex, weightVerdict, type AnswerRules, type Verdict } from './answer-rules.js';
import { logIssue, type IssueLog } from './issue-log.js';
import { emptyTally } from './mutable-tally.js';

/**
 * The tally of one field read from the user's rows. Errors and rejected answers name the
 * row (its index in the input) and the field: path `[row, field]`.
 */
export interface FieldTally {
  /** The field's name in error paths. */
  readonly field: string;
  readonly rules: AnswerRules;
  readonly problems: Problems;
}

export function fieldTally(field: string, rules: AnswerRules, log: IssueLog): FieldTally {
  return { field, rules, problems: { tally: emptyTally(rules.scale), skip: rules.skipInvalid, indexOffset: 0, log } };
}

/** The finished tally of a field. */
export function tallyOf(target: FieldTally): Tally {
  return target.problems.tally;
}

/** What an answer read from a row is: the slot of its scale point, missing, or why it is invalid. */
export type RowAnswer = number | 'missing' | Verdict;

export function judgeRowAnswer(rules: AnswerRules, value: unknown): RowAnswer {
  const k = pointIndex(value, rules.scale.min, rules.scale.max - rules.scale.min);
  return k >= 0 ? k : judgeOffScaleValue(value, rules);
}

/** Adds the answer `value` of row `row` (weight already checked) to a field's tally. */
export function addRowAnswer(target: FieldTally, value: unknown, weight: number, row: number): void {
  const { problems } = target;
  const { tally } = problems;
  const answer = judgeRowAnswer(target.rules, value);
  if (typeof answer === 'number') {
    tally.counts[answer]!++;
    tally.sumWeights[answer]! += weight;
    tally.sumSquaredWeights[answer]! += weight * weight;
    tally.n++;
  } else if (answer === 'missing') tally.missing++;
  else report(problems, row, value, answer, [row, target.field]);
}

/** Why a whole row cannot be read, and where (relative to the row). */
export interface RowProblem {
  readonly verdict: Verdict;
  readonly path: (string | number)[];
}

/**
 * The weight of a row (1 without a weight), or what makes the row unreadable as a whole:
 * not an object, or an invalid weight.
 */
export function rowWeight(row: unknown, index: number, weight: FieldReader | undefined): RowProblem | number {
  if (typeof row !== 'object' || row === null) {
    return { verdict: { code: 'invalid_type', message: `a row must be an object, got ${describeValue(row)}` }, path: [] };
  }
  if (weight === undefined) return 1;
  // A read site of its own (not the shared accessor) keeps the inline cache on one name.
  const value = weight.field !== undefined ? (row as Record<string, unknown>)[weight.field] : weight.read(row, index);
  return isValidWeight(value) ? value : { verdict: weightVerdict(value), path: [weight.label] };
}

/**
 * A row that cannot be read at all: under `'skip'` each field counts its answer invalid
 * (so nothing is lost), otherwise one issue names the row (and the weight field).
 */
export function rejectRow(targets: readonly FieldTally[], row: number, value: unknown, problem: RowProblem, log: IssueLog, skip: boolean): void {
  if (!skip) {
    logIssue(log, { code: problem.verdict.code, path: [row, ...problem.path], message: problem.verdict.message });
    return;
  }
  for (const target of targets) report(target.problems, row, value, problem.verdict, [row, ...problem.path]);
}

/** True when at least one row has `field`, own or inherited: a field no row has is a typo. */
export function someRowHas(rows: readonly unknown[], field: string): boolean {
  return rows.some((row) => typeof row === 'object' && row !== null && field in row);
}

/**
 * Fails with `unknown_field` at `path` when no row has the named field (accessors are the
 * user's own business). Each scan stops at the first row that has it.
 */
export function checkFieldExists(rows: readonly unknown[], reader: FieldReader | undefined, path: readonly (string | number)[]): void {
  if (reader?.field === undefined || rows.length === 0 || someRowHas(rows, reader.field)) return;
  fail('unknown_field', path, `no row has the field ${JSON.stringify(reader.field)}`);
}
