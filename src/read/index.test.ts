/**
 * `cx-metrics/read` as an app uses it: text, bytes, a Blob, a web ReadableStream, gzip; the
 * layouts detected; labels; blanks as null. Expected values are read off the inputs written here.
 */
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CxInputError, CxUsageError, readTable, type Row, type Table } from './index.js';

async function rows(table: Table, plan: [string, 'number' | 'text' | 'date'][]): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of table.rows(plan.map(([name, kind]) => ({ name, kind })))) out.push({ ...row });
  return out;
}

const CSV = 'Q1;Store\n10;A\n;B\n4,5;B\n';

describe('readTable', () => {
  it('text, bytes, a Blob and a ReadableStream give the same table; a semicolon file reads decimal commas; blank is null', async () => {
    const bytes = strToU8(CSV);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 7));
        controller.enqueue(bytes.subarray(7));
        controller.close();
      },
    });
    for (const input of [CSV, bytes, bytes.buffer, new Blob([bytes]), stream]) {
      const table = await readTable(input);
      expect([table.format, table.delimiter, table.encoding, table.columns]).toEqual(['csv', ';', 'utf-8', ['Q1', 'Store']]);
      expect(await rows(table, [['Q1', 'number'], ['Store', 'text']])).toEqual([
        { Q1: 10, Store: 'A' },
        { Q1: null, Store: 'B' },
        { Q1: 4.5, Store: 'B' },
      ]);
    }
  });

  it('gzip by its first bytes; a File names the messages; UTF-16 by its byte-order mark', async () => {
    expect((await readTable(gzipSync(CSV))).columns).toEqual(['Q1', 'Store']);
    const file = new File(['q\n11\n'], 'answers.csv');
    const table = await readTable(file);
    expect(table.file).toBe('answers.csv');
    await rows(table, [['q', 'number']]);
    expect(table.where(0)).toBe('line 2');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'q\n9\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const read = await readTable(utf16);
    expect([read.encoding, await rows(read, [['q', 'number']])]).toEqual(['utf-16le', [{ q: 9 }]]);
  });

  it('a Qualtrics export: three header rows, question texts, import ids and the stated time zone', async () => {
    const qualtrics = [
      'StartDate,ResponseId,Q1',
      'Start Date,Response ID,How likely are you to recommend us?',
      '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"',
      '2024-01-05 10:00:00,R_1,9',
    ].join('\n');
    const table = await readTable(qualtrics);
    expect([table.platform, table.headerRows, table.questions?.[2], table.importIds, table.timeZones]).toEqual(['qualtrics', 3, 'How likely are you to recommend us?', ['startDate', '_recordId', 'QID1'], ['America/Denver', null, null]]);
    // 10:00 in Denver (MST, UTC−7) on 5 January is 17:00 UTC.
    expect(await rows(table, [['StartDate', 'date'], ['Q1', 'number']])).toEqual([{ StartDate: '2024-01-05T17:00:00.000Z', Q1: 9 }]);
  });

  it('labels as a record, "not applicable" as null, matched regardless of case and spaces', async () => {
    const table = await readTable('q\nVery satisfied\n very SATISFIED \nUnfamiliar (N/A)\n', { labels: { 'Very satisfied': 5, 'Unfamiliar (N/A)': null } });
    expect(await rows(table, [['q', 'number']])).toEqual([{ q: 5 }, { q: 5 }, { q: null }]);
    await expect(readTable('q\n1\n', { labels: { good: 5, GOOD: 4 } })).rejects.toThrow('labels gives "GOOD" two values (5 and 4)');
    await expect(readTable('q\n1\n', { labels: { good: Number.NaN } })).rejects.toThrow(CxUsageError);
  });

  it('an .xlsx workbook from its bytes', async () => {
    const xml = (body: string) => strToU8(`<?xml version="1.0"?>${body}`);
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const workbook = zipSync({
      'xl/workbook.xml': xml(`<workbook ${NS}><sheets><sheet name="Answers" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': xml(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>q</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>`),
    });
    const table = await readTable(new Blob([workbook]), { name: 'book.xlsx' });
    expect([table.format, await rows(table, [['q', 'number']])]).toEqual(['xlsx', [{ q: 7 }]]);
  });

  it('errors name the input and the fix; Parquet is the command line\'s', async () => {
    await expect(readTable('q\n"open\n', { name: 'x.csv' })).rejects.toThrow(CxInputError);
    await expect(readTable(new Uint8Array([0x71, 0x0a, 0xfc, 0x0a]))).rejects.toThrow('input, line 2: bytes that are not UTF-8 (0xFC 0x0A); say which encoding the file is in, e.g. --encoding windows-1252');
    await expect(readTable(strToU8('PAR1....'))).rejects.toThrow('input is a Parquet file: the command line reads Parquet');
    await expect(readTable(42 as unknown as string)).rejects.toThrow(CxUsageError);
  });
});

describe('readTable: a table is read once', () => {
  it('a second rows() is refused plainly (it used to start mid-stream: 33 rows of 25 976, or a WebAssembly fault)', async () => {
    const table = await readTable('q,store\n5,A\n4,B\n');
    const first: unknown[] = [];
    for await (const row of table.rows([{ name: 'q', kind: 'number' }])) first.push(row['q']);
    expect(first).toEqual([5, 4]);
    expect(() => table.rows([{ name: 'q', kind: 'number' }])).toThrow(/the rows of input have been read: a table is read once/);
  });
});
