import { P_VALUE_ADJUSTMENTS, type PValueAdjustment } from '../../../../src/stats/adjust-p-values.js';
import { single, type Flag, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';

/** `--adjust`: how a report's family of tests (a trend's changes, a journey's stages) is adjusted. */
export const ADJUST_FLAG: Flag = {
  name: 'adjust',
  value: 'METHOD',
  help: `how the p-values of each family of tests are adjusted for their number: ${P_VALUE_ADJUSTMENTS.join(', ')} (default holm)`,
};

export function adjustFlag(args: ParsedArgs): PValueAdjustment | undefined {
  const text = single(args, 'adjust');
  if (text === undefined) return undefined;
  if (!(P_VALUE_ADJUSTMENTS as readonly string[]).includes(text)) throw new UsageError(`--adjust takes ${P_VALUE_ADJUSTMENTS.join(', ')}, got ${JSON.stringify(text)}`);
  return text as PValueAdjustment;
}

/** How the footers name an adjustment. */
export const ADJUSTMENT_NAMES: Readonly<Record<PValueAdjustment, string>> = {
  holm: "Holm's method",
  hochberg: "Hochberg's method",
  bonferroni: 'Bonferroni',
  'benjamini-hochberg': 'Benjamini–Hochberg (false discovery rate)',
  'benjamini-yekutieli': 'Benjamini–Yekutieli (false discovery rate)',
  none: 'none',
};

/** The footer line that says how the p-values were adjusted and which tests form each family. */
export function adjustmentNote(method: PValueAdjustment, families: string): string {
  return method === 'none' ? 'p adj.: not adjusted (--adjust none), each test taken alone' : `p adj.: adjusted by ${ADJUSTMENT_NAMES[method]}; families of tests: ${families}`;
}
