/**
 * The closed loop against R survival (3.4, R 4.2.2) and by hand. R:
 *   library(survival); f <- survfit(Surv(c(1,2,2,3,4,4), c(1,1,1,0,1,1)) ~ 1)
 *   summary(f)  # times 1, 2, 4: survival 0.8333, 0.5, 0; lower 0.58265, 0.22463; upper 1, 1
 *   quantile(f, c(.25, .5, .75))  # 2, 3, 4; lower 1, 2, 2; upper NA, NA, NA
 */
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { closedLoop } from './closed-loop.js';
import { finnishHolidays } from './finnish-holidays.js';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 2, 9) + hours * 3_600_000).toISOString();

// Contacted after 1, 2, 2, 4 and 4 hours; one case opened an hour later and not contacted by the latest time (4 h): censored at 3 h.
const cases = [
  { id: 'a', opened: at(0), contacted: at(1), store: 'Kamppi' },
  { id: 'b', opened: at(0), contacted: at(2), store: 'Kamppi' },
  { id: 'c', opened: at(0), contacted: at(2), store: 'Itis' },
  { id: 'd', opened: at(1), contacted: null, store: 'Itis' },
  { id: 'e', opened: at(0), contacted: at(4), store: 'Itis' },
  { id: 'f', opened: at(0), contacted: at(4), store: 'Kamppi' },
];

describe('closedLoop', () => {
  it('time to contact: the Kaplan–Meier curve, median and quartiles with their intervals as R survfit', () => {
    const loop = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: '2h' });
    expect(loop.asOf).toBe(at(4));
    const curve = loop.contact!.curve;
    expect(curve.map((step) => [step.time, step.atRisk, step.events])).toEqual([[1, 6, 1], [2, 5, 2], [4, 2, 2]]);
    expect(curve[0]!.survival).toBeCloseTo(5 / 6, 12);
    expect(curve[0]!.lower).toBeCloseTo(0.5826547955, 9);
    expect(curve[1]!.lower).toBeCloseTo(0.2246303478, 9);
    expect([curve[2]!.survival, curve[2]!.lower, curve[2]!.upper]).toEqual([0, null, null]);
    // The median: the curve is exactly 0.5 from 2 h to 4 h, so the midpoint, 3 h.
    expect(loop.contact!.median).toEqual({ estimate: 3, lower: 2, upper: null });
    expect(loop.contact!.quartiles).toEqual({ first: { estimate: 2, lower: 1, upper: null }, third: { estimate: 4, lower: 2, upper: null } });
  });

  it('the SLA: within (3 by 2 h), missed (2 at 4 h, and the open case past 2 h): 50 %, Wilson interval; per group', () => {
    const loop = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: 2, by: 'store' });
    expect([loop.withinSla.within, loop.withinSla.missed, loop.withinSla.pending, loop.withinSla.share]).toEqual([3, 3, 0, 50]);
    // Wilson for 3 of 6 at 95 %: (0.5 ± 1.96·√(0.25/6 + 1.96²/144))/(1 + 1.96²/6) = 0.1876, 0.8124.
    expect(loop.withinSla.interval!.lower).toBeCloseTo(18.76, 2);
    expect(loop.withinSla.interval!.upper).toBeCloseTo(81.24, 2);
    expect(loop.groups!.map((group) => [group.key, group.withinSla.within, group.withinSla.missed])).toEqual([['Kamppi', 2, 1], ['Itis', 1, 2]]);
    // With asOf at 3 h the open case has been open 2 h: not past the SLA, pending; the two
    // contacted at 4 h were not contacted yet then, open 3 h: missed.
    const earlier = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: '2h', asOf: at(3) });
    expect([earlier.withinSla.within, earlier.withinSla.missed, earlier.withinSla.pending]).toEqual([3, 2, 1]);
  });

  it('bad cases name the row: a duplicate id, contact before opening, times with and without a zone, a bad SLA', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        return [(error as CxValidationError).issues[0]!.code, (error as CxValidationError).issues[0]!.path];
      }
      return null;
    };
    const options = { id: 'id', opened: 'opened', contacted: 'contacted', sla: '48h' } as const;
    expect(code(() => closedLoop([...cases, { ...cases[0]!, id: 'a' }], options))).toEqual(['duplicate_id', [6, 'id']]);
    expect(code(() => closedLoop([{ id: 1, opened: at(2), contacted: at(1) }], options))).toEqual(['invalid_date', [0, 'contacted']]);
    expect(code(() => closedLoop([{ id: 1, opened: '2026-03-02T09:00', contacted: at(1) }], options))).toEqual(['invalid_date', [0, 'contacted']]);
    expect(code(() => closedLoop(cases, { ...options, sla: 'two days' }))).toEqual(['invalid_option', ['sla']]);
  });
});

