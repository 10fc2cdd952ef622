import { describeValue } from '../../core/errors.js';

/** A wave as visits name it: text such as `'2026-11'` or a number. */
export type WaveKey = string | number;

/** Why a value cannot name a wave, or null when it can. */
export function waveProblem(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return null;
  if (value === null || value === undefined || value === '') return 'has no wave';
  return `names its wave by ${describeValue(value)}; a wave is text such as "2026-11" or a number${value instanceof Date ? ' (for a date, give its month or quarter as text)' : ''}`;
}

/**
 * Waves in order: numbers ascending, then text in code-unit order, which puts ISO months
 * (`2026-09` < `2026-10`), quarters and `W1`… `W9` as written — name waves so they sort.
 */
export function sortWaves(waves: Iterable<WaveKey>): WaveKey[] {
  return [...waves].sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
