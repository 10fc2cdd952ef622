import { fail } from '../core/errors.js';
import { normalCdf } from '../stats/normal.js';
import { gaussLegendre } from '../stats/internal/gauss-legendre.js';
import { solveLinear } from '../stats/internal/linear-solve.js';

/** An EWMA chart of standardised values: smoothing `lambda`, limits ±`limit`·√(λ/(2 − λ)), two-sided. */
export interface EwmaDesign {
  readonly chart: 'ewma';
  readonly lambda: number;
  readonly limit: number;
  /** The shift of the mean in standard deviations (default 0: the in-control ARL). */
  readonly shift?: number | undefined;
}

/** A CUSUM chart of standardised values: reference value `k`, decision interval `h`. */
export interface CusumDesign {
  readonly chart: 'cusum';
  readonly k: number;
  readonly h: number;
  readonly shift?: number | undefined;
  /** `'two'` (default: upward and downward CUSUMs together) or `'one'` (the upward alone). */
  readonly sided?: 'one' | 'two' | undefined;
}

/** Nodes of the quadrature: R spc's defaults (40 for the EWMA, 30 for the CUSUM). */
const EWMA_NODES = 40;
const CUSUM_NODES = 30;

const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/**
 * The average run length of an EWMA or CUSUM chart of standardised values (normal, σ = 1):
 * the mean number of periods until a signal, with the process in control (`shift` 0: how
 * often it cries wolf) or shifted by `shift` standard deviations (how soon it sees it). It
 * solves the run length's integral equation by Gauss–Legendre quadrature (the Nyström
 * method), as R `spc`'s `xewma.arl(λ, L, shift, sided = "two")` and `xcusum.arl(k, h, shift)`
 * do, equal to them to the digits they print. A two-sided CUSUM combines the two one-sided
 * ones, 1/ARL = 1/ARL⁺ + 1/ARL⁻. Choose λ and L (or k and h) by the in-control ARL you can
 * live with and the shift you want to see.
 *
 * @throws {CxValidationError} for λ outside (0, 1], a limit, k or h that is not positive, or a shift that is not finite.
 *
 * @example
 * ```ts
 * averageRunLength({ chart: 'ewma', lambda: 0.1, limit: 2.814 }); // 499.58 (R spc: xewma.arl(0.1, 2.814, 0, sided = "two") = 499.5796)
 * averageRunLength({ chart: 'ewma', lambda: 0.1, limit: 2.814, shift: 1 }); // 10.331
 * averageRunLength({ chart: 'cusum', k: 0.5, h: 5, sided: 'one' }); // 930.89 (R: xcusum.arl(0.5, 5, 0))
 * ```
 */
export function averageRunLength(design: EwmaDesign | CusumDesign): number {
  const shift = design.shift ?? 0;
  if (!Number.isFinite(shift)) fail('invalid_option', ['shift'], `shift must be a finite number of standard deviations, got ${String(shift)}`);
  if (design.chart === 'ewma') {
    const { lambda, limit } = design;
    if (!(lambda > 0 && lambda <= 1)) fail('invalid_option', ['lambda'], `lambda must be in (0, 1], got ${String(lambda)}`);
    if (!(limit > 0 && Number.isFinite(limit))) fail('invalid_option', ['limit'], `limit must be a positive number of standard deviations, got ${String(limit)}`);
    return ewmaRunLength(lambda, limit, shift);
  }
  if (design.chart !== 'cusum') fail('invalid_option', ['chart'], `chart is 'ewma' or 'cusum', got ${JSON.stringify((design as { chart: unknown }).chart)}`);
  const { k, h } = design;
  if (!(k >= 0 && Number.isFinite(k))) fail('invalid_option', ['k'], `k must be a number ≥ 0, got ${String(k)}`);
  if (!(h > 0 && Number.isFinite(h))) fail('invalid_option', ['h'], `h must be a positive number, got ${String(h)}`);
  const up = cusumRunLength(k, h, shift);
  if (design.sided === 'one') return up;
  return 1 / (1 / up + 1 / cusumRunLength(k, h, -shift));
}

/** Two-sided EWMA: L(z) = 1 + ∫ L(y) φ((y − (1 − λ)z)/λ − μ)/λ dy over ±c·√(λ/(2 − λ)), from z = 0. */
function ewmaRunLength(lambda: number, limit: number, shift: number): number {
  const bound = limit * Math.sqrt(lambda / (2 - lambda));
  const { nodes, weights } = gaussLegendre(EWMA_NODES, -bound, bound);
  const r = nodes.length;
  const kernel = (from: number, j: number) => (weights[j]! / lambda) * density((nodes[j]! - (1 - lambda) * from) / lambda - shift);
  const matrix = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) matrix[i * r + j] = (i === j ? 1 : 0) - kernel(nodes[i]!, j);
  const lengths = solveLinear(matrix, new Float64Array(r).fill(1), r);
  let arl = 1;
  for (let j = 0; j < r; j++) arl += kernel(0, j) * lengths[j]!;
  return arl;
}

/** Upper CUSUM S = max(0, S + x − k), signal above h: L(s) = 1 + Φ(k − s − μ)·L(0) + ∫₀ʰ L(y) φ(y + k − s − μ) dy, from s = 0. */
function cusumRunLength(k: number, h: number, shift: number): number {
  const { nodes, weights } = gaussLegendre(CUSUM_NODES, 0, h);
  const points = [0, ...nodes];
  const size = points.length;
  const matrix = new Float64Array(size * size);
  points.forEach((s, i) => {
    matrix[i * size] = (i === 0 ? 1 : 0) - normalCdf(k - s - shift);
    for (let j = 0; j < nodes.length; j++) matrix[i * size + j + 1] = (i === j + 1 ? 1 : 0) - weights[j]! * density(nodes[j]! + k - s - shift);
  });
  return solveLinear(matrix, new Float64Array(size).fill(1), size)[0]!;
}
