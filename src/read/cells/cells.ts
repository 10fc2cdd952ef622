import type { DateFormat } from './date-format.js';
import { wallClockInstant } from '../../common/wall-clock.js';

/**
 * Turning the text of a cell into the value a command reads: numbers for metric and weight
 * columns, text as written for groups, stages and ids, ISO 8601 text for dates. The same
 * rules serve CSV, workbooks and JSON strings, so a file reads the same whatever its format.
 */

/** How number cells are read. */
export interface NumberRules {
  /** `4,5` is 4.5: set for semicolon- and tab-separated files, where Excel writes decimal commas. */
  readonly decimalComma: boolean;
  /** Answers written as text labels (`--map "Very satisfied=5"`), keys trimmed, NFC-normalised and lower-cased. */
  readonly labels: ReadonlyMap<string, number | null> | null;
  /** What a number in a date column counts (`--date-unit`); without one such a number is refused. */
  readonly dateUnit?: DateUnit | null | undefined;
  /** How dates are written when not as the readers recognise them (`--date-format`). */
  readonly dateFormat?: DateFormat | null | undefined;
}

/** What a date written as a number counts: a spreadsheet's serial day, or seconds or milliseconds since 1970 (UTC). */
export type DateUnit = 'excel-days' | 'unix-seconds' | 'unix-ms';
export const DATE_UNITS: readonly DateUnit[] = ['excel-days', 'unix-seconds', 'unix-ms'];

/** Excel's serial day 25569 is 1970-01-01 (its 1900 date system; day 60 is the 29 February 1900 Excel believes in). */
const EXCEL_EPOCH_DAY = 25569;
const DAY_MS = 86_400_000;

/** A wall-clock time as ISO text without an offset: the date alone at midnight. */
export function wallClockText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/**
 * A date written as a number, as ISO text: an Excel serial day is a wall-clock date and time
 * (no zone), seconds or milliseconds since 1970 are instants (UTC). Null when the number is
 * no date of the unit (not finite, or beyond the years 0–9999).
 */
export function numberDate(value: number, unit: DateUnit): string | null {
  const ms = unit === 'excel-days' ? Math.round((value - EXCEL_EPOCH_DAY) * DAY_MS) : unit === 'unix-seconds' ? value * 1000 : value;
  if (!Number.isFinite(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999) return null;
  return unit === 'excel-days' ? wallClockText(ms) : new Date(ms).toISOString();
}

/** Why a number in a date column is not read as a date, for a message that names its place. */
export function numberDateMessage(value: number, unit: DateUnit | null | undefined): string {
  if (unit) return `${value} is not a date in ${unit}`;
  return `${value} is a number, not a date: say what it counts with --date-unit excel-days (a spreadsheet's day number, as in a column formatted General), unix-seconds or unix-ms`;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** "10 - Extremely likely", "5 = Very satisfied", "4 Satisfied", "2: Disagree", "1) Poor": the leading integer. */
const LEADING_NUMBER = /^([+-]?\d+)(?:\s*[-–—=:.)]\s*|\s+)(?=[^\d\s])/;

/**
 * A number cell: empty is no answer (null); a number is that number; a label with a leading
 * number, or one of the `labels`, is its number. Anything else comes back as the text itself,
 * which the library then reports as an invalid answer, naming row and column.
 */
export function numberCell(text: string, rules: NumberRules): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (PLAIN_NUMBER.test(trimmed)) return Number(trimmed);
  if (rules.decimalComma && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  const mapped = rules.labels?.get(trimmed.normalize('NFC').toLowerCase());
  if (mapped !== undefined) return mapped;
  const leading = LEADING_NUMBER.exec(trimmed);
  return leading ? Number(leading[1]) : text;
}

/** Labels read as numbers, lower-cased; null for a label that means "not applicable" (`=na`). */
export type LabelMap = Map<string, number | null>;

/**
 * Parses `--map "Very satisfied=5,Satisfied=4"` into lower-cased labels. A label may itself
 * hold a comma when quoted: `--map '"Good, mostly"=4'`. `=na` maps a label to no answer:
 * `--map "Unfamiliar (N/A)=na"`.
 */
export function parseLabelMap(specs: readonly string[], labels: LabelMap = new Map()): LabelMap {
  for (const spec of specs) {
    for (const pair of splitPairs(spec)) addLabel(labels, unquote(pair.slice(0, Math.max(0, pair.lastIndexOf('='))).trim()), pair, '--map takes LABEL=NUMBER pairs separated by commas (or LABEL=na)');
  }
  return labels;
}

/**
 * Parses a `--map-file`: one `label=value` a line, the value after the last `=` (so a label
 * may hold commas, quotes and `=`), blank lines and lines starting with `#` skipped. An
 * error names the line.
 */
export function parseLabelFile(text: string, file: string, labels: LabelMap = new Map()): LabelMap {
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.trimStart().startsWith('#')) return;
      addLabel(labels, line.slice(0, Math.max(0, line.lastIndexOf('='))).trim(), line, `${file}, line ${i + 1}: --map-file takes one LABEL=NUMBER (or LABEL=na) a line`);
    });
  return labels;
}

