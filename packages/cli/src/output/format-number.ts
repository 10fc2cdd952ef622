import { round } from '../../../../src/core/round.js';

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

/** What a table shows of a figure hidden to protect respondents (`--min-n`). */
export const HIDDEN = 'hidden';

/** A count in a table: "–" for one that a hidden group does not show (counts read 0 without --show-counts). */
export function countCell(value: number, hidden: boolean, shown: boolean): string {
  return hidden && !shown ? '–' : String(value);
}

/** The footer line that says what "hidden" means, for a result made with a suppression rule. */
export function hiddenNote(rule: { readonly minN: number; readonly complementary: string } | undefined): string[] {
  if (rule === undefined) return [];
  const complementary = rule.complementary === 'none' ? '' : ', or hidden too so that such a group cannot be worked out by subtraction';
  return [`hidden: fewer than ${rule.minN} respondents answered${complementary} (--min-n ${rule.minN}, --complementary ${rule.complementary})`];
}
