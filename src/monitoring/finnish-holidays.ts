import { calendarDate, dayNumber } from '../common/calendar.js';
import { fail } from '../core/errors.js';

/**
 * The days Finnish offices are closed in a year, as ISO dates in calendar order: the public
 * holidays of the Finnish calendar (New Year's Day, Epiphany, Good Friday, Easter Sunday and
 * Monday, May Day, Ascension Day, Whit Sunday, Midsummer Day, All Saints' Day, Independence
 * Day, Christmas Day, St Stephen's Day) and — unless `eves: false` — Midsummer Eve and
 * Christmas Eve, which the law does not list but on which nearly every workplace is closed.
 * Midsummer Day is the Saturday of 20–26 June and All Saints' Day the Saturday of
 * 31 October–6 November; Easter is computed by the Gregorian computus.
 *
 * Computed here rather than taken from a holidays package: the rules fit in a page, and the
 * well-kept package (date-holidays) would bring 17 MB of every country's rules, YAML and lodash
 * into a library entry point. Other countries' holidays are the `holidays` option's list.
 *
 * @throws {CxValidationError} for a year that is not a whole number from 1583 (the first full Gregorian year) to 9999.
 *
 * @example
 * ```ts
 * const days = finnishHolidays(2026);
 * days.slice(2, 5); // ['2026-04-03', '2026-04-05', '2026-04-06'] (Good Friday, Easter, Easter Monday)
 * days.includes('2026-06-19'); // true (Midsummer Eve)
 * finnishHolidays(2026, { eves: false }).includes('2026-06-19'); // false
 * ```
 */
export function finnishHolidays(year: number, options: { readonly eves?: boolean | undefined } = {}): string[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) fail('invalid_option', ['year'], `a year is a whole number from 1583 to 9999, got ${String(year)}`);
  const easter = easterSunday(year);
  const saturdayFrom = (month: number, day: number) => {
    const first = dayNumber(year, month, day);
    // 1970-01-01 (day 0) was a Thursday, so day d is a Saturday when (d + 4) mod 7 = 6.
    return first + ((((6 - (first + 4)) % 7) + 7) % 7);
  };
  const midsummer = saturdayFrom(6, 20);
  const days = [
    dayNumber(year, 1, 1),
    dayNumber(year, 1, 6),
    easter - 2,
    easter,
    easter + 1,
    dayNumber(year, 5, 1),
    easter + 39,
    easter + 49,
    ...(options.eves === false ? [] : [midsummer - 1]),
    midsummer,
    saturdayFrom(10, 31),
    dayNumber(year, 12, 6),
    ...(options.eves === false ? [] : [dayNumber(year, 12, 24)]),
    dayNumber(year, 12, 25),
    dayNumber(year, 12, 26),
  ];
  // Two feasts can fall on one day (Ascension Day was May Day in 2008): each day once.
  return [...new Set(days)].sort((a, b) => a - b).map(isoDay);
}

/** Easter Sunday's day number: the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

function isoDay(days: number): string {
  const { year, month, day } = calendarDate(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
