/**
 * What every input reader gives a command: the file's columns (named in its header, or
 * found in its rows for JSON), and its rows with only the columns asked for, each read as
 * the command needs it. Commands never see the format.
 */

/** How a column's cells are read: numbers (answers, weights), text as written (groups, ids), dates. */
export type CellKind = 'number' | 'text' | 'date';

/** A column a command reads, the property it gets in each row, and how its cells are read. */
export interface ColumnPlan {
  /** The column's name in the file. */
  readonly name: string;
  readonly kind: CellKind;
  /** The row property it becomes (default: its name); a row filter reads its column under a key of its own. */
  readonly key?: string;
}

/** The row property of a planned column. */
export function keyOf(column: ColumnPlan): string {
  return column.key ?? column.name;
}

/** A row as commands read it: the asked-for columns by name. */
export type Row = Record<string, unknown>;

/**
 * An empty row without a prototype: a column named "__proto__" or "constructor" is then a
 * property like any other (assigning "__proto__" on a plain object sets its prototype).
 */
export function emptyRow(): Row {
  return Object.create(null) as Row;
}

/** The formats the readers know. */
export type TableFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson' | 'parquet';

/**
 * An input opened for reading: how it was laid out (what was detected, or given) and its
 * columns, with the rows still to be read.
 */
export interface Table {
  /** The input as messages name it (a path, a `File`'s name, "standard input"). */
  readonly file: string;
  readonly format: TableFormat;
  /** The delimiter of a CSV or TSV file (detected from the first line unless given); else null. */
  readonly delimiter: string | null;
  /** The encoding a text file was read in, as `TextDecoder` names it (`utf-8`, `utf-16le`, `windows-1252`); else null. */
  readonly encoding: string | null;
  /** Per column, the question id of a Qualtrics export (`QID4`, `startDate`; the V column of a legacy export); else null. */
  readonly importIds: readonly (string | null)[] | null;
  /** Per column, the time zone a Qualtrics export states its dates are in ("Z" or an IANA name): such dates are read as instants there; else null. */
  readonly timeZones: readonly (string | null)[] | null;
  /** Column names from the header; null for JSON and NDJSON, whose rows name their own fields. */
  readonly columns: readonly string[] | null;
  /** The question text of each column, when the file has one (Qualtrics, SurveyMonkey): else null. */
  readonly questions: readonly string[] | null;
  /** The label of each column under its question (a matrix row, a choice) in a two-row header: else null. */
  readonly labels: readonly string[] | null;
  /** What the user should know about how the file was read (a header row that looks like a response). */
  readonly notes: readonly string[];
  /** The survey platform whose export layout was recognised, for a note to the user. */
  readonly platform: 'qualtrics' | 'surveymonkey' | null;
  /** Header rows above the data (0 for JSON, NDJSON and Parquet). */
  readonly headerRows: number;
  /** The rows, streamed: each with the planned columns only. Call once. */
  rows(plan: readonly ColumnPlan[]): Iterable<Row> | AsyncIterable<Row>;
  /** Where data row `index` (from 0) is, as an editor or spreadsheet shows it: "line 14", "row 14". */
  where(index: number): string;
}

/** Rows added to a line map; `where` finds a row's line without keeping a number per row. */
export interface LineMap {
  /** Row `index` starts on `line`. Call in row order. */
  note(index: number, line: number): void;
  lineOf(index: number): number;
}

/**
 * Lines of rows, kept as the points where a row is not on the line after the last one (a
 * blank line skipped, a quoted cell over several lines): memory grows with those, not rows.
 */
export function newLineMap(): LineMap {
  const rows: number[] = [];
  const offsets: number[] = []; // line − row from rows[k] on
  let offset = Number.NaN;
  return {
    note(index, line) {
      if (line - index !== offset) {
        offset = line - index;
        rows.push(index);
        offsets.push(offset);
      }
    },
    lineOf(index) {
      let low = 0;
      let high = rows.length - 1;
      if (high < 0 || index < rows[0]!) return Number.NaN;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (rows[middle]! <= index) low = middle;
        else high = middle - 1;
      }
      return index + offsets[low]!;
    },
  };
}

/**
 * The rows of `source` that `keep` accepts, as the same kind of iterable (a plain one stays
 * plain: summaries take a faster path over it); `done` runs once every row has been seen.
 * `keep` may throw to stop the reading (the offline page's row limit).
 */
export function keptRows(source: Iterable<Row> | AsyncIterable<Row>, keep: (row: Row) => boolean, done: () => void): Iterable<Row> | AsyncIterable<Row> {
  if (Symbol.asyncIterator in source) {
    return (async function* () {
      for await (const row of source) if (keep(row)) yield row;
      done();
    })();
  }
  // A plain iterator rather than a generator: a generator's resumption per row costs a tenth of reading a large file.
  const inner = source[Symbol.iterator]();
  let finished = false;
  const iterator: Iterator<Row> = {
    next() {
      for (;;) {
        const step = inner.next();
        if (step.done) {
          if (!finished) done();
          finished = true;
          return step;
        }
        if (keep(step.value)) return step;
      }
    },
    return(value?: unknown) {
      inner.return?.(value);
      finished = true;
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.iterator]: () => iterator };
}
