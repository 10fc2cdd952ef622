import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const AIRLINE = 'airline-passenger-satisfaction-test.csv';

/**
 * The path of the shared airline survey (never copied into the project): $CX_SHARED_DATA,
 * or ../shared/data beside the checkout, or the workplace's /work/shared/data. Undefined
 * when none exists, so the tests that need it are reported as skipped, not passed.
 */
export const airlineCsv: string | undefined = [process.env['CX_SHARED_DATA'], resolve(root, '../shared/data'), '/work/shared/data']
  .filter((dir): dir is string => dir !== undefined && dir !== '')
  .map((dir) => resolve(dir, AIRLINE))
  .find((path) => existsSync(path));

/** The 14 service items of the airline survey, rated 1–5 with 0 = not applicable. */
export const AIRLINE_ITEMS = [
  'Inflight wifi service',
  'Departure/Arrival time convenient',
  'Ease of Online booking',
  'Gate location',
  'Food and drink',
  'Online boarding',
  'Seat comfort',
  'Inflight entertainment',
  'On-board service',
  'Leg room service',
  'Baggage handling',
  'Checkin service',
  'Inflight service',
  'Cleanliness',
] as const;
