/**
 * Finnish holidays against date-holidays (a devDependency, kept for this check only): its
 * "public" Finnish holidays plus Midsummer Eve and Christmas Eve (its "bank" days juhannusaatto
 * and jouluaatto) for every year 1990–2060; and 2026 as the Finnish calendar prints it.
 */
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { finnishHolidays } from './finnish-holidays.js';

describe('finnishHolidays', () => {
  it('2026 as printed: Good Friday 3.4., Easter 5.–6.4., Ascension 14.5., Whit Sunday 24.5., Midsummer 19.–20.6., All Saints 31.10.', () => {
    expect(finnishHolidays(2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24',
      '2026-06-19', '2026-06-20', '2026-10-31', '2026-12-06', '2026-12-24', '2026-12-25', '2026-12-26',
    ]);
    expect(finnishHolidays(2026, { eves: false })).toHaveLength(13);
  });

  it('equals date-holidays for 1990–2060', () => {
    const reference = new Holidays('FI');
    for (let year = 1990; year <= 2060; year++) {
      const expected = reference
        .getHolidays(year)
        .filter((day) => day.type === 'public' || ['juhannusaatto', 'jouluaatto'].includes(day.name.toLowerCase()))
        .map((day) => day.date.slice(0, 10));
      expect(finnishHolidays(year), String(year)).toEqual([...new Set(expected)].sort());
    }
  });

  it('refuses a year outside the Gregorian calendar or not whole', () => {
    expect(() => finnishHolidays(1582)).toThrow(CxValidationError);
    expect(() => finnishHolidays(2026.5)).toThrow(/whole number/);
  });
});
