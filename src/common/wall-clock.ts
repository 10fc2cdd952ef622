/**
 * Wall-clock times in a time zone, and a zone's offset at an instant: what the readers need for
 * the time zones Qualtrics states, and the closed loop for local business hours.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;

/** A zone's offset from UTC at an instant, in milliseconds (Helsinki in summer: +3 h). */
export type OffsetAt = (ms: number) => number;

/** Offsets per zone, cached per quarter hour (every offset change in use falls on one). */
const zones = new Map<string, OffsetAt>();

/** The offset of a zone at any instant (an IANA name the runtime knows; else Intl throws). */
export function offsetsOf(zone: string): OffsetAt {
  let offsetAt = zones.get(zone);
  if (offsetAt !== undefined) return offsetAt;
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const cache = new Map<number, number>();
  offsetAt = (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR);
    let offset = cache.get(quarter);
    if (offset === undefined) {
      const at = quarter * QUARTER_HOUR;
      const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
      offset = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second'])) - at;
      cache.set(quarter, offset);
    }
    return offset;
  };
  zones.set(zone, offsetAt);
  return offsetAt;
}

/**
 * A wall-clock date-time (`2026-03-29 03:30:00`) in `zone` as an ISO 8601 instant in UTC, or
 * null when the text is not a date-time without an offset. A time the clocks skip (spring
 * forward) is read with the offset before the change, as browsers and Java read it; a time
 * they pass twice (autumn) is the first of the two.
 */
export function wallClockInstant(text: string, zone: string): string | null {
  const found = WALL_CLOCK.exec(text);
  if (found === null) return null;
  const [year, month, day, hour, minute, second] = found.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((found[7] ?? '0').padEnd(3, '0'));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (zone === 'Z' || zone === 'UTC') return new Date(asUtc).toISOString();
  const offsetAt = offsetsOf(zone);
  // The offsets a day either side are those before and after any change near this time.
  const before = asUtc - offsetAt(asUtc - DAY);
  const after = asUtc - offsetAt(asUtc + DAY);
  const fits = [before, after].filter((ms) => ms + offsetAt(ms) === asUtc);
  return new Date(fits.length > 0 ? Math.min(...fits) : before).toISOString();
}
