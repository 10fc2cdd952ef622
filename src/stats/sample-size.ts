import { fail } from '../core/errors.js';
import { twoSidedZ } from './interval.js';

/**
 * The smallest margin of error the sample-size functions accept, in points. Margins are in
 * points (5 = ±5 points), and a fraction written by habit (0.05 for ±5 %) would otherwise
 * come back as millions of answers without a word. ±0.5 points already needs about 38 000
 * answers for CSAT and 154 000 for NPS.
 */
export const MIN_MARGIN_OF_ERROR = 0.5;

/** Refuses a margin below {@link MIN_MARGIN_OF_ERROR}, saying what was probably meant. */
export function checkMarginOfError(margin: number, unit: string): void {
  if (margin >= MIN_MARGIN_OF_ERROR) return;
  fail(
    'invalid_option',
    ['marginOfError'],
    `is in ${unit} and at least ${MIN_MARGIN_OF_ERROR}, got ${margin}; for ±${margin * 100} ${unit} write ${margin * 100}`,
  );
}

/**
 * Answers needed for an interval of half-width `margin` around an estimate whose per-answer
 * variance is `variance`: n = z²σ²/e², then n / (1 + (n − 1)/N) for a population of N.
 * Rounded up, at least 1.
 */
export function requiredSampleSize(variance: number, margin: number, level: number, population?: number): number {
  let needed = (twoSidedZ(level) ** 2 * variance) / (margin * margin);
  if (population !== undefined) needed = needed / (1 + (needed - 1) / population);
  // A hair of tolerance so that binary noise on an exact integer does not add a respondent.
  return Math.max(1, Math.ceil(needed - 1e-9));
}
