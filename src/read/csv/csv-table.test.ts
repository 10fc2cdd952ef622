import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from './byte-source.js';
import { openCsvTable } from './csv-table.js';
import type { Row } from '../table.js';

/** A byte source over a buffer, as the file reader is over a file. */
function bufferSource(bytes: Buffer): ByteSource {
  let position = 0;
  return {
    file: 'test.csv',
    size: bytes.length,
    encoding: 'utf-8',
    get position() {
      return position;
    },
    read(target, offset) {
      const count = bytes.copy(target, offset, position, Math.min(bytes.length, position + target.length - offset));
      position += count;
      return count;
    },
    close() {},
  };
}

function readAll(text: string, columns: readonly string[], chunk: number): { rows: Row[]; lines: string[] } {
  const table = openCsvTable(bufferSource(Buffer.from(text)), { ragged: false, labels: null, chunk });
  const rows = [...(table.rows(columns.map((name) => ({ name, kind: 'text' as const }))) as Iterable<Row>)];
  return { rows, lines: rows.map((_, i) => table.where(i)) };
}

/** RFC 4180 written out: a cell is quoted when it holds a comma, a quote or a line break (and at random otherwise). */
function toCsv(rows: readonly (readonly string[])[], quoteAll: boolean, lineEnd: string): string {
  // A row of one empty cell is quoted too, or it would be a blank line.
  const cell = (value: string, row: readonly string[]) => (quoteAll || /[",\r\n]/.test(value) || (row.length === 1 && value === '') ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map((value) => cell(value, row)).join(',')).join(lineEnd) + lineEnd;
}

describe('openCsvTable', () => {
  it('reads back the asked-for columns of any table, lines counted, at any chunk size (SIMD and quoted paths together)', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'ä', '€', '😀', '1', ' ', ',', '"', '\n', '\r\n'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.tuple(fc.constant(width), fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 30 }))),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 16, max: 200 }),
        ([width, body], quoteAll, lineEnd, chunk) => {
          const names = Array.from({ length: width }, (_, i) => `c${i}`);
          const text = toCsv([names, ...body], quoteAll, lineEnd);
          const wanted = names.filter((_, i) => i % 2 === 0);
          const { rows, lines } = readAll(text, wanted, chunk);
          expect(rows).toEqual(body.map((cells) => Object.fromEntries(wanted.map((name) => [name, cells[names.indexOf(name)] === '' ? null : cells[names.indexOf(name)]]))));
          // Each row's line: 1 + the header line + the line breaks inside earlier rows' cells.
          let line = 2;
          body.forEach((cells, r) => {
            expect(lines[r]).toBe(`line ${line}`);
            line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('blank lines are skipped and counted; a last line without a line break is read', () => {
    const { rows, lines } = readAll('a,b\n\n1,2\r\n\r\n3,4', ['b', 'a'], 16);
    expect(rows).toEqual([
      { b: '2', a: '1' },
      { b: '4', a: '3' },
    ]);
    expect(lines).toEqual(['line 3', 'line 5']);
  });

  it('a record longer than the bound is refused naming its line, in the header rows and after them; one within it is read', () => {
    const read = (text: string) => {
      const table = openCsvTable(bufferSource(Buffer.from(text)), { ragged: false, labels: null, chunk: 16, longestRecord: 64 });
      return [...(table.rows([{ name: 'q', kind: 'text' }]) as Iterable<Row>)];
    };
    const message = (line: number) => `test.csv, line ${line}: a record longer than 64 bytes (a quote opened and never closed, or not a CSV file)`;
    // A quote opened on line 2 and never closed: read while looking for the header.
    expect(() => read(`q\n"${'x'.repeat(200)}`)).toThrow(message(2));
    // Lines 1–3 are read for the header; line 4 is a 502-byte record.
    expect(() => read(`q\n1\n2\n"${'x'.repeat(500)}"\n3\n`)).toThrow(message(4));
    // A file with no line break at all.
    expect(() => read('\0'.repeat(300))).toThrow(message(1));
    // 50 bytes: the memory grows 16 → 32 → 64 and holds it.
    expect(read(`q\n1\n2\n"${'x'.repeat(48)}"\n3\n`).map((row) => row['q'])).toEqual(['1', '2', 'x'.repeat(48), '3']);
  });
});
