import * as z from 'zod/mini';
import { readFailure } from '../core/internal/read-failure.js';
import { describeValue, fail, withPathPrefix } from '../core/errors.js';
import { pointIndex, type AnswerRules } from '../core/internal/answer-rules.js';
import { newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { fieldReader, type FieldReader } from '../core/internal/field-reader.js';
import { checkFieldExists, rowWeight } from '../core/internal/row-answers.js';
import { countRow, groupLayout, groupTallies, newRowGroup, rejectRow } from '../core/internal/row-tallies.js';
import { answerOptionsShape, answerRules } from '../core/options.js';
import { scaleSchema, type Scale } from '../core/scale.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import { DEFAULT_LEVEL, levelSchema, type Interval } from '../stats/interval.js';
import { studentTInterval } from '../stats/t-interval.js';
import { sampleFields, type MetricResult } from './internal/base-result.js';
import { meanEstimate } from './internal/mean-estimate.js';

/** One question of a satisfaction index. */
export interface SatisfactionIndexItem {
  /** The row field holding the answer. */
  readonly field: string;
  /** The item's answer scale; answers are rescaled (x − min)/(max − min)·100. */
  readonly scale: Scale;
  /** Relative importance (default 1, non-negative). */
  readonly weight?: number | undefined;
  /** Codes meaning "not applicable" for this item (default: the index's `notApplicable`). */
  readonly notApplicable?: readonly number[] | undefined;
}

/** Options of {@link satisfactionIndex}. */
export interface SatisfactionIndexOptions {
  readonly items: readonly SatisfactionIndexItem[];
  /** Field holding each row's (respondent's) weight. */
  readonly weight?: string | undefined;
  /** Codes meaning "not applicable" on every item, e.g. `[0]`. */
  readonly notApplicable?: readonly number[] | undefined;
  /** `'throw'` (default) or `'skip'` invalid answers (counted and listed per item). */
  readonly invalid?: InvalidPolicy | undefined;
  /** Confidence level (default 0.95). */
  readonly level?: number | undefined;
}

/**
 * One item of a {@link SatisfactionIndexResult}: the fields of every metric result for the
 * item's own tally, with `score` its mean rescaled to 0–100.
 */
export interface SatisfactionIndexItemResult extends Omit<MetricResult, 'metric'> {
  readonly field: string;
  /** The weight as given. */
  readonly weight: number;
  /** The item's part of the index: its weight over the weights of the items with answers (0 without). */
  readonly share: number;
  /** Mean answer on the item's scale, or null. */
  readonly mean: number | null;
  /** The mean rescaled to 0–100, or null when nobody answered. */
  readonly score: number | null;
}

/** A composite 0–100 satisfaction index and its items. */
export interface SatisfactionIndexResult {
  readonly metric: 'satisfaction-index';
  /** Σ share·item score, 0–100; null when no item has answers. */
  readonly score: number | null;
  /** Rows given. */
  readonly rows: number;
  /** Rows with at least one item answered: the index's sample. */
  readonly n: number;
  /** Rows with no item answered (all missing, not applicable or skipped as invalid). */
  readonly missing: number;
  /** Invalid answers skipped over all items (each item lists its own). */
  readonly invalid: number;
  /** Σ row weights of the rows in `n`. */
  readonly weightedN: number;
  /** Kish effective size of the rows in `n`. */
  readonly effectiveN: number;
  /** Linearised standard error over respondents; null below two rows with positive weight. */
  readonly standardError: number | null;
  /** Student t interval on effective n − 1 degrees of freedom, clipped to 0–100; or null. */
  readonly interval: Interval<'t'> | null;
  readonly items: readonly SatisfactionIndexItemResult[];
}

const itemSchema = z.strictObject({
  field: z.string(),
  scale: scaleSchema,
  weight: z.optional(z.number().check(z.gte(0))),
  notApplicable: answerOptionsShape.notApplicable,
});

const satisfactionIndexOptionsSchema = z.strictObject({
  items: z.array(itemSchema).check(z.minLength(1)),
  weight: z.optional(z.string()),
  notApplicable: answerOptionsShape.notApplicable,
  invalid: answerOptionsShape.invalid,
  level: z.optional(levelSchema),
});

type CheckedOptions = z.infer<typeof satisfactionIndexOptionsSchema>;

/**
 * An ACSI-style customer satisfaction index from several questions of the same respondents:
 * each item's mean answer rescaled to 0–100 by (x − min)/(max − min)·100, then the weighted
 * mean of the items by their `weight` (default equal). Items nobody answered are left out and
 * the weights of the others rescaled; each item's own result is in `items`.
 *
 * Rows are read field by field in one pass; missing, not-applicable and invalid answers
 * behave as for every metric, with errors and rejected answers naming row and field.
 * `weight` names a field of respondent weights. The standard error linearises the index
 * over respondents (each item a ratio mean over those who answered it), so items answered
 * by the same people covary correctly: with one item and no weights it is that item's
 * s/√n rescaled. A second pass over the rows computes it from the item means.
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), rows that are
 * not objects, invalid weights, a field no row has, duplicate fields, or bad options.
 * @example
 * ```ts
 * const rows = [
 *   { staff: 5, speed: 3 },
 *   { staff: 4, speed: 0 }, // 0 = not applicable
 * ];
 * const index = satisfactionIndex(rows, {
 *   items: [{ field: 'staff', scale: { min: 1, max: 5 } }, { field: 'speed', scale: { min: 1, max: 5 } }],
 *   notApplicable: [0],
 * });
 * index.items[0]?.score; // 87.5 (mean 4.5 → 3.5 / 4 × 100)
 * index.items[1]?.score; // 50 (mean 3)
 * index.score; // 68.75 ((87.5 + 50) / 2)
 * ```
 */
export function satisfactionIndex(rows: readonly object[], options: SatisfactionIndexOptions): SatisfactionIndexResult {
  const parsed = parseWith(satisfactionIndexOptionsSchema, options);
  if (!Array.isArray(rows)) fail('invalid_type', [], `rows must be an array of objects, got ${describeValue(rows)}`);
  const level = parsed.level ?? DEFAULT_LEVEL;
  const items = itemReaders(parsed);
  const weightReader = parsed.weight === undefined ? undefined : fieldReader(parsed.weight, 'weight');
  items.forEach((item, i) => checkFieldExists(rows, item.reader, ['items', i, 'field']));
  checkFieldExists(rows, weightReader, ['weight']);
  // Items are counted by the same mechanism as summarize's metrics: one group, a slot per item.
  const layout = groupLayout(items, weightReader !== undefined);
  const group = newRowGroup(layout);
  const pass = { log: newIssueLog(), skip: parsed.invalid === 'skip' };
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row: unknown = rows[r];
      const weight = rowWeight(row, r, weightReader, items);
      if (typeof weight !== 'number') rejectRow(group, r, row, weight, pass);
      else countRow(layout, group, row as object, r, weight, pass);
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [...items.map((item) => item.reader), weightReader]);
  }
  throwIfIssues(pass.log);
  return indexResult(rows, parsed, items, weightReader, groupTallies(layout, group), level);
}

