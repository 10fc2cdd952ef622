/**
 * Gauss–Legendre quadrature: `count` nodes and weights on [a, b], from the roots of the
 * Legendre polynomial by Newton's method (Numerical Recipes' gauleg). Exact for polynomials
 * of degree up to 2·count − 1.
 */
export function gaussLegendre(count: number, a: number, b: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(count);
  const weights = new Float64Array(count);
  for (let i = 1; i <= count; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (count + 0.5));
    let slope = 0;
    for (let step = 0; step < 100; step++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= count; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      slope = (count * (z * p1 - p2)) / (z * z - 1);
      const previous = z;
      z = previous - p1 / slope;
      if (Math.abs(z - previous) < 1e-15) break;
    }
    nodes[i - 1] = (a + b) / 2 - ((b - a) / 2) * z;
    weights[i - 1] = (b - a) / ((1 - z * z) * slope * slope);
  }
  return { nodes, weights };
}
