import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, newScanState, scanRecords, wantColumns } from './csv-scanner.js';

/** Every record's cells, feeding the bytes in chunks of `size` as the file reader does. */
function records(text: string, size: number, delimiter = ','): { cells: string[]; line: number }[] {
  const bytes = Buffer.from(text, 'utf8');
  const state = newScanState(delimiter.charCodeAt(0), 0);
  const out: { cells: string[]; line: number }[] = [];
  let pending = Buffer.alloc(0);
  for (let at = 0; at <= bytes.length; at += size) {
    const final = at + size >= bytes.length;
    const buffer = Buffer.concat([pending, bytes.subarray(at, at + size)]);
    const next = scanRecords(state, buffer, 0, final, () => {
      out.push({ cells: state.cells, line: state.recordLine });
    });
    pending = buffer.subarray(next);
    if (final) break;
  }
  return out;
}

/** RFC 4180 written out: a cell is quoted when it holds the delimiter, a quote or a line break. */
function toCsv(rows: string[][], delimiter: string, lineEnd: string): string {
  const cell = (value: string) => (/["\r\n]/.test(value) || value.includes(delimiter) || value === '' ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter)).join(lineEnd) + lineEnd;
}

describe('scanRecords', () => {
  it('quotes, doubled quotes, CRLF and LF, line breaks in cells, blank lines: the same whatever the chunk size', () => {
    const text = 'team,q,comment\r\n"North, East",10,"said ""great"""\r\nSouth,,"two\r\nlines"\n\nWest,3,\n"a""b",5,x';
    // Written out by hand from the text above; lines count the physical lines of the file.
    const expected = [
      { cells: ['team', 'q', 'comment'], line: 1 },
      { cells: ['North, East', '10', 'said "great"'], line: 2 },
      { cells: ['South', '', 'two\r\nlines'], line: 3 },
      { cells: ['West', '3', ''], line: 6 },
      { cells: ['a"b', '5', 'x'], line: 7 },
    ];
    for (let size = 1; size <= text.length + 1; size++) expect(records(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('semicolons and tabs; a quote inside an unquoted cell is text', () => {
    expect(records('a;b\n1;5" screen\n', 4, ';').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '5" screen']]);
    expect(records('a\tb\n"x\ty"\t2\n', 3, '\t').map((r) => r.cells)).toEqual([['a', 'b'], ['x\ty', '2']]);
  });

  it('reads back any table written as RFC 4180, at any chunk size', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ',', ';', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 40 }), (rows, delimiter, lineEnd, size) => {
        // A row of one empty cell is written as a quoted "" so that it is not a blank line.
        expect(records(toCsv(rows, delimiter, lineEnd), size, delimiter).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });

  it('refuses a quote that is never closed and text after a closing quote, naming the line', () => {
    const failure = (text: string) => {
      try {
        records(text, 1000);
      } catch (error) {
        if (error instanceof CsvSyntaxError) return [error.message, error.line];
      }
      return null;
    };
    expect(failure('a\n"open\nstill open')).toEqual(['a quoted cell is never closed (a quote is missing)', 2]);
    expect(failure('a,b\n1,"x"y\n')).toEqual(['text after the closing quote of cell 2 (a quote inside a quoted cell is written twice: "")', 2]);
  });

  it('hands over only the wanted cells, as byte ranges, and notes text past them', () => {
    const bytes = Buffer.from('q,g,x\n5,é,z\n4,b,,more\n');
    const state = newScanState(0x2c, 2);
    wantColumns(state, Int32Array.from([1, -1, 0]));
    const seen: string[] = [];
    scanRecords(state, bytes, 0, true, () => {
      seen.push(`${bytes.toString('utf8', state.starts[0], state.ends[0])}|${bytes.toString('utf8', state.starts[1], state.ends[1])}|${state.cellCount}|${state.extraText}`);
    });
    expect(seen).toEqual(['x|q|3|false', 'z|5|3|false', '|4|4|true']);
  });
});
