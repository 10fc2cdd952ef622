import type { FollowUp, FollowUpList } from '../../../../src/analysis/follow-ups.js';
import { groupText } from '../../../../src/core/internal/group-keys.js';
import { closedLoop, type ClosedLoop, type ClosedLoopOptions } from '../../../../src/monitoring/closed-loop.js';
import { finnishHolidays } from '../../../../src/monitoring/finnish-holidays.js';
import type { Row } from '../../../../src/read/table.js';
import { openTable } from '../input/open-table.js';
import { single, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { FlagGroup } from '../args.js';
import { resolveColumn } from './columns.js';
import { allRows, columnPlan, onTable } from './run.js';

/** The flags of a case log joined to the follow-up list. */
export const CASE_LOG_FLAGS: FlagGroup = {
  heading: 'Case log (the closed loop)',
  flags: [
    { name: 'log', value: 'FILE', help: 'the case log (CSV, xlsx, JSON…, one row per case) joined to the list by id: each contact gets its case, overdue ones first, and the command exits 3 when a case is open past the SLA' },
    { name: 'log-id', value: 'COL', help: "the log's id column (default: the --id column's name)" },
    { name: 'opened', value: 'COL', help: 'when the case was opened (default "opened")' },
    { name: 'contacted', value: 'COL', help: 'when the customer was contacted, blank while not yet (default "contacted")' },
    { name: 'closed', value: 'COL', help: 'when the case was closed (optional): adds the time to close' },
    { name: 'sla', value: 'DURATION', help: 'the time allowed to contact: 48h (default), 2d, 90m' },
    { name: 'as-of', value: 'TIME', help: 'when open cases are judged (default: the latest time in the log, never the clock)' },
    { name: 'business-hours', value: 'HH:MM-HH:MM', help: 'count only these hours, Monday to Friday, in --time-zone (e.g. 08:00-16:00); the SLA is then in business hours, a day its opening hours' },
    { name: 'holidays', value: 'fi|DATES', help: 'with --business-hours: days closed, "fi" for Finnish holidays or dates 2026-12-24,2026-12-31' },
    { name: 'time-zone', value: 'TZ', help: 'the zone of times without an offset and of business hours, e.g. Europe/Helsinki' },
  ],
};

/** A contact's case: on time, overdue (open past the SLA), contacted late, still open inside it, or no case in the log. */
export type CaseState = 'contacted' | 'contacted late' | 'open' | 'overdue' | 'no case';

export interface ContactCase {
  readonly state: CaseState;
  /** Hours to contact, or open so far; null without a case. */
  readonly hours: number | null;
}

/** The list joined to its case log: the contacts most urgent first, each with its case. */
export interface CaseLogJoin {
  readonly list: FollowUpList;
  readonly cases: readonly ContactCase[];
  readonly loop: ClosedLoop;
  readonly overdue: number;
  readonly unlogged: number;
  /** Cases in the log whose id is not on the list. */
  readonly elsewhere: number;
}

const URGENCY: Record<CaseState, number> = { overdue: 0, 'no case': 1, open: 2, 'contacted late': 3, contacted: 4 };

/** Reads the log named by --log and joins it to the list; null without --log. */
export async function joinCaseLog(args: ParsedArgs, list: FollowUpList, idColumn: string): Promise<CaseLogJoin | null> {
  const file = single(args, 'log');
  if (file === undefined) {
    const stray = CASE_LOG_FLAGS.flags.find((flag) => flag.name !== 'log' && single(args, flag.name) !== undefined);
    if (stray !== undefined) throw new UsageError(`--${stray.name} is for the case log: give --log FILE`);
    return null;
  }
  const table = await openTable(file, {});
  const column = (flag: string, fallback: string | undefined) => {
    const asked = single(args, flag) ?? fallback;
    return asked === undefined ? undefined : resolveColumn(table, asked);
  };
  const id = column('log-id', idColumn)!;
  const opened = column('opened', 'opened')!;
  const contacted = column('contacted', 'contacted')!;
  const closed = column('closed', undefined);
  const rows = await allRows(table, columnPlan([id], [opened, contacted, ...(closed === undefined ? [] : [closed])], []));
  const hoursFlag = single(args, 'business-hours');
  const holidaysFlag = single(args, 'holidays');
  if (holidaysFlag !== undefined && hoursFlag === undefined) throw new UsageError('--holidays counts only with --business-hours');
  const options: ClosedLoopOptions<Row> = {
    id,
    opened,
    contacted,
    ...(closed === undefined ? {} : { closed }),
    sla: single(args, 'sla') ?? '48h',
    ...(single(args, 'as-of') === undefined ? {} : { asOf: single(args, 'as-of') }),
    ...(single(args, 'time-zone') === undefined ? {} : { timeZone: single(args, 'time-zone') }),
    ...(hoursFlag === undefined ? {} : { calendar: 'business', businessHours: openingHours(hoursFlag), holidays: holidaysFlag === undefined ? [] : holidayList(holidaysFlag, rows, [opened, contacted, closed], single(args, 'as-of')) }),
  };
  const loop = await onTable(table, () => closedLoop(rows, options));
  const timing = new Map(loop.timings.map((entry) => [keyOf(entry.id), entry]));
  const listed = list.contacts.map((contact): { contact: FollowUp; found: ContactCase } => {
    const entry = timing.get(keyOf(contact.id));
    if (entry === undefined) return { contact, found: { state: 'no case', hours: null } };
    const state: CaseState = entry.contacted ? (entry.status === 'missed' ? 'contacted late' : 'contacted') : entry.status === 'missed' ? 'overdue' : 'open';
    return { contact, found: { state, hours: entry.hours } };
  });
  // Most urgent first; the longest wait first within a state; the list's order otherwise.
  const ordered = listed
    .map((entry, i) => ({ ...entry, i }))
    .sort((a, b) => URGENCY[a.found.state] - URGENCY[b.found.state] || (b.found.hours ?? 0) - (a.found.hours ?? 0) || a.i - b.i);
  const onList = new Set(list.contacts.map((contact) => keyOf(contact.id)));
  return {
    list: { ...list, contacts: ordered.map((entry) => entry.contact) },
    cases: ordered.map((entry) => entry.found),
    loop,
    overdue: listed.filter((entry) => entry.found.state === 'overdue').length,
    unlogged: listed.filter((entry) => entry.found.state === 'no case').length,
    elsewhere: loop.timings.filter((entry) => !onList.has(keyOf(entry.id))).length,
  };
}

/** Ids as the join compares them: text normalised as group keys are, so "A1" and "A1\u200b" do not silently differ. */
function keyOf(id: unknown): string {
  return groupText(String(id ?? ''));
}

function openingHours(text: string): { start: string; end: string } {
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text.trim());
  if (match === null) throw new UsageError(`--business-hours takes opening and closing times HH:MM-HH:MM, e.g. 08:00-16:00; got ${JSON.stringify(text)}`);
  return { start: match[1]!, end: match[2]! };
}

/** "fi": Finland's holidays for the years from the log's first time to its last (and --as-of); else a list of dates. */
function holidayList(text: string, rows: readonly Row[], columns: readonly (string | undefined)[], asOf: string | undefined): string[] {
  if (text.trim().toLowerCase() !== 'fi') return text.split(',').map((date) => date.trim());
  let first = Infinity;
  let last = -Infinity;
  const note = (value: unknown) => {
    const year = typeof value === 'string' ? Number(value.slice(0, 4)) : NaN;
    if (Number.isInteger(year) && year >= 1583 && year <= 9999) [first, last] = [Math.min(first, year), Math.max(last, year)];
  };
  for (const row of rows) for (const column of columns) if (column !== undefined) note(row[column]);
  note(asOf);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => finnishHolidays(first + i)).flat();
}