/** Item readers and rules, with duplicate fields and all-zero weights refused before reading any row. */
function itemReaders(parsed: CheckedOptions): { reader: FieldReader; rules: AnswerRules }[] {
  const seen = new Set<string>();
  if (!parsed.items.some((item) => (item.weight ?? 1) > 0)) fail('invalid_option', ['items'], 'at least one item needs a positive weight');
  return parsed.items.map((item, i) => {
    if (seen.has(item.field)) fail('invalid_option', ['items', i, 'field'], `the field ${JSON.stringify(item.field)} is already an item`);
    seen.add(item.field);
    const rules = withPathPrefix(['items', i], () =>
      answerRules(Object.freeze({ ...item.scale }), { notApplicable: item.notApplicable ?? parsed.notApplicable, invalid: parsed.invalid }),
    );
    return { reader: fieldReader(item.field, item.field), rules };
  });
}

function indexResult(
  rows: readonly unknown[],
  parsed: CheckedOptions,
  items: readonly { reader: FieldReader; rules: AnswerRules }[],
  weightReader: FieldReader | undefined,
  tallies: readonly Tally[],
  level: number,
): SatisfactionIndexResult {
  const results = tallies.map((tally, i) => itemResult(tally, parsed.items[i]!, level));
  const answeredWeight = results.reduce((sum, item) => sum + (item.score === null ? 0 : item.weight), 0);
  const shared = results.map((item) => ({ ...item, share: item.score === null || answeredWeight === 0 ? 0 : item.weight / answeredWeight }));
  const invalid = results.reduce((sum, item) => sum + item.invalid, 0);
  const spread = respondentSpread(rows, weightReader, items, shared);
  const base = { metric: 'satisfaction-index' as const, rows: rows.length, missing: rows.length - spread.n, invalid, items: shared, ...spread };
  if (answeredWeight === 0) return { ...base, score: null, standardError: null, interval: null };
  const score = shared.reduce((sum, item) => sum + item.share * (item.score ?? 0), 0);
  const standardError = spread.effectiveN > 1 ? Math.sqrt((spread.n / (spread.n - 1)) * spread.squaredInfluence) : null;
  const interval = standardError === null ? null : studentTInterval(score, standardError, spread.effectiveN - 1, level, 0, 100);
  const { squaredInfluence: _, ...sample } = spread;
  return { ...base, ...sample, score, standardError, interval };
}

