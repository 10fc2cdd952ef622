import { utf8Text } from '../internal/bytes.js';
import { dateCell, numberCell, type NumberRules } from '../cells/cells.js';
import type { ScanState } from './csv-scanner.js';
import type { CellKind } from '../table.js';

/**
 * Turns the cells the scanner found into values, column by column, without a string per
 * cell where none is needed: plain integers are read from their bytes, and short text (a
 * group, a stage: few distinct values, millions of rows) is looked up by its bytes in a
 * table of the texts seen so far, so "Business" is one string however often it occurs.
 */

const QUOTE_PAIR = /""/g;

/** The text of cell `slot` (a quoted cell's doubled quotes made single). */
export function cellText(state: ScanState, buffer: Uint8Array, slot: number): string {
  const text = utf8Text(buffer, state.starts[slot]!, state.ends[slot]!);
  return state.quoting[slot] === 2 ? text.replace(QUOTE_PAIR, '"') : text;
}

/** A number cell: its integer read from the bytes when it is one, else {@link numberCell} on its text. */
export function decodeNumber(state: ScanState, buffer: Uint8Array, slot: number, rules: NumberRules): number | string | null {
  const start = state.starts[slot]!;
  const end = state.ends[slot]!;
  if (end === start) return null;
  let value = 0;
  let p = start;
  const negative = buffer[p] === 0x2d;
  if (negative) p++;
  // At most 15 digits, so that the value is exact.
  if (end - p > 0 && end - p <= 15) {
    for (; p < end; p++) {
      const digit = buffer[p]! - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (p === end) return negative ? -value : value;
  }
  return numberCell(cellText(state, buffer, slot), rules);
}

/** Distinct texts kept per column before giving up on sharing them (a column of ids, of comments). */
const SHARED_TEXTS = 10_000;
/** Longer texts are not shared. */
const SHARED_LENGTH = 64;

/**
 * Text cells as written, empty as null; each distinct short text made into a string once.
 * The table is open addressing over an FNV-1a hash of the bytes.
 */
export function textDecoder(): (state: ScanState, buffer: Uint8Array, slot: number) => string | null {
  let size = 256;
  let hashes = new Int32Array(size);
  let entries: ({ bytes: Uint8Array; text: string } | undefined)[] = new Array(size);
  let count = 0;
  const grow = () => {
    const old = entries;
    size *= 2;
    hashes = new Int32Array(size);
    entries = new Array(size);
    for (const entry of old) if (entry) place(hash(entry.bytes, 0, entry.bytes.length), entry);
  };
  const place = (h: number, entry: { bytes: Uint8Array; text: string }) => {
    let at = h & (size - 1);
    while (entries[at] !== undefined) at = (at + 1) & (size - 1);
    hashes[at] = h;
    entries[at] = entry;
  };
  return (state, buffer, slot) => {
    const start = state.starts[slot]!;
    const end = state.ends[slot]!;
    if (end === start) return null;
    if (state.quoting[slot] !== 0 || end - start > SHARED_LENGTH || count >= SHARED_TEXTS) return cellText(state, buffer, slot);
    const h = hash(buffer, start, end);
    for (let at = h & (size - 1); ; at = (at + 1) & (size - 1)) {
      const entry = entries[at];
      if (entry === undefined) break;
      if (hashes[at] === h && sameBytes(entry.bytes, buffer, start, end)) return entry.text;
    }
    const entry = { bytes: buffer.slice(start, end), text: utf8Text(buffer, start, end) };
    if (++count * 2 > size) grow();
    place(h, entry);
    return entry.text;
  };
}

function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, 0x01000193);
  return h;
}

function sameBytes(known: Uint8Array, buffer: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== buffer[start + i]) return false;
  return true;
}

/** Reads cell `slot` as its column's kind asks. */
export type CellReader = (state: ScanState, buffer: Uint8Array, slot: number) => unknown;

/** A reader per column kind; text readers share strings within their column; `zone`: the zone the file states a date column's times are in. */
export function cellReader(kind: CellKind, rules: NumberRules, zone: string | null): CellReader {
  if (kind === 'number') return (state, buffer, slot) => decodeNumber(state, buffer, slot, rules);
  if (kind === 'date') return (state, buffer, slot) => dateCell(cellText(state, buffer, slot), rules, zone);
  return textDecoder();
}
