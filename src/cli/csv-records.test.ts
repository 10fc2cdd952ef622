import { describe, expect, it } from 'vitest';
import { inChunks } from '../../test/chunks.js';
import { csvRecords } from './csv-records.js';

async function records(text: string, size: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of csvRecords(inChunks(text, size))) out.push(record);
  return out;
}

describe('csvRecords', () => {
  it('RFC 4180 quoting, CRLF and LF, a BOM: the same records whatever the chunk size', async () => {
    const text = '\uFEFFteam,q,comment\r\n"North, East",10,"said ""great"""\r\nSouth,,"two\r\nlines"\nWest,3,\n';
    // Written out by hand from the text above.
    const expected = [
      ['team', 'q', 'comment'],
      ['North, East', '10', 'said "great"'],
      ['South', '', 'two\r\nlines'],
      ['West', '3', ''],
    ];
    for (let size = 1; size <= text.length; size++) expect(await records(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('a last record without a line break, and a quote left open', async () => {
    expect(await records('a,b\n1,2', 3)).toEqual([['a', 'b'], ['1', '2']]);
    await expect(records('a\n"open', 2)).rejects.toThrow('the file ends inside a quoted field (a quote is missing)');
  });
});