function itemResult(tally: Tally, item: CheckedOptions['items'][number], level: number): Omit<SatisfactionIndexItemResult, 'share'> {
  const sample = sampleFields(tally);
  const { min, max } = tally.scale;
  const toScore = (x: number) => ((x - min) / (max - min)) * 100;
  const estimate = meanEstimate(tally, sample.effectiveN, level);
  const weight = item.weight ?? 1;
  if (estimate === null) return { field: item.field, weight, ...sample, mean: null, score: null, standardError: null, interval: null };
  const { interval } = estimate;
  return {
    field: item.field,
    weight,
    ...sample,
    mean: estimate.mean,
    score: toScore(estimate.mean),
    standardError: estimate.standardError === null ? null : (estimate.standardError * 100) / (max - min),
    interval: interval === null ? null : { ...interval, lower: toScore(interval.lower), upper: toScore(interval.upper) },
  };
}

/**
 * The second pass: each respondent's influence on the index, Σ_i share_i·100/(max_i − min_i)·
 * w·(y_i − ȳ_i)/W_i over the items they answered (W_i: Σw of item i). The index's linearised
 * variance is n/(n−1)·Σ influence², as R `survey` computes it for a contrast of ratio means.
 */
function respondentSpread(
  rows: readonly unknown[],
  weightReader: FieldReader | undefined,
  items: readonly { reader: FieldReader; rules: AnswerRules }[],
  results: readonly Pick<SatisfactionIndexItemResult, 'share' | 'mean' | 'weightedN'>[],
) {
  const parts = items.flatMap(({ reader, rules }, i) => {
    const result = results[i]!;
    if (result.mean === null) return [];
    const { min, max } = rules.scale;
    // share 0 (weight 0): answered, but no influence.
    return [{ reader, min, span: max - min, meanSlot: result.mean - min, coefficient: (result.share * 100) / (max - min) / result.weightedN }];
  });
  let n = 0;
  let weightedN = 0;
  let squaredWeights = 0;
  let squaredInfluence = 0;
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row = rows[r];
      const weight = rowWeight(row, r, weightReader, items);
      if (typeof weight !== 'number') continue; // skipped as invalid in the first pass
      let influence = 0;
      let answered = false;
      for (const part of parts) {
        const k = pointIndex(part.reader.read(row as object, r), part.min, part.span);
        if (k < 0) continue;
        answered = true;
        influence += part.coefficient * (k - part.meanSlot);
      }
      if (!answered) continue;
      n++;
      weightedN += weight;
      squaredWeights += weight * weight;
      squaredInfluence += (weight * influence) ** 2;
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [...items.map((item) => item.reader), weightReader]);
  }
  return { n, weightedN, effectiveN: squaredWeights > 0 ? (weightedN * weightedN) / squaredWeights : 0, squaredInfluence };
}
