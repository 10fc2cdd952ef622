import { checkNumber, checkProbability } from './internal/check-probability.js';
import { findRoot } from './internal/find-root.js';
import { incompleteBeta } from './internal/incomplete-beta.js';
import { fail } from '../core/errors.js';

/**
 * P(X ≤ x) for X ~ Beta(a, b): the regularized incomplete beta function I_x(a, b), by its
 * continued fraction (R `pbeta`).
 *
 * @throws {CxValidationError} when x is NaN or a or b is not a positive number.
 * @example
 * ```ts
 * betaCdf(0.3, 2, 5); // 0.579825 (R: pbeta(0.3, 2, 5) = 0.579825)
 * ```
 */
export function betaCdf(x: number, a: number, b: number): number {
  checkNumber(x);
  checkShapes(a, b);
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  return incompleteBeta(x, 1 - x, a, b).lower;
}

/**
 * The x with P(X ≤ x) = p for X ~ Beta(a, b) (R `qbeta`), found by Brent's method on
 * {@link betaCdf} to a few ulps: the quantiles of the Jeffreys and Clopper–Pearson intervals.
 *
 * @throws {CxValidationError} when p is not in [0, 1] or a or b is not positive.
 * @example
 * ```ts
 * betaQuantile(0.025, 8, 3); // 0.443905 (R: qbeta(0.025, 8, 3) = 0.4439045)
 * ```
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkProbability(p);
  checkShapes(a, b);
  if (p === 0) return 0;
  if (p === 1) return 1;
  // No absolute tolerance: the bracket shrinks to a few ulps of the root, so tiny quantiles
  // (qbeta(1e-10, ½, ½) ≈ 2.5e-20) keep their relative accuracy.
  return findRoot((x) => betaCdf(x, a, b) - p, 0, 1, 0);
}

function checkShapes(a: number, b: number): void {
  if (!(a > 0 && a < Infinity)) fail('invalid_option', ['a'], `a must be a positive number, got ${a}`);
  if (!(b > 0 && b < Infinity)) fail('invalid_option', ['b'], `b must be a positive number, got ${b}`);
}
