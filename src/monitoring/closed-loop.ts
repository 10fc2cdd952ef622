import { fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { groupText } from '../core/internal/group-keys.js';
import { checkTimeZone } from '../common/calendar.js';
import { offsetsOf, wallClockInstant } from '../common/wall-clock.js';
import { DEFAULT_LEVEL, type Interval } from '../stats/interval.js';
import { kaplanMeier, type SurvivalCurve } from '../stats/kaplan-meier.js';
import { wilsonInterval } from '../stats/wilson.js';
import { businessClock, type BusinessHours } from './business-hours.js';

/** Options of {@link closedLoop}. */
export interface ClosedLoopOptions<Row> {
  /** The case's id: each at most once. */
  readonly id: Field<Row>;
  /** When the case was opened (the feedback came in): a `Date` or ISO 8601 text. */
  readonly opened: Field<Row>;
  /** When the customer was contacted; blank while not yet. */
  readonly contacted?: Field<Row> | undefined;
  /** When the case was closed; blank while open. */
  readonly closed?: Field<Row> | undefined;
  /** The time allowed to contact: `'48h'`, `'2d'`, or hours as a number — in the `calendar`'s hours (a business day is its opening hours). */
  readonly sla: string | number;
  /**
   * `'calendar'` (default): every hour counts, nights and weekends too (as CustomerGauge
   * counts). `'business'`: only the `businessHours` of working days that are not `holidays`.
   */
  readonly calendar?: 'calendar' | 'business' | undefined;
  /** With `calendar: 'business'`: the days and opening hours (default Monday–Friday 08:00–16:00). */
  readonly businessHours?: BusinessHours | undefined;
  /** With `calendar: 'business'`: days closed, as ISO dates — for Finland, `finnishHolidays(year)`. */
  readonly holidays?: readonly string[] | undefined;
  /**
   * The zone of the times without an offset, and of business hours (IANA, e.g.
   * `'Europe/Helsinki'`). Needed with business hours when times carry an offset or are
   * `Date`s: opening hours are local. Without it, times without an offset are read as written.
   */
  readonly timeZone?: string | undefined;
  /** When open cases are censored (default: the latest time in the data, never the clock, so a report is reproducible). */
  readonly asOf?: string | Date | undefined;
  /** One result per group as well. */
  readonly by?: Field<Row> | undefined;
  readonly level?: number | undefined;
}

/** Cases against the SLA: contacted in time, missed (contacted late, or open past it), and still inside it. */
export interface SlaResult {
  readonly within: number;
  readonly missed: number;
  /** Open cases still inside the SLA at `asOf`: not yet decided, left out of the share. */
  readonly pending: number;
  /** within / (within + missed), in percent; null when no case is decided. */
  readonly share: number | null;
  readonly interval: Interval<'wilson'> | null;
}

/** The loop's figures for a set of cases. */
export interface ClosedLoopFigures {
  readonly cases: number;
  readonly withinSla: SlaResult;
  /** Time to contact in hours: Kaplan–Meier, cases not yet contacted censored at `asOf`. */
  readonly contact: SurvivalCurve | null;
  /** Time to close in hours, when `closed` is given. */
  readonly close: SurvivalCurve | null;
}

/** One case against the SLA. */
export interface CaseTiming {
  readonly id: unknown;
  /** The case's index in the rows. */
  readonly row: number;
  /** `'missed'` is contacted late, or open past the SLA: overdue. */
  readonly status: 'within' | 'missed' | 'pending';
  readonly contacted: boolean;
  /** Hours to contact, or hours open so far at `asOf` (in the calendar's hours). */
  readonly hours: number;
}

export interface ClosedLoop extends ClosedLoopFigures {
  readonly asOf: string;
  /** The SLA in hours of the calendar. */
  readonly sla: number;
  /** Which hours count: every hour, or business hours only (then every time above is in business hours). */
  readonly calendar: 'calendar' | 'business';
  readonly groups?: readonly (ClosedLoopFigures & { readonly key: string })[];
  /** Each case in the rows' order: whether it met the SLA, and its hours. */
  readonly timings: readonly CaseTiming[];
}

const HOUR = 3_600_000;

/**
 * The closed loop timed: for feedback cases (a detractor to call back, a complaint), the share
 * contacted within the SLA with a Wilson interval, and the time to contact and to close as
 * Kaplan–Meier curves — open cases are censored at `asOf`, not dropped (dropping them makes
 * the average look fast) — with the median and quartiles and their intervals, equal to R
 * `survival::survfit` (log-transformed intervals). Hours are calendar hours, weekends
 * included (as CustomerGauge counts them), or with `calendar: 'business'` the office's
 * opening hours on working days that are not holidays (`finnishHolidays` gives Finland's).
 * An open case past the SLA is missed; one still inside it is pending and left out of the
 * share.
 *
 * @throws {CxValidationError} naming the row: a duplicate id, a time that is not a date, contact or close before opening, times with and without a zone mixed, a zoned time with business hours but no `timeZone`; or a bad SLA, calendar, business hours, holiday or time zone.
 *
 * @example
 * ```ts
 * const cases = [
 *   { id: 1, opened: '2026-03-02T09:00Z', contacted: '2026-03-02T10:00Z' },
 *   { id: 2, opened: '2026-03-02T09:00Z', contacted: '2026-03-05T09:00Z' },
 *   { id: 3, opened: '2026-03-04T09:00Z', contacted: null },
 * ];
 * const loop = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: '48h' });
 * loop.withinSla.within; // 1 (case 1 in an hour)
 * loop.withinSla.missed; // 1 (case 2 after 72 hours)
 * loop.withinSla.pending; // 1 (case 3, open for 24 hours at the latest time, 2026-03-05 09:00)
 * loop.contact?.median.estimate; // 72 (half are contacted by 72 hours: case 3 is censored at 24)
 * ```
 */
export function closedLoop<Row extends object>(rows: readonly Row[], options: ClosedLoopOptions<Row>): ClosedLoop {
  if (!Array.isArray(rows)) fail('invalid_type', [], 'rows must be an array of cases');
  const calendar = options.calendar ?? 'calendar';
  if (calendar !== 'calendar' && calendar !== 'business') fail('invalid_option', ['calendar'], `calendar is 'calendar' or 'business', got ${JSON.stringify(calendar)}`);
  if (calendar === 'calendar' && (options.businessHours !== undefined || options.holidays !== undefined)) fail('invalid_option', [options.holidays === undefined ? 'businessHours' : 'holidays'], "business hours and holidays count only with calendar: 'business'");
  const clock = calendar === 'business' ? businessClock(options.businessHours, options.holidays) : null;
  const sla = slaHours(options.sla, clock?.hoursPerDay ?? 24);
  const timeZone = options.timeZone === undefined ? null : checkTimeZone(options.timeZone);
  const offsetAt = timeZone === null || timeZone === 'UTC' ? null : offsetsOf(timeZone);
  // Hours between two instants: elapsed, or business hours read off the local wall clock.
  const hours = clock === null ? (from: number, to: number) => (to - from) / HOUR : (from: number, to: number) => (clock.read(local(to)) - clock.read(local(from))) / HOUR;
  const local = (ms: number) => (offsetAt === null ? ms : ms + offsetAt(ms));
  const level = options.level ?? DEFAULT_LEVEL;
  const read = (field: Field<Row> | undefined, label: string) => (field === undefined ? null : fieldReader(field, label).read);
  const [idOf, openedOf, contactedOf, closedOf, byOf] = [read(options.id, 'id'), read(options.opened, 'opened'), read(options.contacted, 'contacted'), read(options.closed, 'closed'), read(options.by, 'by')];
  let zoned: boolean | null = null;
  const instant = (value: unknown, row: number, field: string): number | null => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
    let ms: number;
    const needsZone = () => {
      if (clock !== null && timeZone === null) fail('invalid_date', [row, field], `${value instanceof Date ? 'a Date is an instant' : `${JSON.stringify(value)} has a time zone`}, and business hours are local: give timeZone (the office's, e.g. "Europe/Helsinki")`);
    };
    if (value instanceof Date) {
      needsZone();
      ms = value.getTime();
    } else if (typeof value === 'string') {
      const text = value.trim();
      const hasTime = /\d{2}:\d{2}/.test(text);
      const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && hasTime;
      if (hasTime) {
        if (zoned !== null && zoned !== hasZone) fail('invalid_date', [row, field], `${JSON.stringify(text)} ${hasZone ? 'has' : 'has no'} time zone where earlier times ${zoned ? 'have one' : 'have none'}: durations between them would be off by the offset; give every time with its zone (or none)`);
        zoned = hasZone;
      }
      if (hasZone) needsZone();
      // A date or a wall-clock time: as written, or in timeZone when given.
      const wall = hasZone ? null : hasTime ? text.replace(' ', 'T') : `${text}T00:00`;
      ms = wall === null ? Date.parse(text) : timeZone === null ? Date.parse(`${wall}Z`) : Date.parse(wallClockInstant(wall, timeZone) ?? 'invalid');
    } else return fail('invalid_date', [row, field], `expected a date or ISO 8601 text, got ${typeof value}`);
    if (!Number.isFinite(ms)) fail('invalid_date', [row, field], `${JSON.stringify(String(value))} is not a date`);
    return ms;
  };
  interface Case {
    readonly id: unknown;
    readonly group: string | null;
    readonly opened: number;
    readonly contacted: number | null;
    readonly closed: number | null;
  }
  const seen = new Map<unknown, number>();
  const cases: Case[] = rows.map((row, i) => {
    const id = idOf!(row, i);
    const key = typeof id === 'string' ? groupText(id) : id;
    if (seen.has(key)) fail('duplicate_id', [i, 'id'], `the id ${JSON.stringify(String(id))} is also the id of row ${seen.get(key)}`);
    seen.set(key, i);
    const opened = instant(openedOf!(row, i), i, 'opened');
    if (opened === null) return fail('invalid_date', [i, 'opened'], 'a case needs the time it was opened');
    const contacted = contactedOf === null ? null : instant(contactedOf(row, i), i, 'contacted');
    const closed = closedOf === null ? null : instant(closedOf(row, i), i, 'closed');
    if (contacted !== null && contacted < opened) fail('invalid_date', [i, 'contacted'], 'contacted before it was opened');
    if (closed !== null && closed < opened) fail('invalid_date', [i, 'closed'], 'closed before it was opened');
    const group = byOf === null ? null : groupText(String(byOf(row, i) ?? '(missing)'));
    return { id, group, opened, contacted, closed };
  });
  const latest = cases.reduce((max, c) => Math.max(max, c.opened, c.contacted ?? -Infinity, c.closed ?? -Infinity), -Infinity);
  const asOf = options.asOf === undefined ? latest : instant(options.asOf instanceof Date ? options.asOf : String(options.asOf), -1, 'asOf');
  if (asOf === null || !Number.isFinite(asOf)) fail('invalid_option', ['asOf'], 'there are no cases to time (give asOf, or some cases)');
  const timings = cases.map((c, row): CaseTiming => {
    const contacted = c.contacted !== null && c.contacted <= asOf;
    const taken = hours(c.opened, contacted ? c.contacted! : Math.max(asOf, c.opened));
    const status = taken > sla ? 'missed' : contacted ? 'within' : 'pending';
    return { id: c.id, row, status, contacted, hours: taken };
  });
  // A case with its timing: the SLA and the time to contact are read off the same hours.
  const timed = cases.map((c, i) => ({ c, timing: timings[i]! }));
  const figures = (members: readonly (typeof timed)[number][]): ClosedLoopFigures => {
    let within = 0;
    let missed = 0;
    for (const { timing } of members) {
      if (timing.status === 'within') within++;
      else if (timing.status === 'missed') missed++;
    }
    const decided = within + missed;
    const wilson = decided === 0 ? null : wilsonInterval(within / decided, decided, level);
    const toClose = () => {
      const ended = members.map(({ c }) => c.closed !== null && c.closed <= asOf);
      return kaplanMeier(members.map(({ c }, i) => hours(c.opened, ended[i] ? c.closed! : Math.max(asOf, c.opened))), ended, level);
    };
    return {
      cases: members.length,
      withinSla: { within, missed, pending: members.length - decided, share: decided === 0 ? null : (within / decided) * 100, interval: wilson === null ? null : { ...wilson, lower: wilson.lower * 100, upper: wilson.upper * 100 } },
      contact: contactedOf === null || members.length === 0 ? null : kaplanMeier(members.map(({ timing }) => timing.hours), members.map(({ timing }) => timing.contacted), level),
      close: closedOf === null || members.length === 0 ? null : toClose(),
    };
  };
  const total = figures(timed);
  const base = { ...total, asOf: new Date(asOf).toISOString(), sla, calendar, timings };
  if (byOf === null) return base;
  const groups = new Map<string, (typeof timed)[number][]>();
  for (const entry of timed) {
    const members = groups.get(entry.c.group!) ?? [];
    members.push(entry);
    groups.set(entry.c.group!, members);
  }
  return { ...base, groups: [...groups].map(([key, members]) => ({ key, ...figures(members) })) };
}

/** An SLA in hours: `'48h'`, `'2d'` (days of `hoursPerDay`), `'90m'` or a number of hours. */
function slaHours(sla: string | number, hoursPerDay: number): number {
  if (typeof sla === 'number') {
    if (Number.isFinite(sla) && sla > 0) return sla;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(h|d|m)\s*$/i.exec(sla);
    if (match !== null) return Number(match[1]) * ({ h: 1, d: hoursPerDay, m: 1 / 60 } as const)[match[2]!.toLowerCase() as 'h' | 'd' | 'm'];
  }
  return fail('invalid_option', ['sla'], `sla is a duration such as '48h', '2d' or a number of hours > 0, got ${JSON.stringify(sla)}`);
}
