import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';

/** Options of {@link krippendorffAlpha}. */
export interface KrippendorffOptions {
  /** `'nominal'` (codes are names: any difference counts 1) or `'interval'` (numbers: the squared difference). */
  readonly level: 'nominal' | 'interval';
}

/** The result of {@link krippendorffAlpha}. */
export interface KrippendorffAlpha {
  /** α = 1 − Dₒ/Dₑ; null when there is no disagreement to expect (every pairable value the same) or nothing to pair. */
  readonly alpha: number | null;
  readonly level: 'nominal' | 'interval';
  /** Units with at least two values (the others cannot be paired and are left out, as Krippendorff defines). */
  readonly units: number;
  /** Pairable values: n in Krippendorff's notation. */
  readonly values: number;
  /** Dₒ and Dₑ: the observed and the expected disagreement. */
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
}

const optionsSchema = z.strictObject({ level: z.enum(['nominal', 'interval']) });

/**
 * Krippendorff's α for any number of coders, with missing codes (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"): each unit is the list of the values its
 * coders gave, `null` where a coder gave none. Units with fewer than two values are left out;
 * each pair of values within a unit of m values counts 1/(m − 1) in the coincidence matrix,
 * Dₒ = Σ o_ck·δ²_ck / n and Dₑ = Σ n_c·n_k·δ²_ck / (n(n − 1)). Nominal values may be text or
 * numbers; interval values must be numbers.
 *
 * @throws {CxValidationError} for a unit that is not a list, or a value of the wrong kind.
 * @example
 * ```ts
 * // Three comments, each coded by two coders (1 = mentions price, 0 = does not).
 * const result = krippendorffAlpha([[1, 1], [0, 0], [1, 0]], { level: 'nominal' });
 * result.values; // 6
 * result.alpha; // 0.4444444444444444 (1 − (2/6) / (18/30))
 * ```
 */
export function krippendorffAlpha(units: readonly (readonly unknown[])[], options: KrippendorffOptions): KrippendorffAlpha {
  const { level } = parseWith(optionsSchema, options);
  if (!Array.isArray(units)) fail('invalid_type', [], `units must be an array of lists of values, got ${describeValue(units)}`);
  const log = newIssueLog();
  const pairable: unknown[][] = [];
  units.forEach((unit, u) => {
    if (!Array.isArray(unit)) return logIssue(log, { code: 'invalid_type', path: [u], message: `a unit must be a list of the coders' values, got ${describeValue(unit)}` });
    const values = (unit as unknown[]).filter((value, c) => {
      if (value === null || value === undefined) return false;
      const wrong = level === 'interval' ? !(typeof value === 'number' && Number.isFinite(value)) : !(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean');
      if (wrong) logIssue(log, { code: 'invalid_type', path: [u, c], message: `expected ${level === 'interval' ? 'a finite number' : 'text, a number or true/false'} or null, got ${describeValue(value)}` });
      return !wrong;
    });
    if (values.length >= 2) pairable.push(values);
  });
  throwIfIssues(log);
  // The coincidence matrix as sums over pairs; with nominal values only whether a pair differs matters.
  const distance = level === 'interval' ? (a: unknown, b: unknown) => ((a as number) - (b as number)) ** 2 : (a: unknown, b: unknown) => (a === b ? 0 : 1);
  const marginals = new Map<unknown, number>();
  let observed = 0;
  let n = 0;
  for (const values of pairable) {
    const m = values.length;
    for (let i = 0; i < m; i++) {
      marginals.set(values[i], (marginals.get(values[i]) ?? 0) + 1);
      for (let j = 0; j < m; j++) if (i !== j) observed += distance(values[i], values[j]) / (m - 1);
    }
    n += m;
  }
  let expected = 0;
  const distinct = [...marginals];
  for (const [c, nc] of distinct) for (const [k, nk] of distinct) expected += nc * nk * distance(c, k);
  const observedDisagreement = n > 0 ? observed / n : 0;
  const expectedDisagreement = n > 1 ? expected / (n * (n - 1)) : 0;
  return {
    alpha: expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : null,
    level,
    units: pairable.length,
    values: n,
    observedDisagreement,
    expectedDisagreement,
  };
}
