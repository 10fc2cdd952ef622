/**
 * `--date-format`: dates written in a layout the reader does not guess, such as a US
 * spreadsheet's `11/1/2019 8:51:12` (is that 11 January or 1 November? the file cannot say).
 * A small documented set of tokens, each matched exactly:
 *
 * | token | matches |
 * | --- | --- |
 * | `YYYY` | a four-digit year |
 * | `M`, `MM` | month, 1–12 (`MM` two digits) |
 * | `D`, `DD` | day of the month (`DD` two digits) |
 * | `H`, `HH` | hour 0–23 |
 * | `h`, `hh` | hour 1–12, with `A` |
 * | `mm`, `ss` | minutes, seconds (two digits) |
 * | `A` | AM or PM (any case) |
 * | `Z` | an offset: `Z`, `+02:00`, `+0200`, `GMT+2` |
 *
 * Anything else is literal text; a run of spaces matches one or more spaces. A date read so is
 * rewritten as ISO 8601: with an offset when the format has `Z`, else a wall-clock time, which
 * the commands take as written.
 */

/** A compiled `--date-format`: the ISO 8601 text of a cell, or null when the cell does not have the format. */
export type DateFormat = (text: string) => string | null;

const TOKENS = /YYYY|MM|M|DD|D|HH|H|hh|h|mm|ss|A|Z|\s+|./gs;

/**
 * Compiles a format.
 * @throws {TypeError} for a format without year, month and day, with `h` and no `A` (or the reverse), or a token twice.
 */
export function compileDateFormat(format: string): DateFormat {
  const groups: string[] = [];
  let pattern = '';
  for (const [token] of format.matchAll(TOKENS)) {
    const part = PARTS[token];
    if (part === undefined) {
      pattern += /^\s+$/.test(token) ? '\\s+' : token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    const name = part.name;
    if (groups.includes(name)) throw new TypeError(`--date-format has ${name} twice: ${JSON.stringify(format)}`);
    groups.push(name);
    pattern += `(?<${name}>${part.pattern})`;
  }
  for (const needed of ['year', 'month', 'day']) if (!groups.includes(needed)) throw new TypeError(`--date-format needs YYYY, M and D (it has no ${needed}): ${JSON.stringify(format)}`);
  if (groups.includes('hour12') !== groups.includes('half')) throw new TypeError(`--date-format: h (a 12-hour clock) goes with A (AM or PM), H with neither: ${JSON.stringify(format)}`);
  const regex = new RegExp(`^${pattern}$`, 'i');
  return (text) => {
    const match = regex.exec(text.trim());
    if (match === null) return null;
    const got = match.groups!;
    const [year, month, day] = [Number(got['year']), Number(got['month']), Number(got['day'])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    let hour = Number(got['hour'] ?? got['hour12'] ?? 0);
    if (got['hour12'] !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (got['half']!.toUpperCase() === 'PM' ? 12 : 0);
    }
    const [minute, second] = [Number(got['minute'] ?? 0), Number(got['second'] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return null;
    const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
    const timed = groups.some((name) => name === 'hour' || name === 'hour12') ? `${iso}T${pad(hour)}:${pad(minute)}:${pad(second)}` : iso;
    return got['zone'] === undefined ? timed : `${timed.length === 10 ? `${timed}T00:00:00` : timed}${offsetText(got['zone'])}`;
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

const PARTS: Readonly<Record<string, { name: string; pattern: string }>> = {
  YYYY: { name: 'year', pattern: '\\d{4}' },
  MM: { name: 'month', pattern: '\\d{2}' },
  M: { name: 'month', pattern: '\\d{1,2}' },
  DD: { name: 'day', pattern: '\\d{2}' },
  D: { name: 'day', pattern: '\\d{1,2}' },
  HH: { name: 'hour', pattern: '\\d{2}' },
  H: { name: 'hour', pattern: '\\d{1,2}' },
  hh: { name: 'hour12', pattern: '\\d{2}' },
  h: { name: 'hour12', pattern: '\\d{1,2}' },
  mm: { name: 'minute', pattern: '\\d{2}' },
  ss: { name: 'second', pattern: '\\d{2}' },
  A: { name: 'half', pattern: '[AP]M' },
  Z: { name: 'zone', pattern: 'Z|(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?' },
};

/** An offset as ISO 8601 writes it: `Z`, `+02:00`. */
function offsetText(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const [, sign, hours, minutes] = /([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  return `${sign}${pad(Number(hours))}:${minutes ?? '00'}`;
}
