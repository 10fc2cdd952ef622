import { symmetricEigen } from '../../stats/internal/symmetric-eigen.js';

/**
 * R² of the outcome on all k drivers and each driver's part of it, from the drivers'
 * correlation matrix `rxx` (row-major k × k, positive definite) and their correlations with
 * the outcome `rxy`. Both methods split R² exactly: the parts add up to it.
 */
export interface Decomposition {
  readonly rSquared: number;
  readonly parts: Float64Array;
}

/** Eigenvalues below this share of the largest mean the drivers are (numerically) collinear. */
const COLLINEAR = 1e-10;

/** The eigen-decomposition of the drivers' correlation matrix, shared by the collinearity check and the weights. */
export type Eigen = ReturnType<typeof symmetricEigen>;

/**
 * The eigenvector of a singular correlation matrix, or null when the matrix is positive
 * definite: its large components name the drivers that are linear combinations of each other.
 */
export function collinearCombination({ values, vectors }: Eigen, k: number): Float64Array | null {
  if (values[k - 1]! > COLLINEAR * values[0]!) return null;
  return Float64Array.from({ length: k }, (_, i) => vectors[i * k + k - 1]!);
}

/**
 * Johnson's relative weights (J. W. Johnson 2000, "A heuristic method for estimating the
 * relative weight of predictor variables in multiple regression", Multivariate Behavioral
 * Research 35(1):1–19). With R = VΛVᵀ, the drivers' closest orthonormal counterparts are
 * Z = X·R^(−½); the outcome's regression on Z has weights β = R^(−½)·r (their squares add up to
 * R² = rᵀR⁻¹r), and Λ^½-loadings share each β² back: ε_j = Σ_k (R^½)_jk² β_k².
 */
export function relativeWeights({ values, vectors }: Eigen, rxy: Float64Array, k: number): Decomposition {
  // R^½ = V Λ^½ Vᵀ and β = V Λ^(−½) Vᵀ r.
  const half = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += vectors[i * k + m]! * Math.sqrt(values[m]!) * vectors[j * k + m]!;
      half[i * k + j] = sum;
    }
  }
  const projected = new Float64Array(k); // Λ^(−½) Vᵀ r
  for (let m = 0; m < k; m++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += vectors[i * k + m]! * rxy[i]!;
    projected[m] = sum / Math.sqrt(values[m]!);
  }
  const beta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    for (let m = 0; m < k; m++) sum += vectors[i * k + m]! * projected[m]!;
    beta[i] = sum;
  }
  const parts = new Float64Array(k);
  let rSquared = 0;
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let m = 0; m < k; m++) sum += half[j * k + m]! ** 2 * beta[m]! ** 2;
    parts[j] = sum;
    rSquared += beta[j]! ** 2;
  }
  return { rSquared, parts };
}

/** Above this many drivers the 2^k regressions of the Shapley decomposition take over a second. */
export const MAX_SHAPLEY_DRIVERS = 20;

/**
 * The Shapley value of each driver in R² (Lindeman, Merenda & Gold 1980, "LMG"; Grömping 2006,
 * relaimpo's `lmg`): its gain in R² when added to each subset S of the other drivers, averaged
 * with weight |S|!(k − |S| − 1)!/k!. Exact: R²(S) = r_Sᵀ R_SS⁻¹ r_S for all 2^k subsets, by a
 * depth-first walk that extends the Cholesky factor of R_SS one driver at a time, so each
 * subset costs one triangular solve.
 */
export function shapley(rxx: Float64Array, rxy: Float64Array, k: number): Decomposition {
  const rSquaredOf = new Float64Array(2 ** k);
  const factor = new Float64Array(k * k); // row t: the Cholesky row of the t-th driver on the path
  const whitened = new Float64Array(k); // L⁻¹ r_S along the path
  const path = new Int32Array(k);
  const extend = (depth: number, first: number, mask: number, rSquared: number): void => {
    for (let j = first; j < k; j++) {
      // Row `depth` of L for S + j: l = L⁻¹ R_S,j, diagonal √(1 − l·l); then (L⁻¹ r) gains one entry.
      let norm = 0;
      let projection = 0;
      for (let t = 0; t < depth; t++) {
        let sum = rxx[path[t]! * k + j]!;
        for (let u = 0; u < t; u++) sum -= factor[t * k + u]! * factor[depth * k + u]!;
        const l = sum / factor[t * k + t]!;
        factor[depth * k + t] = l;
        norm += l * l;
        projection += l * whitened[t]!;
      }
      const diagonal = Math.sqrt(Math.max(1 - norm, Number.MIN_VALUE));
      factor[depth * k + depth] = diagonal;
      const w = (rxy[j]! - projection) / diagonal;
      whitened[depth] = w;
      path[depth] = j;
      const next = mask | (1 << j);
      rSquaredOf[next] = rSquared + w * w;
      extend(depth + 1, j + 1, next, rSquaredOf[next]!);
    }
  };
  extend(0, 0, 0, 0);
  // |S|!(k − |S| − 1)!/k! by subset size.
  const weights = Float64Array.from({ length: k }, (_, size) => 1 / (k * binomial(k - 1, size)));
  const parts = new Float64Array(k);
  for (let mask = 0; mask < rSquaredOf.length; mask++) {
    const size = popcount(mask);
    for (let j = 0; j < k; j++) {
      const bit = 1 << j;
      if ((mask & bit) === 0) parts[j]! += weights[size]! * (rSquaredOf[mask | bit]! - rSquaredOf[mask]!);
    }
  }
  return { rSquared: rSquaredOf[rSquaredOf.length - 1]!, parts };
}

function binomial(n: number, r: number): number {
  let result = 1;
  for (let i = 1; i <= r; i++) result = (result * (n - r + i)) / i;
  return result;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
