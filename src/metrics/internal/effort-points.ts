import { fail } from '../../core/errors.js';
import { scalePoints, type Scale } from '../../core/scale.js';
import { pointSet, topPoints } from './points.js';

/** Which end of a CES scale means "easy". */
export type CesOrientation = 'higher-is-easier' | 'lower-is-easier';

/** The easy and difficult points of a CES scale as per-slot membership, index 0 = scale.min. */
export interface EffortPoints {
  readonly easy: readonly boolean[];
  readonly difficult: readonly boolean[];
}

/**
 * How many points count as easy (and as difficult) by default: the largest number that
 * leaves a neutral middle on an odd scale — three of seven, two of five, four of ten.
 */
function defaultBandSize(scale: Scale): number {
  return Math.max(1, Math.floor((scalePoints(scale) - 1) / 2));
}

/**
 * Resolves `easy` / `difficult` against the scale. By default the easy points are the
 * {@link defaultBandSize} points at the easy end; `difficult` defaults to the mirror image
 * of `easy` (point p ↦ min + max − p). The two sets may not share a point.
 */
export function resolveEffortPoints(
  scale: Scale,
  orientation: CesOrientation,
  easy: readonly number[] | undefined,
  difficult: readonly number[] | undefined,
): EffortPoints {
  const size = defaultBandSize(scale);
  const easyEnd = orientation === 'higher-is-easier' ? topPoints(scale, size) : Array.from({ length: size }, (_, i) => scale.min + i);
  const easySlots = pointSet(easy ?? easyEnd, scale, 'easy');
  const difficultSlots = difficult === undefined ? easySlots.slice().reverse() : pointSet(difficult, scale, 'difficult');
  const shared = easySlots.findIndex((isEasy, k) => isEasy && difficultSlots[k]);
  if (shared >= 0) {
    fail('invalid_option', ['difficult'], `${scale.min + shared} cannot be both easy and difficult${difficult === undefined ? ' (difficult mirrors easy unless given)' : ''}`);
  }
  return { easy: easySlots, difficult: difficultSlots };
}
