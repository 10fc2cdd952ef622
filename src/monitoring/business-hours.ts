import { calendarDate, dayNumber } from '../common/calendar.js';
import { fail } from '../core/errors.js';

/** When an office works: days of the week (1 = Monday … 7 = Sunday) and local opening hours. */
export interface BusinessHours {
  /** Default Monday–Friday: `[1, 2, 3, 4, 5]`. */
  readonly days?: readonly number[] | undefined;
  /** Opening time, `'HH:MM'` (default `'08:00'`). */
  readonly start?: string | undefined;
  /** Closing time, `'HH:MM'` up to `'24:00'` (default `'16:00'`). */
  readonly end?: string | undefined;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Business time as a clock: for a local wall-clock time (milliseconds, as if UTC), the business
 * milliseconds elapsed since 1970-01-01 — so a duration is the difference of two readings, with
 * no walk over the days between. Whole weeks are counted by arithmetic and holidays by binary
 * search, so a case open for years costs what a case open for an hour does.
 */
export interface BusinessClock {
  readonly read: (local: number) => number;
  /** Business hours in a working day. */
  readonly hoursPerDay: number;
}

/** The clock of `hours` with `holidays` (ISO dates) closed; options checked with their names. */
export function businessClock(hours: BusinessHours = {}, holidays: readonly string[] = []): BusinessClock {
  const days = hours.days ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(days) || days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7) || new Set(days).size !== days.length) {
    fail('invalid_option', ['businessHours', 'days'], `days are distinct weekdays 1 (Monday) to 7 (Sunday), got ${JSON.stringify(days)}`);
  }
  const start = clockTime(hours.start ?? '08:00', 'start');
  const end = clockTime(hours.end ?? '16:00', 'end');
  if (!(start < end)) fail('invalid_option', ['businessHours'], `opening (${hours.start ?? '08:00'}) must come before closing (${hours.end ?? '16:00'})`);
  // isoWeekday of day number d: 1970-01-01 (day 0) was a Thursday (4).
  const working = new Set(days);
  const isWorking = (d: number) => working.has((((d + 3) % 7) + 7) % 7 + 1);
  const closed = [...new Set(holidays.map((text, i) => holidayDay(text, i)))].filter(isWorking).sort((a, b) => a - b);
  const closedSet = new Set(closed);
  const length = end - start;
  const perWeek = working.size;
  const workingDaysBefore = (d: number) => {
    const weeks = Math.floor(d / 7);
    let count = weeks * perWeek;
    for (let k = weeks * 7; k < d; k++) if (isWorking(k)) count++;
    return count - closedBefore(closed, d);
  };
  return {
    read: (local) => {
      const d = Math.floor(local / DAY);
      const today = isWorking(d) && !closedSet.has(d) ? Math.min(length, Math.max(0, local - d * DAY - start)) : 0;
      return workingDaysBefore(d) * length + today;
    },
    hoursPerDay: length / 3_600_000,
  };
}

/** 'HH:MM' as milliseconds since midnight. */
function clockTime(text: string, name: 'start' | 'end'): number {
  const match = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  const [h, m] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
  if (!(h <= 23 && m <= 59) && !(h === 24 && m === 0)) fail('invalid_option', ['businessHours', name], `${name} is a time 'HH:MM' from 00:00 to 24:00, got ${JSON.stringify(text)}`);
  return (h * 60 + m) * MINUTE;
}

function holidayDay(text: string, i: number): number {
  const match = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const days = dayNumber(year, month, day);
    const back = calendarDate(days);
    if (back.month === month && back.day === day) return days;
  }
  return fail('invalid_option', ['holidays', i], `a holiday is an ISO date such as '2026-12-24', got ${JSON.stringify(text)}`);
}

/** How many of the sorted days fall before d. */
function closedBefore(sorted: readonly number[], d: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < d) low = mid + 1;
    else high = mid;
  }
  return low;
}
