import { describeValue, fail } from '../core/errors.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';

/** One theme's agreement between two codings. */
export interface ThemeAgreement {
  readonly id: string;
  /** Cohen's κ = (pₒ − pₑ)/(1 − pₑ); null when pₑ = 1 (both codings give every comment the same code). */
  readonly kappa: number | null;
  /** Observed agreement pₒ, 0–100: comments both codings give the theme or both do not. */
  readonly agreement: number;
  /** Comments coded by both (the base). */
  readonly n: number;
  /** Comments both give the theme; only the first; only the second; neither. */
  readonly both: number;
  readonly onlyA: number;
  readonly onlyB: number;
  readonly neither: number;
}

/** The result of {@link codingAgreement}. */
export interface CodingAgreement {
  /** Comments coded by both (a null entry on either side leaves a comment out). */
  readonly n: number;
  /** Every theme either coding uses, in the order first seen (the first coding before the second). */
  readonly themes: readonly ThemeAgreement[];
}

/**
 * How far two codings of the same comments agree, theme by theme: for each theme, whether
 * each coding gives it to a comment, Cohen's κ (1960) of those yes/no codes, and the observed
 * agreement. Check any coder — a codebook, an LLM's tags, a second reader — against a
 * hand-coded sample before trusting its themes. `a[i]` and `b[i]` are the theme ids each
 * coding gives comment i; null where that coding left the comment out.
 *
 * @throws {CxValidationError} when the codings differ in length or an entry is not a list of ids.
 * @example
 * ```ts
 * const byHand = [['price'], ['price', 'staff'], [], ['staff']];
 * const byCodebook = [['price'], ['price'], [], ['staff']];
 * const agreement = codingAgreement(byHand, byCodebook);
 * agreement.themes[0]?.kappa; // 1 (price: the same two comments)
 * agreement.themes[1]?.kappa; // 0.5 (staff: pₒ = 3/4, pₑ = 1/2)
 * ```
 */
export function codingAgreement(a: readonly (readonly string[] | null)[], b: readonly (readonly string[] | null)[]): CodingAgreement {
  if (!Array.isArray(a) || !Array.isArray(b)) fail('invalid_type', [], 'give two arrays: the theme ids of each comment in each coding');
  if (a.length !== b.length) fail('length_mismatch', [], `the codings cover ${a.length} and ${b.length} comments; they must code the same comments`);
  const log = newIssueLog();
  const ids: string[] = [];
  const seen = new Set<string>();
  const sets = [a, b].map((coding, c) =>
    coding.map((entry, i) => {
      if (entry === null) return null;
      if (!Array.isArray(entry) || entry.some((id) => typeof id !== 'string')) {
        logIssue(log, { code: 'invalid_type', path: [c === 0 ? 'a' : 'b', i], message: `expected a list of theme ids or null, got ${describeValue(entry)}` });
        return null;
      }
      for (const id of entry as string[]) if (!seen.has(id)) (seen.add(id), ids.push(id));
      return new Set(entry as string[]);
    }),
  );
  throwIfIssues(log);
  const [first, second] = sets as [(Set<string> | null)[], (Set<string> | null)[]];
  const coded = first.flatMap((set, i) => (set === null || second[i] === null ? [] : [[set, second[i]!] as const]));
  const n = coded.length;
  const themes = ids.map((id): ThemeAgreement => {
    let both = 0;
    let onlyA = 0;
    let onlyB = 0;
    for (const [x, y] of coded) {
      if (x.has(id) && y.has(id)) both++;
      else if (x.has(id)) onlyA++;
      else if (y.has(id)) onlyB++;
    }
    const neither = n - both - onlyA - onlyB;
    const observed = n > 0 ? (both + neither) / n : 0;
    const expected = n > 0 ? ((both + onlyA) * (both + onlyB) + (onlyB + neither) * (onlyA + neither)) / (n * n) : 1;
    return { id, kappa: expected < 1 ? (observed - expected) / (1 - expected) : null, agreement: observed * 100, n, both, onlyA, onlyB, neither };
  });
  return { n, themes };
}
