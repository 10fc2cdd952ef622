import { describe, expect, it } from 'vitest';
import { caught, issuesOf } from '../../test/validation.js';
import { bannerTable } from './banner-table.js';
import { columnLetter } from './internal/banner-letters.js';

const repeat = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

// CSAT on 1–5 (4–5 satisfied): A 47 of 60, B 36 of 60, C 36 of 60. Rscript test/reference/banner.R:
// pairwise.prop.test(c(47, 36, 36), c(60, 60, 60), correct = FALSE, p.adjust.method = m)$p.value
//   none: A–B 0.0296736202101, A–C 0.0296736202101, B–C 1
//   bonferroni and holm: 0.0890208606302, 0.0890208606302, 1
//   BH: 0.0445104303151, 0.0445104303151, 1
const stores = ['A', 'B', 'C'].flatMap((store) => repeat(60, (i) => ({ store, q: i < (store === 'A' ? 47 : 36) ? 4 : 2 })));

describe('bannerTable', () => {
  it('letters the total A and the groups B, C, D; each cell lists the columns it is significantly higher than', () => {
    const table = bannerTable(stores, { banner: 'store', csat: 'q' });
    expect(table.columns).toEqual([
      { letter: 'A', field: null, key: null },
      { letter: 'B', field: 'store', key: 'A' },
      { letter: 'C', field: 'store', key: 'B' },
      { letter: 'D', field: 'store', key: 'C' },
    ]);
    const [row] = table.rows;
    expect(row!.cells.map((cell) => [cell.score, cell.n, cell.higherThan])).toEqual([
      [(119 / 180) * 100, 180, []],
      [(47 / 60) * 100, 60, ['C', 'D']],
      [60, 60, []],
      [60, 60, []],
    ]);
    expect(row!.pairs.map((pair) => [pair.a, pair.b])).toEqual([
      ['B', 'C'],
      ['B', 'D'],
      ['C', 'D'],
    ]);
    expect(row!.pairs[0]!.pValue).toBeCloseTo(0.0296736202101, 10);
    expect(row!.pairs[2]!.pValue).toBeCloseTo(1, 10);
    expect(table).toMatchObject({ test: 'columns', adjust: 'none', level: 0.95, minBase: 30, methods: { proportion: 'pooled-z', nps: 'z', mean: 'welch-t' } });
  });

  it('the adjustment is the table\'s convention: Bonferroni and Holm drop the letters, Benjamini–Hochberg keeps them', () => {
    const letters = (adjust: 'bonferroni' | 'holm' | 'benjamini-hochberg') => bannerTable(stores, { banner: 'store', csat: 'q', adjust }).rows[0]!;
    expect(letters('bonferroni').cells[1]!.higherThan).toEqual([]);
    expect(letters('bonferroni').pairs[0]!.adjustedPValue).toBeCloseTo(0.0890208606302, 10);
    expect(letters('holm').pairs[1]!.adjustedPValue).toBeCloseTo(0.0890208606302, 10);
    expect(letters('benjamini-hochberg').pairs[0]!.adjustedPValue).toBeCloseTo(0.0445104303151, 10);
    expect(letters('benjamini-hochberg').cells[1]!.higherThan).toEqual(['C', 'D']);
  });

  it('the total is tested against its parts only when asked; thin columns are shown but not tested', () => {
    const withTotal = bannerTable(stores, { banner: 'store', csat: 'q', test: 'columns-and-total' }).rows[0]!;
    expect(withTotal.pairs.map((pair) => `${pair.a}${pair.b}`)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    const thin = bannerTable(stores, { banner: 'store', csat: 'q', minBase: 61 }).rows[0]!;
    expect(thin.pairs).toEqual([]);
    expect(thin.cells.every((cell) => !cell.tested && cell.higherThan.length === 0)).toBe(true);
    expect(bannerTable(stores, { banner: 'store', csat: 'q', test: 'none' }).rows[0]!.pairs).toEqual([]);
  });

  it('a group with no answers to a metric is shown with n 0 and no test; categories as column percentages', () => {
    const rows = [...stores.map((row, i) => ({ ...row, plan: i % 3 === 0 ? 'gold' : 'basic', nps: row.store === 'C' ? null : 10 }))];
    const table = bannerTable(rows, { banner: 'store', nps: 'nps', categories: 'plan', minBase: 2 });
    const [nps, gold, basic] = table.rows;
    expect(nps!.cells[3]).toEqual({ letter: 'D', score: null, n: 0, invalid: 0, higherThan: [], tested: false });
    // Row i is gold when i % 3 = 0: 20 of each store's 60 rows (stores are runs of 60).
    expect([gold!.metric, gold!.field, gold!.category]).toEqual(['category', 'plan', 'gold']);
    expect(gold!.cells.map((cell) => cell.n)).toEqual([180, 60, 60, 60]);
    for (const cell of gold!.cells) expect(cell.score).toBeCloseTo(100 / 3, 10);
    expect(basic!.category).toBe('basic');
  });

  it('several banner fields stand side by side; pairs only within a field', () => {
    const rows = stores.map((row, i) => ({ ...row, channel: i % 2 === 0 ? 'web' : 'shop' }));
    const table = bannerTable(rows, { banner: ['store', 'channel'], csat: 'q', minBase: 2 });
    expect(table.columns.map((column) => [column.letter, column.field, column.key])).toEqual([
      ['A', null, null],
      ['B', 'store', 'A'],
      ['C', 'store', 'B'],
      ['D', 'store', 'C'],
      ['E', 'channel', 'web'],
      ['F', 'channel', 'shop'],
    ]);
    expect(table.rows[0]!.pairs.map((pair) => `${pair.a}${pair.b}`)).toEqual(['BC', 'BD', 'CD', 'EF']);
  });

  it('small columns hidden per banner field, with the complementary rule; they are not tested', () => {
    const rows = [...stores, ...repeat(2, () => ({ store: 'D', q: 5 }))];
    const table = bannerTable(rows, { banner: 'store', csat: 'q', minN: 5, minBase: 2 });
    const cells = table.rows[0]!.cells;
    // D has 2 (insufficient; the hidden hold 2 people, Glint's floor): nothing more hidden.
    expect(cells[4]).toEqual({ letter: 'E', score: null, n: 0, invalid: 0, higherThan: [], tested: false, suppressed: 'insufficient' });
    expect(table.rows[0]!.pairs.map((pair) => `${pair.a}${pair.b}`)).toEqual(['BC', 'BD', 'CD']);
  });

  it("invalid answers skipped are counted once in the total and in each column, whatever the number of banner fields", () => {
    const rows = [...stores.slice(0, 3), { store: 'A', q: 9 }, { store: 'B', q: 'n/a' }].map((row, i) => ({ ...row, half: i % 2 }));
    const table = bannerTable(rows, { banner: ['store', 'half'], csat: 'q', invalid: 'skip', minBase: 1 });
    // Total: 2 invalid (9 and "n/a"); store A 1, B 1; half 0 (rows 0, 2, 4): 1, half 1 (rows 1, 3): 1.
    expect(table.rows[0]!.cells.map((cell) => [cell.letter, cell.n, cell.invalid])).toEqual([
      ['A', 3, 2],
      ['B', 3, 1],
      ['C', 0, 1],
      ['D', 2, 1],
      ['E', 1, 1],
    ]);
  });

  it('letters go on past Z as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('refuses a banner that is also a metric, a field no row has, and a value that cannot be a group', () => {
    expect(caught(() => bannerTable(stores, { banner: 'q', csat: 'q' })).issues[0]).toMatchObject({ path: ['banner'], message: '"q" is a metric; a banner field must be another field' });
    expect(issuesOf(() => bannerTable(stores, { banner: 'store', csat: 'q', categories: ['store'] }))[0]!.path).toEqual(['categories', 0]);
    expect(issuesOf(() => bannerTable(stores, { banner: 'region', csat: 'q' }))[0]).toMatchObject({ code: 'unknown_field', path: ['banner'] });
    expect(caught(() => bannerTable(stores, { banner: 'store' })).issues[0]!.message).toBe('give at least one of nps, csat, ces and categories');
    expect(issuesOf(() => bannerTable([{ store: () => 1, q: 4 }], { banner: 'store', csat: 'q' }))[0]!.path).toEqual([0, 'store']);
    expect(issuesOf(() => bannerTable(stores, { banner: 'store', csat: 'q', minBase: 0 }))[0]!.path).toEqual(['minBase']);
    expect(issuesOf(() => bannerTable(stores, { banner: 'store', csat: 'q', adjust: 'hochberg' as never }))[0]!.path).toEqual(['adjust']);
    expect(issuesOf(() => bannerTable([{ store: 'A', q: 9 }], { banner: 'store', csat: 'q' }))[0]!.path).toEqual([0, 'q']);
  });
});
