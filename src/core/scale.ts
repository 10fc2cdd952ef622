import * as z from 'zod/mini';
import { parseWith } from './internal/parse-options.js';

/** A rating scale of consecutive integer points from `min` to `max`, both included. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** The 0–10 "how likely are you to recommend" scale of the Net Promoter Score. */
export const NPS_SCALE: Scale = Object.freeze({ min: 0, max: 10 });
/** The 1–5 satisfaction scale of CSAT (1 = very dissatisfied, 5 = very satisfied). */
export const CSAT_SCALE: Scale = Object.freeze({ min: 1, max: 5 });
/** The 1–7 agreement scale of the Customer Effort Score 2.0. */
export const CES_SCALE: Scale = Object.freeze({ min: 1, max: 7 });

/**
 * The most points a scale may have. Tallies keep a slot per point, so a bound keeps a typo
 * such as `{ min: 0, max: 1e9 }` from allocating gigabytes; 0–1000 still fits.
 */
export const MAX_SCALE_POINTS = 1001;

/** Number of points on a scale: 11 for 0–10. */
export function scalePoints(scale: Scale): number {
  return scale.max - scale.min + 1;
}

/** zod/mini schema of a {@link Scale}: integer points, `min < max`, at most {@link MAX_SCALE_POINTS}. */
export const scaleSchema = z.strictObject({ min: z.int(), max: z.int() }).check((ctx) => {
  const { min, max } = ctx.value;
  if (max <= min) {
    ctx.issues.push({ code: 'custom', input: ctx.value, path: ['max'], message: `scale.max (${max}) must be greater than scale.min (${min})` });
  } else if (max - min + 1 > MAX_SCALE_POINTS) {
    ctx.issues.push({ code: 'custom', input: ctx.value, path: [], message: `a scale may have at most ${MAX_SCALE_POINTS} points, ${min}–${max} has ${max - min + 1}` });
  }
});

/**
 * Checks that a value is a usable scale and returns a frozen copy of it.
 * @throws {CxValidationError} when min/max are not integers, min ≥ max, or there are too many points.
 */
export function checkScale(scale: unknown, path: readonly (string | number)[] = ['scale']): Scale {
  return Object.freeze(parseWith(scaleSchema, scale, path));
}

/** True when both scales have the same points. */
export function sameScale(a: Scale, b: Scale): boolean {
  return a.min === b.min && a.max === b.max;
}

/** "0–10", for messages. */
export function formatScale(scale: Scale): string {
  return `${scale.min}–${scale.max}`;
}
