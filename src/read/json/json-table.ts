import type { RawSource } from '../source.js';
import { CxInputError } from '../errors.js';
import { dateCell, numberCell, numberDate, numberDateMessage, type NumberRules } from '../cells/cells.js';
import { JsonArrayError, jsonArrayElements } from './json-array.js';
import { keepNumberTexts, numberText } from './json-numbers.js';
import { LONGEST_RECORD, recordBoundText } from '../internal/longest-record.js';
import { emptyRow, keyOf, newLineMap, type ColumnPlan, type Row, type Table } from '../table.js';

/**
 * A JSON array of objects, or NDJSON (one object per line), as a {@link Table}: streamed an
 * element at a time. The rows name their own fields, so the columns are not known up front;
 * a field no row has is reported by the library once every row has been read. Values are
 * read as they are, with two rules: a string in a number column is read as a CSV cell would
 * be (a label with a leading number, `--map`), and a group, stage or id must be a single
 * value — text, a number, true/false or null — never an object or a list.
 */
export function openJsonTable(source: RawSource, format: 'json' | 'ndjson', numbers: NumberRules, onProgress?: (position: number) => void, longest = LONGEST_RECORD): Table {
  const file = source.name;
  // NDJSON: the line of each row, for messages; rows can be counted from 1 for a JSON array.
  const lines = newLineMap();
  async function* elements(): AsyncGenerator<{ value: unknown; index: number }> {
    let index = 0;
    if (format === 'ndjson') {
      let line = 0;
      for await (const text of textLines(textChunks(source), longest, () => new CxInputError(`${file}, line ${line + 1}: a line longer than ${recordBoundText(longest)} (not NDJSON: one JSON object per line)`))) {
        line++;
        if (text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(keepNumberTexts(line === 1 ? text.replace(/^\uFEFF/, '') : text));
        } catch {
          throw new CxInputError(`${file}, line ${line}: not valid JSON`);
        }
        lines.note(index, line);
        if (index % 4096 === 0) onProgress?.(source.position);
        yield { value, index: index++ };
      }
      return;
    }
    try {
      for await (const value of jsonArrayElements(textChunks(source), longest)) {
        if (index % 4096 === 0) onProgress?.(source.position);
        yield { value, index: index++ };
      }
    } catch (error) {
      if (!(error instanceof JsonArrayError)) throw error;
      throw new CxInputError(error.element === undefined ? `${file}: ${error.message}` : `${file}, row ${error.element + 1}: not valid JSON (${error.reason})`);
    }
  }
  const where = (index: number) => (format === 'ndjson' ? `line ${lines.lineOf(index)}` : `row ${index + 1}`);

  async function* rows(plan: readonly ColumnPlan[]): AsyncGenerator<Row> {
    for await (const { value, index } of elements()) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CxInputError(`${file}, ${where(index)}: expected a JSON object`);
      const source = value as Record<string, unknown>;
      const row = emptyRow();
      for (const column of plan) {
        const { name, kind } = column;
        if (!Object.hasOwn(source, name)) continue; // absent stays absent: "(missing)", not null
        row[keyOf(column)] = jsonValue(source[name], kind, numbers, () => `${file}, ${where(index)}, field ${JSON.stringify(name)}`);
      }
      yield row;
    }
  }

  return { file, format, delimiter: null, encoding: 'utf-8', importIds: null, timeZones: null, columns: null, questions: null, labels: null, notes: [], platform: null, headerRows: 0, rows, where };
}

/** A number in a date column: a date of `--date-unit`, or refused (epoch seconds were read as milliseconds: three months fell into 1970-01). */
function numberAsDate(value: number, numbers: NumberRules, place: () => string): string {
  const date = numbers.dateUnit ? numberDate(value, numbers.dateUnit) : null;
  if (date === null) throw new CxInputError(`${place()}: ${numberDateMessage(value, numbers.dateUnit)}`);
  return date;
}

function jsonValue(value: unknown, kind: ColumnPlan['kind'], numbers: NumberRules, place: () => string): unknown {
  // A number a double cannot hold as written: its text for an id or a group, its value for an answer.
  const exact = numberText(value);
  if (exact !== null) return kind === 'text' ? exact : kind === 'date' ? numberAsDate(Number(exact), numbers, place) : Number(exact);
  if (kind === 'number') return typeof value === 'string' ? numberCell(value, numbers) : value;
  if (kind === 'date') return typeof value === 'string' ? dateCell(value, numbers, null) : typeof value === 'number' ? numberAsDate(value, numbers, place) : value;
  if (typeof value === 'object' && value !== null) {
    throw new CxInputError(`${place()}: a group, stage or id must be text, a number, true/false or null, got ${Array.isArray(value) ? 'a list' : 'an object'}`);
  }
  return value;
}

/**
 * The lines of a text given in chunks, without their line ending (LF or CRLF). The unfinished
 * line carried to the next chunk is the only text kept between chunks: joining whole chunks
 * (rest + chunk, then split) made each carried piece a slice of the last joined text, which
 * held the one before it — every chunk stayed in memory and a 24 MB heap ran out. A line longer
 * than `longest` characters throws `tooLong()`.
 */
async function* textLines(chunks: AsyncIterable<string>, longest: number, tooLong: () => Error): AsyncGenerator<string> {
  const bare = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  let rest = '';
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      yield bare(start === 0 ? rest + chunk.slice(0, end) : chunk.slice(start, end));
      if (start === 0) rest = '';
      start = end + 1;
    }
    rest = start === 0 ? rest + chunk : chunk.slice(start);
    if (rest.length > longest) throw tooLong();
  }
  if (rest !== '') yield bare(rest);
}

/** A source's text as it is read: UTF-8 checked (JSON is UTF-8), a character cut by a chunk's end joined to the next. */
async function* textChunks(source: RawSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = new Uint8Array(1 << 20);
  try {
    for (;;) {
      const count = source.read(buffer, 0, buffer.length);
      if (count === 0) {
        const tail = decoder.decode();
        if (tail !== '') yield tail;
        return;
      }
      yield decoder.decode(buffer.subarray(0, count), { stream: true });
    }
  } catch (error) {
    if (error instanceof TypeError) throw new CxInputError(`${source.name}: bytes that are not UTF-8 near byte ${source.position}; JSON is UTF-8`);
    throw error;
  } finally {
    source.close();
  }
}
