import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import type { MetricResult } from '../metrics/internal/base-result.js';
import { metricResult, type ResolvedMetric } from './metric-specs.js';

/** Why a group's figures are hidden: too few respondents, or so that a hidden one cannot be worked out by subtraction. */
export type Suppression = 'insufficient' | 'complementary';

/**
 * How groups that sum to the total are protected when some are hidden: `'glint'` (default)
 * hides the next-smallest shown group while the hidden ones together hold a single
 * respondent (Viva Glint's rule), `'strict'` until they hold at least `minN`, `'none'` not at all.
 */
export type ComplementaryRule = 'glint' | 'strict' | 'none';

/** Options that hide small groups, wherever results are per group. */
export interface SuppressionOptions {
  /**
   * Hide a group's figures for a metric when fewer than this many respondents answered it
   * (unweighted: people, not their weights). Off when not given.
   */
  readonly minN?: number | undefined;
  /** Hide comments and quotes of a group of fewer respondents than this (default `minN`; not below it). */
  readonly minNComments?: number | undefined;
  /** How groups that sum to the total are protected (default `'glint'`). */
  readonly complementary?: ComplementaryRule | undefined;
  /** Keep the counts (n, rows) of hidden groups; by default they read 0. */
  readonly showCounts?: boolean | undefined;
}

/** The checked rule a result carries, so that readers (charts, tables) can say what was hidden and why. */
export interface SuppressionRule {
  readonly minN: number;
  readonly minNComments: number;
  readonly complementary: ComplementaryRule;
  readonly showCounts: boolean;
}

/** zod/mini shapes of the options, to spread into each function's schema. */
export const suppressionShape = {
  minN: z.optional(z.int().check(z.gte(1))),
  minNComments: z.optional(z.int().check(z.gte(1))),
  complementary: z.optional(z.enum(['glint', 'strict', 'none'])),
  showCounts: z.optional(z.boolean()),
};

/** The rule of parsed options, or null when nothing is to be hidden (no `minN`). */
export function suppressionRule(options: SuppressionOptions): SuppressionRule | null {
  if (options.minN === undefined) {
    if (options.minNComments !== undefined || options.complementary !== undefined || options.showCounts !== undefined) fail('invalid_option', ['minN'], 'minNComments, complementary and showCounts go with minN');
    return null;
  }
  const minNComments = options.minNComments ?? options.minN;
  if (minNComments < options.minN) fail('invalid_option', ['minNComments'], `minNComments (${minNComments}) cannot be below minN (${options.minN}): comments say more about a person than a score`);
  return { minN: options.minN, minNComments, complementary: options.complementary ?? 'glint', showCounts: options.showCounts ?? false };
}

/**
 * Which of the cells of an additive dimension (groups that sum to the total) to hide, from
 * their respondent counts: a cell with 1 to minN − 1 respondents is `'insufficient'`; then,
 * while the hidden cells together hold fewer than the rule's floor (one person can be worked
 * out by subtraction: glint's floor is 2, strict's minN), the smallest cell still shown is
 * hidden as `'complementary'`. `alreadyHidden` counts respondents of the dimension that are
 * never shown (rows outside any touchpoint of a stage). An empty cell hides nothing.
 */
export function hiddenCells(counts: readonly number[], rule: SuppressionRule, alreadyHidden = 0): (Suppression | null)[] {
  const hidden: (Suppression | null)[] = counts.map((count) => (count > 0 && count < rule.minN ? 'insufficient' : null));
  if (rule.complementary === 'none') return hidden;
  const floor = rule.complementary === 'glint' ? 2 : rule.minN;
  let sum = alreadyHidden + counts.reduce((total, count, c) => total + (hidden[c] === null ? 0 : count), 0);
  while (sum > 0 && sum < floor) {
    let smallest = -1;
    counts.forEach((count, c) => {
      if (hidden[c] === null && count > 0 && (smallest < 0 || count < counts[smallest]!)) smallest = c;
    });
    if (smallest < 0) break;
    hidden[smallest] = 'complementary';
    sum += counts[smallest]!;
  }
  return hidden;
}

/**
 * A metric result with its figures hidden: the result of no answers (no score, interval,
 * distribution or tally), marked with why; with `showCounts` it keeps n, missing and invalid.
 */
export function hiddenResult<R extends MetricResult>(metric: ResolvedMetric, result: R, why: Suppression, rule: SuppressionRule): R {
  const empty = metricResult(metric, emptyTally(metric.rules.scale)) as unknown as R;
  const counts = rule.showCounts ? { n: result.n, missing: result.missing, invalid: result.invalid } : {};
  const field = 'field' in result ? { field: (result as { field: unknown }).field } : {};
  return { ...empty, ...counts, ...field, suppressed: why };
}

/** A group's own mark: hidden when every one of its results is, 'insufficient' if any of them is. */
export function groupSuppression(results: readonly { readonly suppressed?: Suppression | undefined }[]): Suppression | undefined {
  if (results.length === 0 || results.some((result) => result.suppressed === undefined)) return undefined;
  return results.some((result) => result.suppressed === 'insufficient') ? 'insufficient' : 'complementary';
}
