/**
 * Group keys compared by value, the same wherever the user's values become groups (summaries
 * in memory and read back from SQL, scorecard groups and waves, journey stages):
 * - text is compared after Unicode NFC normalisation and trimming of surrounding white space,
 *   so "Müller" typed and pasted (NFC, NFD) and "Helsinki " are the groups they look like; the
 *   key reported is the normalised text;
 * - a `Date` by its instant (one day's rows from a driver are one group, not one per row);
 * - a value with its own text form — a DuckDB DATE, DECIMAL, UUID or INTERVAL value, a
 *   Decimal — by its class and that text; a plain object or a list (an INTERVAL as DuckDB's
 *   `getRowObjectsJS` gives it) by its content;
 * - a bigint that fits a double as that number, so 7n and 7 are one group;
 * - numbers, booleans, null and undefined as they are (a `Map` compares them by value).
 * A function has no value to compare, nor has an object that contains itself: they are refused.
 */

/** Why a value cannot be a group key. */
export const NOT_A_KEY = 'a group must be a value (text, a number, a date…), not a function or an object that contains itself';

/** Returned by {@link KeyIdentities.identity} for a value that cannot be a key. */
export const NO_KEY: unique symbol = Symbol('no key');

/** The identities of group keys in a `Map`. */
export interface KeyIdentities {
  /** The value the map compares (a string, a number, an interned token), or {@link NO_KEY}. */
  identity(value: unknown): unknown;
  /** The key reported for a value: normalised text, a bigint that fits as a number, anything else as given. */
  reported(value: unknown): unknown;
}

/** Normalised group text: NFC, surrounding white space trimmed. */
export function groupText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Identities of group keys; tokens for dates and text-valued objects are interned per instance. */
export function keyIdentities(): KeyIdentities {
  const tokens = new Map<string | number, symbol>();
  const token = (id: string | number) => {
    let found = tokens.get(id);
    if (found === undefined) tokens.set(id, (found = Symbol(String(id))));
    return found;
  };
  return {
    identity(value) {
      switch (typeof value) {
        case 'string':
          return groupText(value);
        case 'bigint':
          return Number.isSafeInteger(Number(value)) ? Number(value) : value;
        case 'function':
          return NO_KEY;
        case 'object': {
          if (value === null) return null;
          if (value instanceof Date) return token(value.getTime());
          const text = contentText(value, []);
          return text === null ? NO_KEY : token(text);
        }
        default:
          return value;
      }
    },
    reported(value) {
      if (typeof value === 'string') return groupText(value);
      if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return Number(value);
      return value;
    },
  };
}

/** Whether a value can be a group key (see {@link keyIdentities}). */
export function isGroupKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null ? contentText(value, []) !== null : typeof value !== 'function';
}

/** The text form of an object whose class defines one (`toString` other than Object's), else null. */
export function ownText(value: object): string | null {
  if (Array.isArray(value)) return null;
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || prototype === Object.prototype) return null;
  const toString = (value as { toString?: unknown }).toString;
  if (typeof toString !== 'function' || toString === Object.prototype.toString) return null;
  return String(value);
}

/** A value as text that differs whenever its content does (see {@link keyIdentities}); null for a function. */
export function valueText(value: unknown): string | null {
  return contentText(value, []);
}

/**
 * What an object holds, as text that differs whenever the content does: a class's own text
 * form with the class name, a list or a plain object part by part (keys sorted), a `Date` by
 * its instant. Null for a function or an object that contains itself (`open` holds the
 * objects being written).
 */
function contentText(value: unknown, open: object[]): string | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
    case 'function':
      return null;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Date) return `Date(${object.getTime()})`;
  const text = ownText(object);
  if (text !== null) return `${object.constructor.name}(${JSON.stringify(text)})`;
  if (open.includes(object)) return null;
  open.push(object);
  const entries = Array.isArray(object) ? object.map((part) => contentText(part, open)) : Object.keys(object).sort().map((key) => {
    const part = contentText((object as Record<string, unknown>)[key], open);
    return part === null ? null : `${JSON.stringify(key)}:${part}`;
  });
  open.pop();
  if (entries.includes(null)) return null;
  return Array.isArray(object) ? `[${entries.join(',')}]` : `{${entries.join(',')}}`;
}

/**
 * Groups keyed by one value or by a tuple of values, in first-seen order, keys compared as
 * {@link keyIdentities} says. Parts of a tuple are `Map` keys at nested levels, never joined
 * into strings that could collide, so ["a,b"] and ["a", "b"] differ, and "__proto__" is an
 * ordinary key. A raw string is remembered beside its normalised form, so a key seen before
 * costs one `Map` lookup.
 */
export function keyedGroups<Group>(create: () => Group) {
  const identities = keyIdentities();
  const root = new Map<unknown, unknown>();
  const ordered: { key: unknown; group: Group }[] = [];
  const leaf = Symbol('group');
  /** The level below `level` for one part; undefined when the part cannot be a key. */
  const step = (level: Map<unknown, unknown>, part: unknown): Map<unknown, unknown> | undefined => {
    const cached = level.get(part) as Map<unknown, unknown> | undefined;
    if (cached !== undefined) return cached;
    const identity = identities.identity(part);
    if (identity === NO_KEY) return undefined;
    let next = level.get(identity) as Map<unknown, unknown> | undefined;
    if (next === undefined) level.set(identity, (next = new Map()));
    // Primitives are remembered as given too; objects are not (each row has its own Date).
    if (typeof part !== 'object' || part === null) level.set(part, next);
    return next;
  };
  const groupAt = (level: Map<unknown, unknown>, key: () => unknown): Group => {
    let group = level.get(leaf) as Group | undefined;
    if (group === undefined) {
      group = create();
      level.set(leaf, group);
      ordered.push({ key: key(), group });
    }
    return group;
  };
  // One value's group by the value as given (primitives only): one lookup for a key seen before.
  const direct = new Map<unknown, Group>();
  return {
    /**
     * The groups of values seen before, by the value as given (primitives only): a hot loop
     * looks here first in its own code (`cached.get(v) ?? one(v)`), the cost of a plain Map.
     */
    cached: direct as ReadonlyMap<unknown, Group>,
    /** The group of one value, or undefined when the value cannot be a key. */
    one(value: unknown): Group | undefined {
      const known = direct.get(value);
      if (known !== undefined) return known;
      const level = step(root, value);
      if (level === undefined) return undefined;
      const group = groupAt(level, () => identities.reported(value));
      if (typeof value !== 'object' || value === null) direct.set(value, group);
      return group;
    },
    /** The group of a tuple of values, or undefined when a part cannot be a key. */
    tuple(parts: readonly unknown[]): Group | undefined {
      let level = root;
      for (const part of parts) {
        const next = step(level, part);
        if (next === undefined) return undefined;
        level = next;
      }
      return groupAt(level, () => parts.map((part) => identities.reported(part)));
    },
    entries(): readonly { key: unknown; group: Group }[] {
      return ordered;
    },
  };
}
