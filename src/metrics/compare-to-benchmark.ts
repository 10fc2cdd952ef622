import { fail } from '../core/errors.js';
import { DEFAULT_LEVEL } from '../stats/interval.js';
import type { CesResult } from './ces.js';
import type { CsatResult } from './csat.js';
import { zComparison, type Comparison } from './internal/comparison.js';
import type { NpsResult } from './nps.js';

/** A benchmark to compare a score with: a published index, last year's score, a sister company's. */
export interface Benchmark {
  /** The benchmark's score, in the metric's units (NPS points, CSAT percent, CES points). */
  readonly value: number;
  /** Its standard error, when it has one (a survey's own). */
  readonly standardError?: number | undefined;
  /** Its sample size, when only that is known: its standard error is then estimated (see {@link compareToBenchmark}). */
  readonly n?: number | undefined;
  /** What it is, carried to the result ("EPSI Rating 2025, banks"). */
  readonly label?: string | undefined;
  /** Scores of comparable organisations, for the percentile position of the result among them. */
  readonly distribution?: readonly number[] | undefined;
  /** Confidence level (default 0.95). */
  readonly level?: number | undefined;
}

/** A score against a benchmark: the comparison (result − benchmark) and where the score stands. */
export interface BenchmarkComparison extends Comparison {
  readonly metric: 'nps' | 'csat' | 'ces';
  readonly score: number | null;
  readonly benchmark: number;
  readonly label: string | null;
  /** The benchmark's standard error as used: given, estimated from its n, or 0 (a known constant). */
  readonly benchmarkStandardError: number;
  /** Percent of the `distribution` below the score (ties counted half); null without one. */
  readonly percentile: number | null;
}

/**
 * Compares an NPS, CSAT or CES result with a benchmark: the difference (result − benchmark),
 * its standard error — the result's and the benchmark's own combined when it has one; from
 * its `n` when only that is known (CSAT: the binomial √(p(1 − p)/n) at the benchmark's share;
 * NPS and CES: the result's own spread per respondent, scaled to the benchmark's n); else the
 * benchmark is a known constant and only the result's counts — then z, the two-sided p and
 * the Wald interval. With a `distribution` of other organisations' scores, the percentile
 * position of the result among them. No benchmark data is shipped: the caller brings it.
 *
 * @throws {CxValidationError} for a benchmark that is not a finite number, a negative standard error or an n below 1.
 *
 * @example
 * ```ts
 * const result = csat([5, 4, 4, 3, 2, 5, 4, 1, 4, 5]); // 7 of 10 satisfied: 70, SE √(0.7 · 0.3 / 10) = 14.49
 * const against = compareToBenchmark(result, { value: 60, label: 'sector 2025' });
 * against.difference; // 10
 * against.statistic; // 0.69007 (10 / 14.491)
 * compareToBenchmark(result, { value: 60, distribution: [50, 55, 65, 70, 80] }).percentile; // 70 (3 below, 1 tie counted half: 3.5 of 5)
 * ```
 */
export function compareToBenchmark(result: NpsResult | CsatResult | CesResult, benchmark: Benchmark): BenchmarkComparison {
  const { value, label, distribution } = benchmark;
  const level = benchmark.level ?? DEFAULT_LEVEL;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('invalid_option', ['value'], `the benchmark value must be a finite number, got ${String(value)}`);
  if (benchmark.standardError !== undefined && !(benchmark.standardError >= 0 && Number.isFinite(benchmark.standardError))) fail('invalid_option', ['standardError'], `the benchmark's standard error must be a finite number ≥ 0, got ${String(benchmark.standardError)}`);
  if (benchmark.n !== undefined && !(benchmark.n >= 1 && Number.isFinite(benchmark.n))) fail('invalid_option', ['n'], `the benchmark's n must be at least 1, got ${String(benchmark.n)}`);
  if (distribution !== undefined && (!Array.isArray(distribution) || distribution.some((score) => typeof score !== 'number' || !Number.isFinite(score)))) fail('invalid_option', ['distribution'], 'distribution must be an array of finite scores');
  const benchmarkStandardError = benchmark.standardError ?? (benchmark.n === undefined ? 0 : estimatedStandardError(result, value, benchmark.n));
  const percentile = distribution === undefined || distribution.length === 0 || result.score === null ? null : positionIn(result.score, distribution);
  const base = { metric: result.metric, score: result.score, benchmark: value, label: label ?? null, benchmarkStandardError, percentile };
  if (result.score === null || result.standardError === null) {
    return { ...base, difference: null, standardError: null, statistic: null, pValue: null, adjustedPValue: null, interval: null, significant: null, level };
  }
  const standardError = Math.hypot(result.standardError, benchmarkStandardError);
  return { ...base, ...zComparison(result.score - value, standardError, standardError, level, rangeOf(result)) };
}

/** The benchmark's standard error from its n alone. */
function estimatedStandardError(result: NpsResult | CsatResult | CesResult, value: number, n: number): number {
  if (result.metric === 'csat') {
    const p = Math.min(1, Math.max(0, value / 100));
    return Math.sqrt((p * (1 - p)) / n) * 100;
  }
  // The result's spread per respondent (its SE × √n_eff), over the benchmark's n.
  if (result.standardError === null || result.effectiveN === 0) return 0;
  return (result.standardError * Math.sqrt(result.effectiveN)) / Math.sqrt(n);
}

/** How far apart a score and a benchmark can be: the width of the metric's range. */
function rangeOf(result: NpsResult | CsatResult | CesResult): number {
  if (result.metric === 'nps') return 200;
  if (result.metric === 'csat') return 100;
  return result.method === 'mean' ? result.scale.max - result.scale.min : result.method === 'percent-easy' ? 100 : 200;
}

function positionIn(score: number, distribution: readonly number[]): number {
  let below = 0;
  for (const other of distribution) below += other < score ? 1 : other === score ? 0.5 : 0;
  return (below / distribution.length) * 100;
}
