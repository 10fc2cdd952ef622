import { fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { groupText } from '../core/internal/group-keys.js';
import { isValidWeight } from '../core/internal/answer-rules.js';

/** Targets of one margin: each category's count in the population, or its share (shares sum to 1). */
export type MarginTargets = Readonly<Record<string, number>>;

/** What every weighting function takes: the margins, the base weights and what to do with a missing category. */
export interface MarginOptions<Row> {
  /** Per field (a column name), its categories' targets: `{ channel: { web: 0.6, store: 0.4 } }`. */
  readonly margins: Readonly<Record<string, MarginTargets>>;
  /** The design weight of each row to start from (default 1 each). */
  readonly baseWeight?: Field<Row> | undefined;
  /** The population total that shares are scaled to (default: when a margin is given as counts, their total; else the number of rows). */
  readonly total?: number | undefined;
  /**
   * A row with no value in a margin's field: `'error'` (default), or `'own-category'`: it is in
   * the category `"(missing)"`, which then needs a target of its own.
   */
  readonly missing?: 'error' | 'own-category' | undefined;
}

/** The category that rows without a value form under `missing: 'own-category'`. */
export const MISSING_CATEGORY = '(missing)';

/** The margins resolved against the rows. */
export interface ResolvedMargins {
  readonly fields: readonly string[];
  /** Per margin, its categories (as given in the targets). */
  readonly categories: readonly (readonly string[])[];
  /** Per margin and category, the target as a count. */
  readonly targets: readonly Float64Array[];
  /** Per margin, each row's category index. */
  readonly categoryOfRow: readonly Int32Array[];
  readonly baseWeights: Float64Array;
}

/** Counts within this relative difference are one total (margins given by rounding the same population). */
const TOTAL_AGREEMENT = 1e-6;

/**
 * Checks the margins and reads each row's category in each: every failure is a
 * `CxValidationError` naming the margin, the category and, for a row, its index.
 */
export function resolveMargins<Row>(rows: readonly Row[], options: MarginOptions<Row>): ResolvedMargins {
  if (!Array.isArray(rows)) fail('invalid_type', [], 'rows must be an array of objects');
  const fields = Object.keys(options.margins ?? {});
  if (fields.length === 0) fail('invalid_option', ['margins'], 'give at least one margin: { field: { category: target, … } }');
  if (rows.length === 0) fail('invalid_option', [], 'there are no rows to weight');
  const baseWeights = readBaseWeights(rows, options.baseWeight);
  const missing = options.missing ?? 'error';
  if (missing !== 'error' && missing !== 'own-category') fail('invalid_option', ['missing'], `missing is 'error' or 'own-category', got ${JSON.stringify(missing)}`);

  const given = fields.map((field) => checkTargets(field, options.margins[field]!));
  const total = populationTotal(fields, given, options.total, rows.length);
  const categories = given.map((entries) => entries.map(([category]) => category));
  const targets = given.map((entries) => {
    const sum = entries.reduce((acc, [, value]) => acc + value, 0);
    const shares = Math.abs(sum - 1) <= 1e-9;
    return Float64Array.from(entries, ([, value]) => (shares ? value * total : value));
  });

  const categoryOfRow = fields.map((field, m) => {
    const index = new Map(categories[m]!.map((category, c) => [category, c]));
    const reader = fieldReader<Row>(field, field);
    const { read, direct } = reader;
    const of = new Int32Array(rows.length);
    const respondents = new Float64Array(categories[m]!.length);
    // A value seen before (a few distinct ones, a million rows) is not normalised again.
    const known = new Map<unknown, number>();
    for (let i = 0; i < rows.length; i++) {
      const value = direct !== undefined ? (rows[i] as Record<string, unknown>)[direct] : read(rows[i] as object, i);
      const seen = known.get(value);
      if (seen !== undefined) {
        of[i] = seen;
        respondents[seen]!++;
        continue;
      }
      const blank = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
      let category: string;
      if (blank) {
        if (missing === 'error') fail('unanswered', [i, field], `no value for the margin ${JSON.stringify(field)}: give the row a category, or missing: 'own-category' with a target for "${MISSING_CATEGORY}"`);
        category = MISSING_CATEGORY;
      } else category = groupText(String(value));
      const c = index.get(category);
      if (c === undefined) {
        return fail('unknown_category', [i, field], `the category ${JSON.stringify(category)} of the margin ${JSON.stringify(field)} has no target (targets: ${categories[m]!.map((known) => JSON.stringify(known)).join(', ')}): give it one, or merge it into one that has`);
      }
      of[i] = c;
      respondents[c]!++;
      if (typeof value !== 'object' || value === null) known.set(value, c);
    }
    respondents.forEach((count, c) => {
      if (count === 0 && targets[m]![c]! > 0) {
        fail('empty_category', ['margins', field, categories[m]![c]!], `the margin ${JSON.stringify(field)} has a target for ${JSON.stringify(categories[m]![c])} but no row is in it: no weight can reach the target; leave the category out, or collapse it into a neighbour (its target added to theirs, its name given to their rows)`);
      }
    });
    return of;
  });
  return { fields, categories, targets, categoryOfRow, baseWeights };
}

/** The targets of a margin as [category, value] pairs, each checked; categories normalised as group keys are. */
function checkTargets(field: string, targets: MarginTargets): [string, number][] {
  if (typeof targets !== 'object' || targets === null) fail('invalid_option', ['margins', field], `the margin ${JSON.stringify(field)} must be an object of category targets`);
  const entries: [string, number][] = [];
  const seen = new Set<string>();
  for (const [raw, value] of Object.entries(targets)) {
    const category = groupText(raw);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail('invalid_option', ['margins', field, raw], `the target of ${JSON.stringify(raw)} in the margin ${JSON.stringify(field)} must be a finite number ≥ 0, got ${String(value)}`);
    }
    if (seen.has(category)) fail('invalid_option', ['margins', field, raw], `the margin ${JSON.stringify(field)} names ${JSON.stringify(category)} twice`);
    seen.add(category);
    entries.push([category, value]);
  }
  if (entries.reduce((sum, [, value]) => sum + value, 0) <= 0) fail('invalid_option', ['margins', field], `the targets of the margin ${JSON.stringify(field)} sum to 0`);
  return entries;
}

