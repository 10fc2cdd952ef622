/**
 * The correlation matrix of p columns of equal length (row-major p × p), by co-moments
 * updated one row at a time (Welford) after dividing each column by its largest magnitude —
 * as `pearson` does for a pair, so values near 1e154 or ±1e308 neither cancel nor overflow.
 * `constant` lists the columns without spread (their rows and columns of the matrix are NaN).
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): { readonly matrix: Float64Array; readonly constant: readonly number[] } {
  const p = columns.length;
  const n = p === 0 ? 0 : columns[0]!.length;
  const scales = columns.map((column) => {
    let largest = 0;
    for (let i = 0; i < column.length; i++) largest = Math.max(largest, Math.abs(column[i]!));
    return largest === 0 ? 1 : largest;
  });
  const means = new Float64Array(p);
  const deltas = new Float64Array(p);
  const comoments = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const count = i + 1;
    for (let a = 0; a < p; a++) {
      const value = columns[a]![i]! / scales[a]!;
      deltas[a] = value - means[a]!;
      means[a]! += deltas[a]! / count;
    }
    // Σ (x_a − old mean_a)(x_b − new mean_b): the one-pass update of the co-moment.
    for (let a = 0; a < p; a++) {
      const da = deltas[a]!;
      for (let b = 0; b <= a; b++) comoments[a * p + b]! += da * (columns[b]![i]! / scales[b]! - means[b]!);
    }
  }
  const constant: number[] = [];
  for (let a = 0; a < p; a++) if (!(comoments[a * p + a]! > 0)) constant.push(a);
  const matrix = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const r = a === b ? 1 : comoments[a * p + b]! / Math.sqrt(comoments[a * p + a]! * comoments[b * p + b]!);
      const value = constant.includes(a) || constant.includes(b) ? Number.NaN : Math.min(1, Math.max(-1, r));
      matrix[a * p + b] = value;
      matrix[b * p + a] = value;
    }
  }
  return { matrix, constant };
}