/** One label and its value (a number, or na), checked: a label given two values is an error. */
function addLabel(labels: LabelMap, label: string, pair: string, usage: string): void {
  const at = pair.lastIndexOf('=');
  const text = pair.slice(at + 1).trim();
  const value = /^n\/?a$/i.test(text) ? null : Number(text);
  if (at <= 0 || label === '' || text === '' || (value !== null && !Number.isFinite(value))) throw new TypeError(`${usage}, got ${JSON.stringify(pair.trim())}`);
  setLabel(labels, label, value, '--map');
}

/** Maps a label (trimmed, NFC-normalised, lower-cased) to a value; the same label given another value is an error naming `source`. */
export function setLabel(labels: LabelMap, label: string, value: number | null, source: string): void {
  const key = label.trim().normalize('NFC').toLowerCase();
  const before = labels.get(key);
  if (before !== undefined && before !== value) throw new TypeError(`${source} gives ${JSON.stringify(label)} two values (${before ?? 'na'} and ${value ?? 'na'})`);
  labels.set(key, value);
}

function splitPairs(spec: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of spec) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      pairs.push(current);
      current = '';
    } else current += c;
  }
  pairs.push(current);
  return pairs.filter((pair) => pair.trim() !== '');
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** Google Forms: "2026/11/03 10:15:32 AM GMT+2", or with the zone's abbreviation, "2022/03/26 11:00:19 PM AST". */
const GOOGLE_FORMS = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M) (?:GMT([+-]\d{1,2})(?::?(\d{2}))?|[A-Z]{2,5})$/;

const pad = (value: number | string) => String(value).padStart(2, '0');

/**
 * A date cell as the library reads dates (ISO 8601 text, with a T or a space as Qualtrics
 * writes it, or a Date): Google Forms' "2026/11/03 10:15:32 AM GMT+2" is rewritten to ISO
 * 8601 with the same meaning; a wall-clock time in a column whose zone the file states
 * (Qualtrics) becomes the instant it was there; a number is a date of `--date-unit` when one
 * is given; anything else is passed on as it is (an unreadable date is then reported by row
 * and column). Empty is no date (null).
 */
export function dateCell(value: string, rules: NumberRules, zone: string | null): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (rules.dateUnit && PLAIN_NUMBER.test(trimmed)) return numberDate(Number(trimmed), rules.dateUnit) ?? trimmed;
  const formatted = rules.dateFormat?.(trimmed);
  if (formatted !== null && formatted !== undefined) return formatted;
  if (zone !== null) {
    const instant = wallClockInstant(trimmed, zone);
    if (instant !== null) return instant;
  }
  const forms = GOOGLE_FORMS.exec(trimmed);
  if (forms) {
    const [, year, month, day, hour, minute, second, half, offsetHours, offsetMinutes] = forms as unknown as string[];
    const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
    const wallClock = `${year}-${pad(month!)}-${pad(day!)}T${pad(h)}:${minute}:${second}`;
    // A zone's abbreviation names no offset for sure (AST is −4 in the Atlantic, +3 in Arabia): the time as written, on its own calendar.
    if (offsetHours === undefined) return wallClock;
    const sign = offsetHours.startsWith('-') ? '-' : '+';
    return `${wallClock}${sign}${pad(offsetHours.replace(/^[+-]/, ''))}:${offsetMinutes ?? '00'}`;
  }
  return trimmed;
}
