import { CxValidationError, describeValue, fail } from '../core/errors.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';

/** The corrections of {@link adjustPValues}, as R's `p.adjust` names them (`BH` and `BY` spelled out). */
export type PValueAdjustment = 'holm' | 'hochberg' | 'bonferroni' | 'benjamini-hochberg' | 'benjamini-yekutieli' | 'none';

/** Every {@link PValueAdjustment}, for option schemas and command-line checks. */
export const P_VALUE_ADJUSTMENTS: readonly PValueAdjustment[] = Object.freeze(['holm', 'hochberg', 'bonferroni', 'benjamini-hochberg', 'benjamini-yekutieli', 'none']);

/**
 * p-values adjusted for being one family of m tests, in the order given; equal to R's
 * `p.adjust(p, method)`. With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted:
 * - `'bonferroni'`: min(1, m·p) — controls the family-wise error rate (FWER);
 * - `'holm'`: the running maximum of (m − i + 1)·p₍ᵢ₎ (Holm 1979) — the same FWER control,
 *   never less powerful than Bonferroni: the default of the reports;
 * - `'hochberg'`: the running minimum from the top of (m − i + 1)·p₍ᵢ₎ (Hochberg 1988) —
 *   FWER, valid for independent or positively dependent tests;
 * - `'benjamini-hochberg'`: the running minimum from the top of m/i·p₍ᵢ₎ — controls the false
 *   discovery rate (FDR, Benjamini & Hochberg 1995), R's `"BH"`;
 * - `'benjamini-yekutieli'`: BH × Σ₁ᵐ 1/k, FDR under any dependence (2001), R's `"BY"`;
 * - `'none'`: the p-values themselves.
 * Every result is capped at 1 and is never below its raw p-value.
 *
 * @throws {CxValidationError} naming the index of a p-value that is NaN, not a number or
 * outside 0…1, or for an unknown method.
 * @example
 * ```ts
 * adjustPValues([0.01, 0.02, 0.03, 0.04, 0.05], 'holm'); // [0.05, 0.08, 0.09, 0.09, 0.09]
 * adjustPValues([0.01, 0.02, 0.03, 0.04, 0.05], 'benjamini-hochberg'); // [0.05, 0.05, 0.05, 0.05, 0.05]
 * ```
 */
export function adjustPValues(pValues: readonly number[], method: PValueAdjustment): number[] {
  if (!P_VALUE_ADJUSTMENTS.includes(method)) fail('invalid_option', ['method'], `method must be one of ${P_VALUE_ADJUSTMENTS.join(', ')}, got ${describeValue(method)}`);
  if (!Array.isArray(pValues)) throw new CxValidationError([{ code: 'invalid_type', path: [], message: `expected an array of p-values, got ${describeValue(pValues)}` }]);
  checkPValues(pValues);
  const m = pValues.length;
  if (method === 'none') return pValues.slice();
  if (method === 'bonferroni') return pValues.map((p) => Math.min(1, m * p));
  // Indices by p ascending (ties in input order, as R's order()).
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, (m - rank) * pValues[index]!);
      adjusted[index] = Math.min(1, running);
    });
    return adjusted;
  }
  // Step-up methods: from the largest p down, a running minimum of factor(rank)·p.
  const harmonic = method === 'benjamini-yekutieli' ? harmonicNumber(m) : 1;
  const factor = (rank: number): number => (method === 'hochberg' ? m - rank : (harmonic * m) / (rank + 1));
  let running = Infinity;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]!;
    running = Math.min(running, factor(rank) * pValues[index]!);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

function harmonicNumber(m: number): number {
  let total = 0;
  for (let k = 1; k <= m; k++) total += 1 / k;
  return total;
}

function checkPValues(pValues: readonly unknown[]): void {
  const log = newIssueLog();
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (typeof p !== 'number') logIssue(log, { code: 'invalid_type', path: [i], message: `expected a p-value, got ${describeValue(p)}` });
    else if (Number.isNaN(p)) logIssue(log, { code: 'not_finite', path: [i], message: 'a p-value cannot be NaN' });
    else if (!(p >= 0 && p <= 1)) logIssue(log, { code: 'out_of_range', path: [i], message: `a p-value is from 0 to 1, got ${p}` });
  }
  throwIfIssues(log);
}
