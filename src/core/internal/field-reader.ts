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
  readonly read: (row: object, index: number) => unknown;
}

export function fieldReader<Row>(field: Field<Row>, label: string): FieldReader {
  if (typeof field === 'function') return { label, field: undefined, read: field as (row: object, index: number) => unknown };
  return { label: field, field, read: (row) => (row as Record<string, unknown>)[field] };
}
