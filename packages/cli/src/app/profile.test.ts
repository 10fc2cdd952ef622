import { describe, expect, it } from 'vitest';
import type { Row, Table } from '../../../../src/read/table.js';
import { profileColumns } from './profile.js';

/** A table of text columns over rows in memory, as the readers give it. */
function tableOf(columns: string[], rows: Row[]): Table {
  return { file: 't.csv', format: 'csv', delimiter: ',', encoding: 'utf-8', importIds: null, timeZones: null, columns, questions: null, labels: null, notes: [], platform: null, headerRows: 1, rows: () => rows, where: (i) => `line ${i + 2}` };
}

describe('profileColumns', () => {
  it('0–10 answers look like NPS; an example over 40 characters is cut by characters, never inside an emoji', async () => {
    const long = '😀'.repeat(45); // 45 characters, 90 UTF-16 units
    const short = '😀'.repeat(25); // 25 characters, 50 UTF-16 units: shown whole
    const rows: Row[] = Array.from({ length: 11 }, (_, i) => ({ q: String(i), note: i === 0 ? long : short }));
    const [q, note] = await profileColumns(tableOf(['q', 'note'], rows));
    expect([q!.look, q!.range]).toEqual(['nps', [0, 10]]);
    expect(note!.examples).toEqual([`${'😀'.repeat(39)}…`, short]);
  });
});