describe('closedLoop in business hours', () => {
  // A Helsinki office, Monday–Friday 08:00–16:00 (the default), Finnish holidays of 2026–2027.
  // Weekdays from the calendar (`date -d 2026-06-18 +%a` …). Business hours by hand:
  const business = [
    // Thu 18.6. 15–16 (1 h); Fri 19.6. Midsummer Eve closed; weekend; Mon 22.6. 08–09 (1 h) → 2 h.
    { id: 1, opened: '2026-06-18T15:00+03:00', contacted: '2026-06-22T09:00+03:00' },
    // Wed 23.12. 14–16 local (2 h); 24.–26.12. holidays, Sunday; Mon 28.12. 08–09 (1 h) → 3 h.
    { id: 2, opened: '2026-12-23T12:00Z', contacted: '2026-12-28T07:00Z' },
    // Across the change to summer time (29.3.): Fri 27.3. 14–16 (2 h), Mon 30.3. 08–10 (2 h) → 4 h.
    { id: 3, opened: '2026-03-27T14:00+02:00', contacted: '2026-03-30T10:00+03:00' },
    // Wed 1.4. 8 h, Thu 2.4. 8 h, Good Friday, weekend, Easter Monday closed, Tue 7.4. 8 h → 24 h.
    { id: 4, opened: '2026-04-01T08:00+03:00', contacted: '2026-04-08T08:00+03:00' },
    // Open: Wed 30.12. 15–16 (1 h), Thu 31.12. 8 h, Fri 1.1. New Year, weekend, Mon 4.1. 08–10 (2 h) → 11 h at asOf.
    { id: 5, opened: '2026-12-30T15:00+02:00', contacted: null },
  ];
  const options = {
    id: 'id',
    opened: 'opened',
    contacted: 'contacted',
    sla: '2d',
    asOf: '2027-01-04T10:00+02:00',
    calendar: 'business',
    holidays: [...finnishHolidays(2026), ...finnishHolidays(2027)],
    timeZone: 'Europe/Helsinki',
  } as const;

  it('counts opening hours on working days only: 2 d = 16 h; 3 within, 1 missed, 1 pending', () => {
    const loop = closedLoop(business, options);
    expect(loop.calendar).toBe('business');
    expect(loop.sla).toBe(16);
    expect(loop.withinSla).toMatchObject({ within: 3, missed: 1, pending: 1 });
    // Times 2, 3, 4, 24 contacted and 11 censored: S = 4/5, 3/5, 2/5 after 2, 3, 4 h → median 4 h.
    expect(loop.contact!.curve.map((point) => point.time)).toEqual([2, 3, 4, 24]);
    [0.8, 0.6, 0.4, 0].forEach((survival, i) => expect(loop.contact!.curve[i]!.survival).toBeCloseTo(survival, 12));
    expect(loop.contact!.median.estimate).toBe(4);
    expect(loop.timings.map((c) => [c.id, c.status, c.contacted, c.hours])).toEqual([
      [1, 'within', true, 2],
      [2, 'within', true, 3],
      [3, 'within', true, 4],
      [4, 'missed', true, 24],
      [5, 'pending', false, 11],
    ]);
  });

  it('in calendar hours the same cases: case 3 is 67 h (the clocks went forward), everything missed', () => {
    // Case 1: 18.6. 12:00Z → 22.6. 06:00Z = 90 h; case 2: 23.12. 12:00Z → 28.12. 07:00Z = 115 h;
    // case 4: 7 days = 168 h; case 5 open from 30.12. 13:00Z to 4.1. 08:00Z = 115 h, censored.
    const { calendar: _, holidays: __, ...plain } = options;
    const loop = closedLoop(business, plain);
    expect(loop.sla).toBe(48);
    expect(loop.contact!.curve.map((point) => point.time)).toEqual([67, 90, 115, 168]);
    expect(loop.withinSla).toMatchObject({ within: 0, missed: 5, pending: 0 });
    // Times without an offset are Helsinki wall clock when timeZone is given: the same 67 h.
    const wall = closedLoop([{ id: 1, opened: '2026-03-27 14:00', contacted: '2026-03-30 10:00' }], { id: 'id', opened: 'opened', contacted: 'contacted', sla: 48, timeZone: 'Europe/Helsinki' });
    expect(wall.contact!.curve[0]!.time).toBe(67);
  });

  it('custom hours and days: Monday–Saturday 09:00–17:00, no holidays', () => {
    // Fri 19.6. 09–17 (8 h, no holiday list), Sat 20.6. 8 h, Sun closed, Mon 22.6. 09–10 (1 h) → 17 h.
    const loop = closedLoop([{ id: 1, opened: '2026-06-19T06:00Z', contacted: '2026-06-22T10:00+03:00' }], {
      id: 'id', opened: 'opened', contacted: 'contacted', sla: 24, calendar: 'business', businessHours: { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' }, timeZone: 'Europe/Helsinki',
    });
    expect(loop.contact!.curve[0]!.time).toBe(17);
    expect(loop.withinSla.within).toBe(1);
  });

  it('refuses what would count the wrong hours', () => {
    const zoned = [{ id: 1, opened: '2026-06-18T15:00+03:00', contacted: null }];
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'business' })).toThrow(/row 1.*opened|business hours are local: give timeZone/);
    expect(() => closedLoop([{ id: 1, opened: new Date(0) }], { id: 'id', opened: 'opened', sla: 8, calendar: 'business' })).toThrow(/a Date is an instant/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, holidays: ['2026-12-24'] })).toThrow(/only with calendar: 'business'/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'business', timeZone: 'UTC', holidays: ['2026-02-30'] })).toThrow(/holiday is an ISO date/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'business', timeZone: 'UTC', businessHours: { start: '17:00', end: '09:00' } })).toThrow(/before closing/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'business', timeZone: 'UTC', businessHours: { days: [0] } })).toThrow(/weekdays 1/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'business', timeZone: 'UTC', businessHours: { end: '25:00' } })).toThrow(/00:00 to 24:00/);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, calendar: 'weekdays' as never })).toThrow(CxValidationError);
    expect(() => closedLoop(zoned, { id: 'id', opened: 'opened', sla: 8, timeZone: 'Mars/Olympus' })).toThrow(/not a time zone/);
  });
});
