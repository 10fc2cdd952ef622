import type { Period } from '../../../../src/common/calendar.js';
import { single, type Flag, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';

const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The flags of a command over calendar periods (`trend`, `monitor`). */
export const PERIOD_FLAGS: readonly Flag[] = [
  { name: 'at', value: 'COL', help: 'when each answer was given: ISO 8601 (2026-01-05, 2026-01-05 09:30, …Z or +02:00), Google Forms timestamps, Excel dates' },
  { name: 'period', value: 'PERIOD', help: 'day, week (ISO, from Monday), month, quarter or year' },
  { name: 'time-zone', value: 'TZ', help: 'the calendar instants are dated in, e.g. Europe/Helsinki (default UTC); dates without a time or offset are taken as written' },
];

/** `--at`, `--period` and `--time-zone`, checked; `command` names the command in the message for a missing `--at`. */
export function periodFlags(args: ParsedArgs, command: string): { at: string; period: Period; timeZone: string | undefined } {
  const at = single(args, 'at');
  const period = single(args, 'period');
  if (at === undefined) throw new UsageError(`${command} needs --at COL: the column of dates`);
  if (period === undefined || !(PERIODS as readonly string[]).includes(period)) throw new UsageError(`--period takes ${PERIODS.join(', ')}${period === undefined ? '' : `, got "${period}"`}`);
  return { at, period: period as Period, timeZone: single(args, 'time-zone') };
}
