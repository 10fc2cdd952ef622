import { describe, expect, it } from 'vitest';
import { compileDateFormat } from './date-format.js';
import { dateCell } from './cells.js';

describe('--date-format', () => {
  it("a US sheet's M/D/YYYY H:mm:ss as a wall-clock time; no such day or time is not a date", () => {
    const us = compileDateFormat('M/D/YYYY H:mm:ss');
    expect(us('11/1/2019 8:51:12')).toBe('2019-11-01T08:51:12');
    expect(us('2/29/2019 8:51:12')).toBeNull(); // 2019 is no leap year
    expect(us('11/1/2019 24:00:00')).toBeNull();
    expect(us('2019-11-01')).toBeNull();
  });

  it('day first with dots, a 12-hour clock, and an offset', () => {
    expect(compileDateFormat('D.M.YYYY')('3.12.2026')).toBe('2026-12-03');
    expect(compileDateFormat('MM/DD/YYYY hh:mm A')('11/01/2019 12:05 am')).toBe('2019-11-01T00:05:00');
    expect(compileDateFormat('MM/DD/YYYY hh:mm A')('11/01/2019 12:05 PM')).toBe('2019-11-01T12:05:00');
    expect(compileDateFormat('YYYY-MM-DD HH:mm Z')('2026-03-29 02:30 GMT+3')).toBe('2026-03-29T02:30:00+03:00');
    expect(compileDateFormat('YYYY-MM-DD HH:mm Z')('2026-03-29 02:30 -0530')).toBe('2026-03-29T02:30:00-05:30');
  });

  it('refuses a format without a day, h without A, a token twice', () => {
    expect(() => compileDateFormat('M/YYYY')).toThrow('--date-format needs YYYY, M and D (it has no day): "M/YYYY"');
    expect(() => compileDateFormat('M/D/YYYY h:mm')).toThrow('h (a 12-hour clock) goes with A');
    expect(() => compileDateFormat('M/D/YYYY M')).toThrow('--date-format has month twice');
  });
});

describe('Google Forms timestamps', () => {
  const rules = { decimalComma: false, labels: null };
  it('with an offset: the instant; with a zone abbreviation (AST is −4 or +3): the time as written', () => {
    expect(dateCell('2026/11/03 10:15:32 AM GMT+2', rules, null)).toBe('2026-11-03T10:15:32+02:00');
    expect(dateCell('2022/03/26 11:00:19 PM AST', rules, null)).toBe('2022-03-26T23:00:19');
    expect(dateCell('2022/03/26 12:00:19 AM EST', rules, null)).toBe('2022-03-26T00:00:19');
  });
});
