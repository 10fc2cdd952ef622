/**
 * Solves A·x = b for a small square A (p × p, row-major: a calibration's normal equations, a
 * run-length integral equation's nodes) by Gauss–Jordan elimination with partial pivoting. A
 * direction with no information (a pivot near 0, as when a margin's category has no rows in
 * the fit) gets 0, as R's pivoting QR leaves an aliased coefficient out.
 */
export function solveLinear(matrix: Float64Array, vector: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(vector);
  const scale = Math.max(1e-300, ...Array.from(a, Math.abs));
  const skipped = new Uint8Array(p);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let row = col + 1; row < p; row++) if (Math.abs(a[row * p + col]!) > Math.abs(a[pivot * p + col]!)) pivot = row;
    if (Math.abs(a[pivot * p + col]!) <= 1e-12 * scale) {
      skipped[col] = 1;
      continue;
    }
    if (pivot !== col) {
      for (let k = 0; k < p; k++) [a[col * p + k], a[pivot * p + k]] = [a[pivot * p + k]!, a[col * p + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    for (let row = 0; row < p; row++) {
      if (row === col) continue;
      const factor = a[row * p + col]! / a[col * p + col]!;
      if (factor === 0) continue;
      for (let k = col; k < p; k++) a[row * p + k]! -= factor * a[col * p + k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(p);
  for (let k = 0; k < p; k++) x[k] = skipped[k] ? 0 : b[k]! / a[k * p + k]!;
  return x;
}
