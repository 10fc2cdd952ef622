import { clip, twoSidedZ, type Interval } from './interval.js';
import { twoSidedTPValue } from './t-test.js';

/**
 * Pearson's r of paired values, by co-moments updated one pair at a time (Welford), so
 * large means do not cancel digits. Each side is first divided by its largest magnitude:
 * r does not change, and the co-moments of values near 1e154 or ±1e308 no longer overflow
 * (their squares and differences would). Null below two pairs or when either side is constant.
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const scaleX = largestMagnitude(xs);
  const scaleY = largestMagnitude(ys);
  if (xs.length < 2 || scaleX === 0 || scaleY === 0) return null;
  let meanX = 0;
  let meanY = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const n = i + 1;
    const x = xs[i]! / scaleX;
    const y = ys[i]! / scaleY;
    const dx = x - meanX;
    const dy = y - meanY;
    meanX += dx / n;
    meanY += dy / n;
    sxx += dx * (x - meanX);
    syy += dy * (y - meanY);
    sxy += dx * (y - meanY);
  }
  if (sxx <= 0 || syy <= 0) return null;
  return clip(sxy / Math.sqrt(sxx * syy), -1, 1);
}

function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]!));
  return largest;
}

/** Ranks 1…n with ties given the mean of the ranks they span, as R's `rank()`. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** Spearman's ρ: Pearson's r of the average ranks (R `cor(method = "spearman")`). */
export function spearman(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/**
 * The test of a correlation from n pairs: t = r·√((n − 2)/(1 − r²)) on n − 2 degrees of
 * freedom (R `cor.test`; for Spearman its `exact = FALSE` t approximation), and for Pearson
 * the Fisher z interval tanh(atanh r ± z/√(n − 3)). Nulls where n is too small.
 */
export function correlationTest(r: number, n: number, level: number, withInterval: boolean): { pValue: number | null; interval: Interval<'fisher-z'> | null } {
  const pValue = n > 2 ? (Math.abs(r) === 1 ? 0 : twoSidedTPValue(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2)) : null;
  if (!withInterval || n <= 3) return { pValue, interval: null };
  const center = Math.atanh(r);
  const half = twoSidedZ(level) / Math.sqrt(n - 3);
  return { pValue, interval: { lower: Math.tanh(center - half), upper: Math.tanh(center + half), level, method: 'fisher-z' } };
}
