import { describeValue, fail } from '../core/errors.js';
import { checkNumber, checkProbability } from './internal/check-probability.js';
import { incompleteBeta, logBeta, logGamma } from './internal/incomplete-beta.js';
import { normalCdf, normalQuantile } from './normal.js';

/** Above this many degrees of freedom the t tail comes from a normal approximation. */
const LARGE_DF = 1e7;

function checkDf(df: number): void {
  if (typeof df !== 'number' || !(df > 0)) {
    fail('invalid_option', ['df'], `degrees of freedom must be a positive number, got ${describeValue(df)}`);
  }
}

/** Below this many degrees of freedom the t distribution is, in doubles, all at ±Infinity. */
const TINY_DF = 1e-300;

/** Beyond this t, t² overflows (or df/t² underflows), and the tail is taken in logs. */
const HUGE_T = 1e150;

/** P(T > t) for t ≥ 0. */
function upperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  // Below 1e-300 df nearly all the mass is at ±Infinity: the tail is 0.5 within 1e-297 for
  // every finite t (where df/2 would underflow to 0 and give NaN; R's pt gives NaN there).
  if (df < TINY_DF) return 0.5;
  if (df > LARGE_DF) {
    // Abramowitz & Stegun 26.7.8: error O(df⁻²), below 1e-13 past 10⁷ df, where the continued
    // fraction would need ever more terms and lose digits. hypot keeps t·√(2v) from overflowing.
    const v = 1 / (4 * df);
    return normalCdf((-t * (1 - v)) / Math.hypot(1, t * Math.sqrt(2 * v)));
  }
  if (t > HUGE_T) {
    // x = df/(df + t²) < 1e-293: I_x(a, ½) = x^a / (a·B(a, ½)) · (1 + O(x)), exact in doubles.
    const a = df / 2;
    return 0.5 * Math.exp(a * (Math.log(df) - 2 * Math.log(t)) - logBeta(a, 0.5) - Math.log(a));
  }
  // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2); both arguments formed without cancellation.
  const denominator = df + t * t;
  return 0.5 * incompleteBeta(df / denominator, (t * t) / denominator, df / 2, 0.5).lower;
}

/**
 * The cumulative distribution function of Student's t with `df` degrees of freedom (any
 * positive real, so Welch's fractional df work): P(T ≤ t).
 *
 * Through the regularized incomplete beta function (continued fraction, each tail computed
 * directly, ln B(a, ½) without cancellation for large df); above 10⁷ df, the normal
 * approximation of Abramowitz & Stegun 26.7.8. Agrees with R's `pt` to 1e-10.
 *
 * @throws {CxValidationError} when `t` is NaN or `df` is not positive.
 * @example
 * ```ts
 * studentTCdf(2.0, 10); // 0.963306 (R: pt(2, 10) = 0.9633059826146297)
 * studentTCdf(0, 3); // 0.5
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  checkNumber(t, 't');
  checkDf(df);
  const tail = upperTail(Math.abs(t), df);
  return t > 0 ? 1 - tail : tail;
}

/** Student's t density, for Newton steps. */
function density(t: number, df: number): number {
  if (df === Infinity || df > 1e7) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  const logConstant = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logConstant - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** ln of the largest t searched: e^709.78 = 1.797e308, just below Number.MAX_VALUE. */
const LOG_MAX = 709.78;

/** The t > 0 with P(T > t) = tail, for 0 < tail < 0.5 (Infinity past the largest double). */
function invertUpperTail(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail); // Cauchy: exact.
  // Newton on s = ln t, where ln P(T > t) is nearly linear in the heavy tails; kept inside a
  // bracket that bisection shrinks whenever a Newton step would leave it.
  const logTail = Math.log(tail);
  const gap = (s: number): number => Math.log(upperTail(Math.exp(s), df)) - logTail;
  const z = normalQuantile(1 - tail);
  // Below about one degree of freedom the quantile can pass the largest double (R: qt(0.9,
  // 0.001) = Inf); the search stops there.
  let s = Math.min(Math.log(z + (z * z * z + z) / (4 * df)), LOG_MAX);
  let low = s;
  let high = s;
  while (gap(low) < 0) low -= 1;
  while (gap(high) > 0) {
    if (high === LOG_MAX) return Infinity;
    high = Math.min(high + 1, LOG_MAX);
  }
  for (let i = 0; i < 200; i++) {
    const t = Math.exp(s);
    const tailAtT = upperTail(t, df);
    const value = Math.log(tailAtT) - logTail;
    if (value === 0) break;
    if (value > 0) low = s;
    else high = s;
    const slope = (-t * density(t, df)) / tailAtT;
    let next = s - value / slope;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - s) <= 1e-15 * Math.max(1, Math.abs(s))) {
      s = next;
      break;
    }
    s = next;
  }
  return Math.exp(s);
}

/**
 * The quantile function of Student's t: the t with P(T ≤ t) = p, for any positive `df`.
 * Critical values for t intervals: `studentTQuantile(0.975, n - 1)`.
 *
 * Inverts {@link studentTCdf} by safeguarded Newton iteration (closed form for df = 1), so
 * it agrees with R's `qt` to 1e-9 or better. (Where they differ beyond 1e-11, R's own `pt`
 * sides with this result: `pt(-2.2281388519649385, 10)` is 0.0250000000009, not 0.025.)
 * Far below one degree of freedom the quantile can lie past the largest double; then it is
 * ±Infinity, as in R (`qt(0.9, 0.001)` is `Inf`).
 *
 * @throws {CxValidationError} when `p` is not in [0, 1] or `df` is not positive.
 * @example
 * ```ts
 * studentTQuantile(0.975, 10); // 2.228138852 (R: qt(0.975, 10) = 2.228138852)
 * studentTQuantile(0.5, 4); // 0
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability(p);
  checkDf(df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the smaller tail is always exact.
  return p < 0.5 ? -invertUpperTail(p, df) : invertUpperTail(1 - p, df);
}
