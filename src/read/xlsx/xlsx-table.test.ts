/**
 * The streaming workbook reader on parts written by hand as Excel writes them: shared strings
 * (rich text, phonetic guides, an empty item), inline strings, entities and Excel's `_xHHHH_`
 * escapes, booleans, dates by built-in and custom number formats in both date systems,
 * namespace prefixes, sheets by name. Expected values are worked out in the comments.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Row } from '../table.js';
import { openXlsxTable } from './xlsx-table.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);

function workbook(sheets: Record<string, string>, parts: { strings?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': xml(`<workbook ${NS}>${parts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  names.forEach((name, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml(sheets[name]!)));
  if (parts.strings) files['xl/sharedStrings.xml'] = xml(parts.strings);
  if (parts.styles) files['xl/styles.xml'] = xml(parts.styles);
  return zipSync(files);
}

async function read(bytes: Uint8Array, plan: [string, 'number' | 'text' | 'date'][], sheet?: string): Promise<Row[]> {
  const table = await openXlsxTable(bytes, 'book.xlsx', { sheet, numbers: { decimalComma: false, labels: null } });
  const rows: Row[] = [];
  for await (const row of table.rows(plan.map(([name, kind]) => ({ name, kind })))) rows.push({ ...row });
  return rows;
}

describe('openXlsxTable', () => {
  it('shared strings: rich-text runs joined, phonetic guides left out, an empty item keeps the count', async () => {
    const strings = `<sst ${NS} count="4" uniqueCount="4"><si><t>store</t></si><si/><si><r><rPr><b/></rPr><t>Kamp</t></r><r><t xml:space="preserve">pi </t></r><rPh sb="0" eb="1"><t>カ</t></rPh></si><si><t>q</t></si></sst>`;
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>9</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>7</v></c></row></sheetData></worksheet>`;
    // Item 1 is empty: "" as a group is no group (null), as an empty CSV cell.
    expect(await read(workbook({ S: sheet }, { strings }), [['store', 'text'], ['q', 'number']])).toEqual([
      { store: 'Kamppi ', q: 9 },
      { store: null, q: 7 },
    ]);
  });

  it('inline strings, entities, _x000D_ escapes, booleans, formula strings; a namespace prefix', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>f</x:t></x:is></x:c></x:row>
      <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>A &amp; B &lt;&#228;&gt;_x000D_</x:t></x:is></x:c><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c r="C2" t="str"><x:f>CONCAT("x","y")</x:f><x:v>xy</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    expect(await read(workbook({ S: sheet }), [['name', 'text'], ['ok', 'text'], ['f', 'text']])).toEqual([{ name: 'A & B <ä>\r', ok: 'true', f: 'xy' }]);
  });

  it('dates by number format: built-in 14 and a custom dd.mm.yyyy hh:mm; the 1904 date system; a number in General is a number', async () => {
    const styles = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy\\ hh:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    // 45292 is 2024-01-01 (25569 is 1970-01-01; 45292 − 25569 = 19723 days = 54 years and 1 day…
    // checked: 1970-01-01 + 19723 days = 2024-01-01). 45292.75 is 18:00 that day.
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>day</t></is></c><c r="B1" t="inlineStr"><is><t>at</t></is></c><c r="C1" t="inlineStr"><is><t>n</t></is></c></row>
      <row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" s="2"><v>45292.75</v></c><c r="C2" s="0"><v>45292</v></c></row></sheetData></worksheet>`;
    expect(await read(workbook({ S: sheet }, { styles }), [['day', 'date'], ['at', 'date'], ['n', 'number']])).toEqual([{ day: '2024-01-01', at: '2024-01-01T18:00:00', n: 45292 }]);
    // In the 1904 system day 0 is 1904-01-01, which is day 1462 of the 1900 system: 45292 + 1462 = 46754, 2028-01-02.
    expect(await read(workbook({ S: sheet }, { styles, date1904: true }), [['day', 'date']])).toEqual([{ day: '2028-01-02' }]);
  });

  it('a sheet by name; rows without cells are skipped and messages name Excel row numbers; absent r attributes count on', async () => {
    const first = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>other</t></is></c></row></sheetData></worksheet>`;
    const second = `<worksheet ${NS}><sheetData><row><c t="inlineStr"><is><t>q</t></is></c><c t="inlineStr"><is><t>w</t></is></c></row><row r="4"><c><v>10</v></c><c><v>2</v></c></row><row r="5"/><row r="9"><c r="B9"><v>1</v></c></row></sheetData></worksheet>`;
    const bytes = workbook({ Notes: first, Answers: second });
    expect(await read(bytes, [['q', 'number'], ['w', 'number']], 'Answers')).toEqual([
      { q: 10, w: 2 },
      { q: null, w: 1 },
    ]);
    const table = await openXlsxTable(bytes, 'book.xlsx', { sheet: 'Answers', numbers: { decimalComma: false, labels: null } });
    for await (const _ of table.rows([{ name: 'q', kind: 'number' }]));
    expect([table.where(0), table.where(1)]).toEqual(['row 4', 'row 9']);
    await expect(openXlsxTable(bytes, 'book.xlsx', { sheet: 'Missing', numbers: { decimalComma: false, labels: null } })).rejects.toThrow('book.xlsx has no sheet "Missing" (it has "Notes", "Answers")');
  });

  it('bytes that are not a zip archive, and a shared string the workbook lacks, are named', async () => {
    await expect(openXlsxTable(strToU8('store,q\n'), 'x.xlsx', { numbers: { decimalComma: false, labels: null } })).rejects.toThrow('cannot read x.xlsx as an .xlsx workbook: it is not a zip archive');
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>`;
    await expect(read(workbook({ S: sheet }), [])).rejects.toThrow('book.xlsx, row 1: a cell refers to shared string 5, which the workbook does not have');
  });
});
