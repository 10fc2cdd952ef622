import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { trend } from './trend.js';

const label = (at: unknown, period: 'day' | 'week' | 'month' | 'quarter' | 'year', timeZone?: string) =>
  trend([{ at, q: 9 }], { at: 'at', period, nps: 'q', ...(timeZone ? { timeZone } : {}) }).periods[0]!.period;

describe('trend: calendar', () => {
  it('ISO weeks: the year of the Thursday, week 1 holds the first Thursday (checked with Python date.isocalendar())', () => {
    // python3: date(2026,1,1).isocalendar() → (2026, 1, 4); date(2021,1,3) → (2020, 53, 7);
    //          date(2024,12,30) → (2025, 1, 1); date(2027,1,1) → (2026, 53, 5)
    expect(label('2026-01-01', 'week')).toBe('2026-W01');
    expect(label('2021-01-03', 'week')).toBe('2020-W53');
    expect(label('2024-12-30', 'week')).toBe('2025-W01');
    expect(label('2027-01-01', 'week')).toBe('2026-W53');
    const weeks = trend([{ at: '2026-01-01', q: 9 }], { at: 'at', period: 'week', nps: 'q' }).periods[0]!;
    expect(weeks.start).toBe('2025-12-29'); // the Monday
  });

  it('day, month, quarter and year labels and first days', () => {
    expect(label('2026-05-17', 'day')).toBe('2026-05-17');
    expect(label('2026-05-17', 'month')).toBe('2026-05');
    expect(label('2026-05-17', 'quarter')).toBe('2026-Q2');
    expect(label('2026-05-17', 'year')).toBe('2026');
    const quarter = trend([{ at: '2026-11-23', q: 9 }], { at: 'at', period: 'quarter', nps: 'q' }).periods[0]!;
    expect(quarter).toMatchObject({ period: '2026-Q4', start: '2026-10-01' });
  });

  it('instants are dated in the time zone (UTC by default); wall-clock dates are taken as written', () => {
    // 2026-01-31T23:30Z is 2026-02-01 08:30 in Tokyo (UTC+9) and 18:30 on the 31st in New York (UTC−5).
    expect(label('2026-01-31T23:30:00Z', 'month')).toBe('2026-01');
    expect(label('2026-01-31T23:30:00Z', 'month', 'Asia/Tokyo')).toBe('2026-02');
    expect(label(new Date('2026-02-01T03:00:00Z'), 'month', 'America/New_York')).toBe('2026-01');
    expect(label(Date.UTC(2026, 1, 1, 3), 'day', 'America/New_York')).toBe('2026-01-31');
    expect(label('2026-01-31T23:30+02:00', 'day')).toBe('2026-01-31'); // 21:30 UTC
    expect(label('2026-01-31T23:30-02:00', 'day')).toBe('2026-02-01'); // 01:30 UTC
    expect(label('2026-01-31T23:30', 'day', 'Asia/Tokyo')).toBe('2026-01-31');
    expect(label('2026-01-31', 'day', 'Pacific/Kiritimati')).toBe('2026-01-31');
  });
});

