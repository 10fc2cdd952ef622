/**
 * Whether a time zone a Qualtrics export states (in its third header row) is one the runtime
 * knows; the wall-clock conversion itself is in common/wall-clock.ts, shared with the closed loop.
 */
import { offsetsOf } from '../../common/wall-clock.js';

/** Whether the runtime knows a time zone name (or is Qualtrics' "Z"). */
export function isKnownZone(zone: string): boolean {
  if (zone === 'Z') return true;
  try {
    offsetsOf(zone);
    return true;
  } catch {
    return false;
  }
}