/** The total that shares scale to; margins given as counts must agree on it. */
function populationTotal(fields: readonly string[], given: readonly [string, number][][], total: number | undefined, rows: number): number {
  if (total !== undefined && (typeof total !== 'number' || !Number.isFinite(total) || total <= 0)) fail('invalid_option', ['total'], `total must be a finite number > 0, got ${String(total)}`);
  const sums = given.map((entries) => entries.reduce((sum, [, value]) => sum + value, 0));
  const counts = sums.map((sum, m) => ({ sum, field: fields[m]! })).filter(({ sum }) => Math.abs(sum - 1) > 1e-9);
  const first = counts[0];
  for (const other of counts.slice(1)) {
    if (Math.abs(other.sum - first!.sum) > TOTAL_AGREEMENT * first!.sum) {
      fail('invalid_option', ['margins', other.field], `the margins disagree on the population: ${JSON.stringify(first!.field)} sums to ${first!.sum}, ${JSON.stringify(other.field)} to ${other.sum}; give counts of the same population, or shares`);
    }
  }
  if (first !== undefined && total !== undefined && Math.abs(first.sum - total) > TOTAL_AGREEMENT * total) {
    fail('invalid_option', ['total'], `total is ${total} but the margin ${JSON.stringify(first.field)} sums to ${first.sum}`);
  }
  return first?.sum ?? total ?? rows;
}

function readBaseWeights<Row>(rows: readonly Row[], baseWeight: Field<Row> | undefined): Float64Array {
  const weights = new Float64Array(rows.length);
  if (baseWeight === undefined) return weights.fill(1);
  const read = fieldReader(baseWeight, 'baseWeight').read;
  for (let i = 0; i < rows.length; i++) {
    const value = read(rows[i] as object, i);
    if (!isValidWeight(value) || value === 0) {
      fail('invalid_weight', [i, typeof baseWeight === 'string' ? baseWeight : 'baseWeight'], `the base weight ${String(value)}: base weights are from 1e-100 to 1e100 (leave out rows that should not count)`);
    }
    weights[i] = value;
  }
  return weights;
}
