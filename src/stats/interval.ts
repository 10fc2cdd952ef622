import * as z from 'zod/mini';
import { normalQuantile } from './normal.js';

/**
 * How an interval was computed: `'wald'` (estimate ± z·SE); for NPS `'adjusted-wald'` (Rocks
 * 2016) and `'iterative'` (the score interval of Rocks' R package); for a proportion
 * `'wilson'`, `'agresti-coull'`, `'jeffreys'`, `'clopper-pearson'`; for the difference of two
 * proportions `'newcombe'` and `'agresti-caffo'`; `'t'` (Student t, for means and Welch
 * differences), `'fisher-z'` (a correlation).
 */
export type IntervalMethod =
  | 'wald'
  | 'adjusted-wald'
  | 'iterative'
  | 'wilson'
  | 'agresti-coull'
  | 'jeffreys'
  | 'clopper-pearson'
  | 'newcombe'
  | 'agresti-caffo'
  | 't'
  | 'fisher-z';

/** A confidence interval on the scale of the score it belongs to. */
export interface Interval<Method extends IntervalMethod = IntervalMethod> {
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
  /** How it was computed. */
  readonly method: Method;
}

/** zod/mini schema of a confidence level: strictly between 0 and 1. */
export const levelSchema = z.number().check(z.gt(0), z.lt(1));

/** The default confidence level. */
export const DEFAULT_LEVEL = 0.95;

/** z such that P(−z ≤ Z ≤ z) = level: 1.959964 for 0.95. */
export function twoSidedZ(level: number): number {
  return normalQuantile((1 + level) / 2);
}

/** Keeps an interval inside the range its score can take. */
export function clip(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** estimate ± halfWidth, kept inside [low, high]: the shape every interval here shares. */
export function symmetricInterval<Method extends IntervalMethod>(estimate: number, halfWidth: number, level: number, method: Method, low: number, high: number): Interval<Method> {
  return { lower: clip(estimate - halfWidth, low, high), upper: clip(estimate + halfWidth, low, high), level, method };
}

/** The Wald (normal) interval estimate ± z·standardError, kept inside [low, high]. */
export function waldInterval(estimate: number, standardError: number, level: number, low: number, high: number): Interval<'wald'> {
  return symmetricInterval(estimate, twoSidedZ(level) * standardError, level, 'wald', low, high);
}
