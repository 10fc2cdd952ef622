import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen.js';

describe('symmetricEigen (cyclic Jacobi)', () => {
  it('equals R eigen(symmetric = TRUE) on a 3 × 3 matrix, eigenvectors up to sign', () => {
    // R 4.2.2: e <- eigen(matrix(c(4, 1, 2, 1, 3, 0.5, 2, 0.5, 5), 3), symmetric = TRUE)
    const { values, vectors } = symmetricEigen([4, 1, 2, 1, 3, 0.5, 2, 0.5, 5], 3);
    [6.8312544306982055, 3.0722239520050731, 2.0965216172967183].forEach((value, i) => expect(values[i]).toBeCloseTo(value, 13));
    const r = [
      [-0.6165671582, -0.3257672733, 0.7167430663],
      [-0.2580044446, -0.7765018814, -0.5748726248],
      [-0.7438270269, 0.5393704774, -0.3947161539],
    ];
    for (let column = 0; column < 3; column++) {
      const sign = Math.sign(vectors[column]!) * Math.sign(r[0]![column]!);
      for (let row = 0; row < 3; row++) expect(sign * vectors[row * 3 + column]!).toBeCloseTo(r[row]![column]!, 9);
    }
  });

  it('V Λ Vᵀ gives the matrix back and V is orthonormal, for random symmetric matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }))), ([n, entries]) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = (entries[i * n + j]! + entries[j * n + i]!) / 2;
        const { values, vectors } = symmetricEigen(a, n);
        for (let i = 0; i < n; i++) {
          if (i > 0) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
          for (let j = 0; j < n; j++) {
            let rebuilt = 0;
            let gram = 0;
            for (let m = 0; m < n; m++) {
              rebuilt += vectors[i * n + m]! * values[m]! * vectors[j * n + m]!;
              gram += vectors[m * n + i]! * vectors[m * n + j]!;
            }
            expect(rebuilt).toBeCloseTo(a[i * n + j]!, 9);
            expect(gram).toBeCloseTo(i === j ? 1 : 0, 12);
          }
        }
      }),
    );
  });
});
