import { describeValue, fail } from '../core/errors.js';
import type { Verdict } from '../core/internal/answer-rules.js';

/** Calendar periods a trend can bucket by. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / DAY_MS;
}

/** Year, month (1–12) and day of a day number. */
export function calendarDate(days: number): { year: number; month: number; day: number } {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date and time; the offset (Z or ±hh:mm) is optional.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Reads dates the way a survey export means them, the same on every machine:
 * - `'2026-01-05'` and a date-time without offset (`'2026-01-05T23:30'`) are wall-clock
 *   dates in the report's time zone: their calendar date is taken as written;
 * - a date-time with an offset (`'…Z'`, `'…+02:00'`), a `Date` or epoch milliseconds is an
 *   instant, whose calendar date depends on the time zone.
 */
export function readDate(value: unknown, toLocalDay: (ms: number) => number): number | Verdict {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? toLocalDay(ms) : invalid('an invalid Date');
  }
  if (typeof value === 'number') return Number.isFinite(value) ? toLocalDay(value) : invalid(describeValue(value));
  if (typeof value !== 'string') return invalid(describeValue(value));
  const dateOnly = DATE_ONLY.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const parts = dateOnly ?? dateTime;
  if (parts === null) return invalid(`${describeValue(value)} (expected an ISO 8601 date such as 2026-01-05 or 2026-01-05T09:30Z)`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const days = dayNumber(year, month, day);
  if (calendarDate(days).month !== month || calendarDate(days).day !== day) return invalid(`${describeValue(value)} (no such day)`);
  if (dateTime !== null) {
    const [hours, minutes, seconds] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) return invalid(`${describeValue(value)} (no such time)`);
    if (dateTime[7] === undefined && dateTime[8] === undefined) return days;
    const offsetMinutes = dateTime[7] ? 0 : (dateTime[8] === '-' ? -1 : 1) * (Number(dateTime[9]) * 60 + Number(dateTime[10]));
    return toLocalDay(days * DAY_MS + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000);
  }
  return days;
}

function invalid(what: string): Verdict {
  return { code: 'invalid_date', message: `expected a date, got ${what}` };
}

/**
 * The calendar day of an instant in a time zone. UTC is arithmetic; other zones go through
 * Intl, cached per quarter hour (every zone offset in use is a multiple of 15 minutes).
 */
export function localDayIn(timeZone: string): (ms: number) => number {
  if (timeZone === 'UTC') return (ms) => Math.floor(ms / DAY_MS);
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const cache = new Map<number, number>();
  return (ms) => {
    const quarter = Math.floor(ms / 900_000);
    let days = cache.get(quarter);
    if (days === undefined) {
      const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
      days = dayNumber(Number(parts['year']), Number(parts['month']), Number(parts['day']));
      cache.set(quarter, days);
    }
    return days;
  };
}

/** The ordinal of the period a day falls in: consecutive periods have consecutive ordinals. */
export function periodOrdinal(days: number, period: Period): number {
  if (period === 'day') return days;
  if (period === 'week') return Math.floor((days + 3) / 7); // weeks start on Monday; 1970-01-01 was a Thursday
  const { year, month } = calendarDate(days);
  if (period === 'month') return year * 12 + (month - 1);
  if (period === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const isoDate = (days: number) => {
  const { year, month, day } = calendarDate(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
};

/** The label of a period (`2026-01-05`, `2026-W02`, `2026-01`, `2026-Q1`, `2026`) and its first day. */
export function describePeriod(ordinal: number, period: Period): { label: string; start: string } {
  if (period === 'day') return { label: isoDate(ordinal), start: isoDate(ordinal) };
  if (period === 'week') {
    const monday = ordinal * 7 - 3;
    // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
    const { year } = calendarDate(monday + 3);
    const week = Math.floor((monday + 3 - dayNumber(year, 1, 1)) / 7) + 1;
    return { label: `${pad(year, 4)}-W${pad(week)}`, start: isoDate(monday) };
  }
  if (period === 'month') {
    const year = Math.floor(ordinal / 12);
    const month = ordinal - year * 12 + 1;
    return { label: `${pad(year, 4)}-${pad(month)}`, start: isoDate(dayNumber(year, month, 1)) };
  }
  if (period === 'quarter') {
    const year = Math.floor(ordinal / 4);
    const quarter = ordinal - year * 4 + 1;
    return { label: `${pad(year, 4)}-Q${quarter}`, start: isoDate(dayNumber(year, (quarter - 1) * 3 + 1, 1)) };
  }
  return { label: pad(ordinal, 4), start: isoDate(dayNumber(ordinal, 1, 1)) };
}

/** The time zone's canonical IANA name, or a validation error naming the option. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return fail('invalid_option', ['timeZone'], `${JSON.stringify(timeZone)} is not a time zone this runtime knows (IANA names such as "Europe/Berlin")`);
  }
}
