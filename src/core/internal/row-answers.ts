import { describeValue } from '../errors.js';
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

/** Reads a field of a row; rows that are not objects are caught by {@link rowProblem} first. */
export function readField(row: object, field: string): unknown {
  return (row as Record<string, unknown>)[field];
}

/** Adds the answer `value` of row `row` (weight already checked) to a field's tally. */
export function addRowAnswer(target: FieldTally, value: unknown, weight: number, row: number): void {
  const { rules, problems } = target;
  const { tally } = problems;
  const k = pointIndex(value, rules.scale.min, rules.scale.max - rules.scale.min);
  if (k >= 0) {
    tally.counts[k]!++;
    tally.sumWeights[k]! += weight;
    tally.sumSquaredWeights[k]! += weight * weight;
    tally.n++;
    return;
  }
  const verdict = judgeOffScaleValue(value, rules);
  if (verdict === 'missing') tally.missing++;
  else report(problems, row, value, verdict, [row, target.field]);
}

/**
 * The weight of a row (1 without a weight field), or what makes the row unreadable as a
 * whole: not an object, or an invalid weight in `weightField`.
 */
export function rowProblem(row: unknown, weightField: string | undefined): { verdict: Verdict; path: (string | number)[] } | number {
  if (typeof row !== 'object' || row === null) {
    return { verdict: { code: 'invalid_type', message: `a row must be an object, got ${describeValue(row)}` }, path: [] };
  }
  if (weightField === undefined) return 1;
  const weight = readField(row, weightField);
  return isValidWeight(weight) ? weight : { verdict: weightVerdict(weight), path: [weightField] };
}

/**
 * A row that cannot be read at all: under `'skip'` each field counts its answer invalid
 * (so nothing is lost), otherwise one issue names the row (and the weight field).
 */
export function rejectRow(targets: readonly FieldTally[], row: number, value: unknown, problem: { verdict: Verdict; path: (string | number)[] }, log: IssueLog, skip: boolean): void {
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
