import { gammaln } from 'simple-statistics';

const TINY = 1e-300;
const EPSILON = 1e-16;
const MAX_ITERATIONS = 20000;

/** Continued fraction for I_x(a, b) (modified Lentz; Numerical Recipes §6.4). */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

const HALF_LOG_PI = 0.5 * Math.log(Math.PI);

/**
 * ln Γ(z) for z > 0. simple-statistics' Lanczos `gammaln` loses digits below 1 (2e-9 off at
 * 1e-10) and is Infinity below about 1e-16; there ln Γ(z) = ln Γ(z + 1) − ln z is exact.
 */
export function logGamma(z: number): number {
  return z < 1 ? gammaln(z + 1) - Math.log(z) : gammaln(z);
}

/** Stirling's series for ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π]; below 1e-18 off for z ≥ 50. */
function stirlingCorrection(z: number): number {
  const z2 = z * z;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * z2)) / z2) / z2) / z;
}

/**
 * ln B(a, b). For b = ½ and large a (the t distribution with many degrees of freedom), the
 * three log-gammas are ~a·ln a each and cancel to a small number, losing ten digits; there
 * ln Γ(a + ½) − ln Γ(a) is taken from Stirling's series without that cancellation.
 */
export function logBeta(a: number, b: number): number {
  if (b === 0.5 && a >= 50) {
    const x = 1 / (2 * a);
    const ratio = 0.5 * Math.log1p(x) / x - 0.5 + 0.5 * Math.log(a) + stirlingCorrection(a + 0.5) - stirlingCorrection(a);
    return HALF_LOG_PI - ratio;
  }
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The regularized incomplete beta function, both tails: `lower` = I_x(a, b) and
 * `upper` = 1 − I_x(a, b). Takes x and y = 1 − x separately so that callers who can form
 * 1 − x without cancellation (the t distribution can) keep full precision. The tail that is
 * computed directly keeps relative precision; the other is its complement.
 */
export function incompleteBeta(x: number, y: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * continuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * continuedFraction(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}
