import { twoSidedZ } from './interval.js';

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
