import type { Scale } from '../scale.js';
import { scalePoints } from '../scale.js';
import { MAX_REPORTED_ISSUES } from '../errors.js';
import type { RejectedAnswer, Tally } from '../tally-types.js';

/** A tally under construction; only code in `core` writes to one. */
export interface MutableTally {
  scale: Scale;
  counts: number[];
  sumWeights: number[];
  sumSquaredWeights: number[];
  n: number;
  missing: number;
  invalid: number;
  rejected: RejectedAnswer[];
}

export function emptyTally(scale: Scale): MutableTally {
  const points = scalePoints(scale);
  return {
    scale,
    counts: new Array<number>(points).fill(0),
    sumWeights: new Array<number>(points).fill(0),
    sumSquaredWeights: new Array<number>(points).fill(0),
    n: 0,
    missing: 0,
    invalid: 0,
    rejected: [],
  };
}

/** How many input positions a tally has consumed: the index offset of whatever follows it. */
export function inputLength(tally: Tally): number {
  return tally.n + tally.missing + tally.invalid;
}

/**
 * Adds `source` into `target` (same scale, checked by the caller). Rejected indices of the
 * source are shifted by the input length already in the target, so merging the tallies of
 * consecutive chunks reports the same indices as one tally of the whole input.
 */
export function mergeInto(target: MutableTally, source: Tally): void {
  const offset = inputLength(target);
  for (let k = 0; k < target.counts.length; k++) {
    target.counts[k]! += source.counts[k]!;
    target.sumWeights[k]! += source.sumWeights[k]!;
    target.sumSquaredWeights[k]! += source.sumSquaredWeights[k]!;
  }
  for (const rejection of source.rejected) {
    if (target.rejected.length >= MAX_REPORTED_ISSUES) break;
    target.rejected.push({ ...rejection, index: rejection.index + offset });
  }
  target.n += source.n;
  target.missing += source.missing;
  target.invalid += source.invalid;
}

/** A detached copy, so later additions never change a tally already handed out. */
export function snapshot(tally: Tally): Tally {
  return {
    scale: tally.scale,
    counts: tally.counts.slice(),
    sumWeights: tally.sumWeights.slice(),
    sumSquaredWeights: tally.sumSquaredWeights.slice(),
    n: tally.n,
    missing: tally.missing,
    invalid: tally.invalid,
    rejected: tally.rejected.slice(),
  };
}
