import { waldInterval, type Interval } from '../../stats/interval.js';
import { studentTInterval } from '../../stats/t-interval.js';
import { twoSidedTPValue } from '../../stats/t-test.js';
import { twoSidedNormalPValue } from '../../stats/z-test.js';

/** The outcome of comparing a metric between two independent samples (a − b). */
export interface Comparison {
  /** score(a) − score(b), on the metric's scale; null when either side has no score. */
  readonly difference: number | null;
  /** Standard error of the difference; null when it cannot be computed. */
  readonly standardError: number | null;
  /** Test statistic (z or t); null when the standard error is 0 or unknown. */
  readonly statistic: number | null;
  /** Two-sided p-value; null when there is no statistic. */
  readonly pValue: number | null;
  /**
   * The p-value adjusted for the other tests of its family (the stages of a journey report,
   * the changes of a trend: see `adjust`), by the report's method; equal to `pValue` for a
   * comparison made alone. Null when there is no p-value.
   */
  readonly adjustedPValue: number | null;
  /** Confidence interval of the difference; null when there is no difference. */
  readonly interval: Interval<ComparisonIntervalMethod> | null;
  /** adjustedPValue < 1 − level; null when there is no p-value. */
  readonly significant: boolean | null;
  readonly level: number;
}

/** The intervals of a difference: z (Wald), t (Welch), and for two proportions Newcombe's and Agresti–Caffo's. */
export type ComparisonIntervalMethod = 'wald' | 't' | 'newcombe' | 'agresti-caffo';

const NO_COMPARISON = { difference: null, standardError: null, statistic: null, pValue: null, adjustedPValue: null, interval: null, significant: null };

/**
 * A two-sided z comparison: the interval is difference ± z·standardError (clipped to
 * ±range) and the test uses `testStandardError` (the same unless the test pools, as the
 * two-proportion test does). A zero test standard error means neither sample varies: the
 * statistic is undefined, so no test is claimed.
 */
export function zComparison(difference: number, standardError: number, testStandardError: number, level: number, range: number): Comparison {
  const interval = waldInterval(difference, standardError, level, -range, range);
  if (testStandardError === 0) return { difference, standardError, statistic: null, pValue: null, adjustedPValue: null, interval, significant: null, level };
  const statistic = difference / testStandardError;
  const pValue = twoSidedNormalPValue(statistic);
  return { difference, standardError, statistic, pValue, adjustedPValue: pValue, interval, significant: pValue < 1 - level, level };
}

/** The comparison of two scores with independent standard errors; nulls when a side has no score. */
export function independentZComparison(
  a: { score: number | null; standardError: number | null },
  b: { score: number | null; standardError: number | null },
  level: number,
  range: number,
): Comparison {
  if (a.score === null || b.score === null || a.standardError === null || b.standardError === null) return { ...NO_COMPARISON, level };
  const standardError = Math.hypot(a.standardError, b.standardError);
  return zComparison(a.score - b.score, standardError, standardError, level, range);
}

/** The comparison when a side has no data. */
export function noComparison(level: number): Comparison {
  return { ...NO_COMPARISON, level };
}

/**
 * A two-sided Student t comparison on `df` degrees of freedom: interval difference ±
 * t·standardError (clipped to ±range), statistic difference / standardError. As in
 * {@link zComparison}, a zero standard error means no test.
 */
export function tComparison(difference: number, standardError: number, df: number, level: number, range: number): Comparison {
  const interval = studentTInterval(difference, standardError, df, level, -range, range);
  if (standardError === 0) return { difference, standardError, statistic: null, pValue: null, adjustedPValue: null, interval, significant: null, level };
  const statistic = difference / standardError;
  const pValue = twoSidedTPValue(statistic, df);
  return { difference, standardError, statistic, pValue, adjustedPValue: pValue, interval, significant: pValue < 1 - level, level };
}

/**
 * Welch's comparison of two independent estimates a − b from their standard errors and the
 * sample sizes their variances rest on: Welch–Satterthwaite degrees of freedom
 * (vₐ + v_b)²/(vₐ²/(nₐ − 1) + v_b²/(n_b − 1)), vᵢ = SEᵢ², and a t test. Two zero standard
 * errors give the exact difference and no test (df null).
 */
export function welchComparison(
  a: { readonly estimate: number; readonly standardError: number; readonly n: number },
  b: { readonly estimate: number; readonly standardError: number; readonly n: number },
  level: number,
  range: number,
): Comparison & { readonly df: number | null } {
  const varianceA = a.standardError * a.standardError;
  const varianceB = b.standardError * b.standardError;
  const variance = varianceA + varianceB;
  // With a zero standard error the degrees of freedom do not matter: there is no test.
  if (variance === 0) return { ...tComparison(a.estimate - b.estimate, 0, 1, level, range), df: null };
  const df = (variance * variance) / ((varianceA * varianceA) / (a.n - 1) + (varianceB * varianceB) / (b.n - 1));
  return { ...tComparison(a.estimate - b.estimate, Math.sqrt(variance), df, level, range), df };
}
