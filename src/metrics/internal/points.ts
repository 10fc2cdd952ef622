import { describeValue, fail } from '../../core/errors.js';
import { formatScale, type Scale } from '../../core/scale.js';

/**
 * Checks a set of scale points given as an option (`satisfied`, `easy`…) and returns it as
 * a per-slot membership array, index 0 = scale.min.
 */
export function pointSet(points: readonly number[], scale: Scale, option: string): boolean[] {
  const member = new Array<boolean>(scale.max - scale.min + 1).fill(false);
  if (points.length === 0) fail('invalid_option', [option], `${option} needs at least one point of the scale`);
  points.forEach((point, i) => {
    if (!Number.isInteger(point) || point < scale.min || point > scale.max) {
      fail('invalid_option', [option, i], `${describeValue(point)} is not a point of the scale ${formatScale(scale)}`);
    }
    member[point - scale.min] = true;
  });
  return member;
}

/** The `count` highest points of a scale: the default satisfied set is the top two. */
export function topPoints(scale: Scale, count: number): number[] {
  return Array.from({ length: count }, (_, i) => scale.max - i);
}

/** The scale points of a per-slot membership array: the inverse of {@link pointSet}. */
export function memberPoints(member: readonly boolean[], scale: Scale): number[] {
  return member.flatMap((isMember, k) => (isMember ? [scale.min + k] : []));
}
