/** A function that reads a value from one of the user's rows. */
export type RowAccessor<Row> = (row: Row, index: number) => unknown;

/** Where a value lives in a row: a field name, or a function of the row and its index. */
export type Field<Row> = string | RowAccessor<Row>;

/** A checked {@link Field}: how to read it, and what to call it in errors. */
export interface FieldReader {
  /** The field name, or for an accessor the option it was given for (e.g. `'nps'`). */
  readonly label: string;
  /** The field name; undefined for an accessor. */
  readonly field: string | undefined;
  /**
   * The field name when `row[name]` reads it right, for hot loops to read it in place;
   * undefined for an accessor and for a name every object inherits (see {@link ownField}).
   */
  readonly direct: string | undefined;
  readonly read: (row: object, index: number) => unknown;
}

/**
 * Whether every plain object answers to the name without having it — `constructor`,
 * `toString`, `__proto__`, `hasOwnProperty`…: a row without such a field would otherwise read
 * Object's own function or prototype, and a group "function Object()" would appear.
 */
export function isInheritedName(name: string): boolean {
  return name in Object.prototype;
}

/**
 * A field of a row as the row (or a class of the user's between it and Object) defines it,
 * getters included; undefined when only Object.prototype has the name.
 */
export function ownField(row: object, name: string): unknown {
  for (let level: object | null = row; level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
    const property = Object.getOwnPropertyDescriptor(level, name);
    if (property !== undefined) return property.get !== undefined ? property.get.call(row) : property.value;
  }
  return undefined;
}

/** Whether a row has a field, own or from a class of the user's (never merely from Object.prototype). */
export function hasField(row: object, name: string): boolean {
  if (!isInheritedName(name)) return name in row;
  for (let level: object | null = row; level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
    if (Object.hasOwn(level, name)) return true;
  }
  return false;
}

export function fieldReader<Row>(field: Field<Row>, label: string): FieldReader {
  if (typeof field === 'function') return { label, field: undefined, direct: undefined, read: field as (row: object, index: number) => unknown };
  if (isInheritedName(field)) return { label: field, field, direct: undefined, read: (row) => ownField(row, field) };
  return { label: field, field, direct: field, read: (row) => (row as Record<string, unknown>)[field] };
}