describe('trend: periods and changes', () => {
  const rows = [
    { at: '2026-01-05', q: 10 },
    { at: '2026-01-12', q: 10 },
    { at: '2026-01-20', q: 10 },
    { at: '2026-01-28', q: 6 },
    { at: '2026-03-02', q: 6 },
    { at: '2026-03-09', q: 6 },
    { at: '2026-03-16', q: 10 },
    { at: '2026-03-23', q: 9 },
    { at: null, q: 8 },
  ];

  it('every period from first to last, empty ones with n = 0 and a null score', () => {
    const result = trend(rows, { at: 'at', period: 'month', nps: 'q' });
    expect(result.periods.map((p) => [p.period, p.rows, p.nps!.n, p.nps!.score])).toEqual([
      ['2026-01', 4, 4, 50],
      ['2026-02', 0, 0, null],
      ['2026-03', 4, 4, 0],
    ]);
    expect(result.undated).toBe(1);
    expect(result.timeZone).toBe('UTC');
  });

  it('the change against the previous period, with its test', () => {
    const result = trend(rows.filter((row) => row.at?.startsWith('2026-01') || row.at?.startsWith('2026-03')), { at: 'at', period: 'quarter', nps: 'q' });
    expect(result.periods).toHaveLength(1);
    const months = trend(rows, { at: 'at', period: 'month', nps: 'q' });
    expect(months.periods[0]!.change).toBeNull();
    // February is empty: no comparison either way.
    expect(months.periods[1]!.change!.nps).toMatchObject({ difference: null, pValue: null });
    const weeks = trend(
      [
        { at: '2026-01-05', q: 10 }, { at: '2026-01-06', q: 10 }, { at: '2026-01-07', q: 10 }, { at: '2026-01-08', q: 6 },
        { at: '2026-01-12', q: 6 }, { at: '2026-01-13', q: 6 }, { at: '2026-01-14', q: 10 }, { at: '2026-01-15', q: 9 },
      ],
      { at: 'at', period: 'week', nps: 'q' },
    );
    // W02: NPS 50, var (1 − 0.25)/4 = 0.1875; W03: NPS 0, var (1 − 0)/4 = 0.25.
    // change 0 − 50 = −50, SE √(0.1875 + 0.25) × 100 = 66.14, z = −0.756.
    const change = weeks.periods[1]!.change!.nps!;
    expect(weeks.periods.map((p) => p.period)).toEqual(['2026-W02', '2026-W03']);
    expect(change.difference).toBeCloseTo(-50, 12);
    expect(change.standardError).toBeCloseTo(Math.sqrt(0.4375) * 100, 10);
    expect(change.statistic).toBeCloseTo(-50 / (Math.sqrt(0.4375) * 100), 10);
    expect(change.significant).toBe(false);
  });

  it("a metric's changes are one family: Holm-adjusted by default, alone under adjust: 'none'", () => {
    const weekly = [
      ...[10, 10, 10, 6].map((q, i) => ({ at: `2026-01-0${5 + i}`, q })), // W02: NPS 50
      ...[6, 6, 10, 9].map((q, i) => ({ at: `2026-01-1${2 + i}`, q })), // W03: NPS 0
      ...[10, 10, 10, 10].map((q, i) => ({ at: `2026-01-${19 + i}`, q })), // W04: NPS 100, no spread
    ];
    // W03: z = −50/√4375 → p = 0.449691797968891; W04: +100 with SE √(0.25 + 0) → z = 2, p = 0.0455003.
    // R: p.adjust(c(0.449691797968891, 0.045500263896358), "holm") = 0.449691797968891 0.091000527792717
    const holm = trend(weekly, { at: 'at', period: 'week', nps: 'q' });
    expect(holm.adjust).toBe('holm');
    const [, second, third] = holm.periods.map((p) => p.change?.nps);
    expect(second!.pValue).toBeCloseTo(0.449691797968891, 12);
    expect(second!.adjustedPValue).toBeCloseTo(0.449691797968891, 12);
    expect(third!.pValue).toBeCloseTo(0.045500263896358, 12);
    expect(third!.adjustedPValue).toBeCloseTo(0.091000527792717, 12);
    expect(third!.significant).toBe(false);
    const alone = trend(weekly, { at: 'at', period: 'week', nps: 'q', adjust: 'none' });
    expect(alone.periods[2]!.change!.nps).toMatchObject({ adjustedPValue: third!.pValue, significant: true });
    expect(issuesOf(() => trend(weekly, { at: 'at', period: 'week', nps: 'q', adjust: 'fdr' as never }))).toEqual([expect.objectContaining({ path: ['adjust'] })]);
  });

  it('accessors, weights and several metrics', () => {
    const data = [
      { when: new Date('2026-01-10T12:00Z'), q: 10, s: 5, w: 3 },
      { when: new Date('2026-01-11T12:00Z'), q: 0, s: 1, w: 1 },
    ];
    const result = trend(data, { at: (row) => row.when, period: 'year', nps: 'q', csat: 's', weight: 'w' });
    expect(result.periods[0]!.nps!.score).toBeCloseTo(50, 12); // (3 − 1) / 4
    expect(result.periods[0]!.csat!.score).toBeCloseTo(75, 12);
  });

  it('no dated rows: no periods', () => {
    expect(trend([{ at: null, q: 9 }], { at: 'at', period: 'day', nps: 'q' })).toMatchObject({ periods: [], undated: 1 });
  });
});

describe('trend: bad input', () => {
  it('invalid dates name the row and the field; under skip they are counted and listed', () => {
    const rows = [
      { at: '2026-02-30', q: 9 },
      { at: 'yesterday', q: 9 },
      { at: Number.NaN, q: 9 },
      { at: new Date('nonsense'), q: 9 },
      { at: { year: 2026 }, q: 9 },
      { at: '2026-01-05T25:00Z', q: 9 },
      { at: '2026-01-05', q: 9 },
    ];
    expect(issuesOf(() => trend(rows, { at: 'at', period: 'day', nps: 'q' }))).toEqual([0, 1, 2, 3, 4, 5].map((row) => ({ code: 'invalid_date', path: [row, 'at'] })));
    const skipped = trend(rows, { at: 'at', period: 'day', nps: 'q', invalid: 'skip' });
    expect(skipped.invalidDates).toBe(6);
    expect(skipped.rejectedDates[0]).toMatchObject({ index: 0, value: '"2026-02-30"', code: 'invalid_date' });
    expect(skipped.periods).toHaveLength(1);
  });

  it('unknown time zone, unknown field, a date range no one means', () => {
    expect(issuesOf(() => trend([{ at: '2026-01-01', q: 9 }], { at: 'at', period: 'day', nps: 'q', timeZone: 'Mars/Olympus' }))).toEqual([
      { code: 'invalid_option', path: ['timeZone'] },
    ]);
    expect(issuesOf(() => trend([{ at: '2026-01-01', q: 9 }], { at: 'date', period: 'day', nps: 'q' }))).toEqual([{ code: 'unknown_field', path: ['at'] }]);
    expect(issuesOf(() => trend([{ at: '2026-01-01', q: 9 }], { at: 'at', period: 'fortnight' as 'day', nps: 'q' }))).toEqual([{ code: 'invalid_option', path: ['period'] }]);
    const typo = [{ at: '2026-01-01', q: 9 }, { at: '9026-01-01', q: 9 }];
    expect(issuesOf(() => trend(typo, { at: 'at', period: 'day', nps: 'q' }))).toEqual([{ code: 'invalid_date', path: ['at'] }]);
  });
});

describe('trend: properties', () => {
  it('periods are consecutive and hold every dated row; reordering rows changes nothing', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.record({ at: day, q: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 40 }), fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const), (rows, period) => {
        const result = trend(rows, { at: 'at', period, nps: 'q' });
        expect(result.periods.reduce((sum, p) => sum + p.rows, 0)).toBe(rows.length);
        const starts = result.periods.map((p) => p.start);
        expect([...starts].sort()).toEqual(starts);
        expect(new Set(starts).size).toBe(starts.length);
        const reversed = trend(rows.slice().reverse(), { at: 'at', period, nps: 'q' });
        expect(reversed.periods.map((p) => p.nps!.distribution)).toEqual(result.periods.map((p) => p.nps!.distribution));
      }),
    );
  });
});
