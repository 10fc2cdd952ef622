import { fail } from './errors.js';
import { checkTally } from './check-tally.js';
import { emptyTally, mergeInto } from './internal/mutable-tally.js';
import { formatScale, sameScale } from './scale.js';
import type { Tally } from './tally-types.js';

/**
 * Adds tallies of the same scale: `mergeTallies(tally(a), tally(b))` equals
 * `tally([...a, ...b])`, rejected indices included (those of `b` are shifted by the length of `a`).
 * With fractional weights the sums may differ in the last bits, as any reordered sum does.
 *
 * @throws {CxValidationError} when a tally is malformed or the scales differ.
 * @example
 * ```ts
 * const merged = mergeTallies(tally([10, 9], { scale: NPS_SCALE }), tally([0, null], { scale: NPS_SCALE }));
 * merged.n; // 3
 * merged.missing; // 1
 * ```
 */
export function mergeTallies(first: Tally, ...rest: readonly Tally[]): Tally {
  const head = checkTally(first, [0]);
  const total = emptyTally(head.scale);
  mergeInto(total, head);
  rest.forEach((next, i) => {
    const checked = checkTally(next, [i + 1]);
    if (!sameScale(checked.scale, head.scale)) {
      fail('invalid_tally', [i + 1, 'scale'], `cannot merge a tally on ${formatScale(checked.scale)} into one on ${formatScale(head.scale)}`);
    }
    mergeInto(total, checked);
  });
  return total;
}
