import { round } from '../../core/round.js';

/** A score for a table: rounded half away from zero to `digits`, "–" when there is none. */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? '–' : round(value, digits).toFixed(digits);
}

/** An interval for a table: "[44.5, 46.3]", "–" when there is none. */
export function bracket(interval: { readonly lower: number; readonly upper: number } | null | undefined, digits: number): string {
  return interval ? `[${fixed(interval.lower, digits)}, ${fixed(interval.upper, digits)}]` : '–';
}

/** A p-value for a table: 4 significant decimals, "<0.0001" below that. */
export function pValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value < 0.0001 ? '<0.0001' : value.toFixed(4);
}
