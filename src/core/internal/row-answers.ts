import { describeValue, fail } from '../errors.js';
import { isValidWeight, judgeOffScaleValue, pointIndex, weightVerdict, type AnswerRules, type Verdict } from './answer-rules.js';
import { hasField, type FieldReader } from './field-reader.js';

/** What an answer read from a row is: the slot of its scale point, missing, or why it is invalid. */
export type RowAnswer = number | 'missing' | Verdict;

export function judgeRowAnswer(rules: AnswerRules, value: unknown): RowAnswer {
  const k = pointIndex(value, rules.scale.min, rules.scale.max - rules.scale.min);
  return k >= 0 ? k : judgeOffScaleValue(value, rules);
}

/** Why a whole row cannot be read, and where (relative to the row). */
export interface RowProblem {
  readonly verdict: Verdict;
  readonly path: (string | number)[];
}

/**
 * The weight of a row (1 without a weight), or what makes the row unreadable as a whole:
 * not an object, or an invalid weight. A blank weight (null, undefined, empty text) on a row
 * that answers none of `fields` — a respondent who skipped the questions, whom the weighting
 * scheme gave no weight — weighs 0: the row counts as missing in every field, and nothing is
 * lost. On a row with an answer a blank weight stays an error: its answer would count in n
 * but in no weighted figure.
 */
export function rowWeight(row: unknown, index: number, weight: FieldReader | undefined, fields: readonly { readonly reader: FieldReader; readonly rules: AnswerRules }[] = []): RowProblem | number {
  if (typeof row !== 'object' || row === null) {
    return { verdict: { code: 'invalid_type', message: `a row must be an object, got ${describeValue(row)}` }, path: [] };
  }
  if (weight === undefined) return 1;
  // A read site of its own (not the shared accessor) keeps the inline cache on one name.
  const value = weight.direct !== undefined ? (row as Record<string, unknown>)[weight.direct] : weight.read(row, index);
  if (isValidWeight(value)) return value;
  if (isBlank(value) && fields.length > 0 && fields.every((field) => judgeRowAnswer(field.rules, field.reader.read(row, index)) === 'missing')) return 0;
  return { verdict: weightVerdict(value), path: [weight.label] };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** True when at least one row has `field` (own or from a class of the user's): a field no row has is a typo. */
export function someRowHas(rows: readonly unknown[], field: string): boolean {
  return rows.some((row) => typeof row === 'object' && row !== null && hasField(row, field));
}

/**
 * Fails with `unknown_field` at `path` when no row has the named field (accessors are the
 * user's own business). Each scan stops at the first row that has it.
 */
export function checkFieldExists(rows: readonly unknown[], reader: FieldReader | undefined, path: readonly (string | number)[]): void {
  if (reader?.field === undefined || rows.length === 0 || someRowHas(rows, reader.field)) return;
  fail('unknown_field', path, `no row has the field ${JSON.stringify(reader.field)}`);
}
