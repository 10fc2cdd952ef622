/** cx-metrics banner: the crosstab from a file, its conventions printed, and its bad input refused. */
import { describe, expect, it } from 'vitest';
import { cli, csvLines, scratch } from './cli-helpers.js';

const { file } = scratch('banner');

// CSAT 1–5: store A 47 of 60 satisfied (4–5), B and C 36 of 60; channel alternates web/shop.
// Rscript test/reference/banner.R: A–B and A–C p 0.0296736202101 unadjusted, 0.0890208606302 by Bonferroni.
const lines = ['store,channel,q'];
for (const [store, satisfied] of [['A', 47], ['B', 36], ['C', 36]] as const) {
  for (let i = 0; i < 60; i++) lines.push(`${store},${i % 2 === 0 ? 'web' : 'shop'},${i < satisfied ? 4 : 2}`);
}
const stores = file('stores.csv', lines.join('\n'));

describe('cx-metrics banner', () => {
  it('letters the columns and marks A above B and C; the footer names the test and the adjustment', () => {
    const { stdout, status } = cli('banner', stores, '--banner', 'store', '--csat', 'q');
    expect(status).toBe(0);
    // 47/60 = 78.3 %, 36/60 = 60.0 %, all 119/180 = 66.1 %.
    expect(stdout).toMatch(/^CSAT % q +66\.1 +78\.3 CD +60\.0 +60\.0$/m);
    expect(stdout).toMatch(/^ +n +180 +60 +60 +60$/m);
    expect(stdout).toContain('p-values not adjusted (--adjust none): each pair taken alone; columns with fewer than 30 answers are not tested (--min-base)');
    const bonferroni = cli('banner', stores, '--banner', 'store', '--csat', 'q', '--adjust', 'bonferroni').stdout;
    expect(bonferroni).toMatch(/^CSAT % q +66\.1 +78\.3 +60\.0 +60\.0$/m);
    expect(bonferroni).toContain('p-values adjusted over the pairs of each row by Bonferroni');
  });

  it('CSV in long form: a line per row and column with its letters', () => {
    const rows = csvLines(cli('banner', stores, '--banner', 'store', '--banner', 'channel', '--csat', 'q', '--format', 'csv').stdout);
    expect(rows[0]).toEqual(['metric', 'field', 'category', 'letter', 'banner', 'group', 'score', 'n', 'invalid', 'higher_than', 'tested', 'suppressed']);
    expect(rows.map((row) => [row[3], row[4], row[5], row[9]])).toEqual([
      ['letter', 'banner', 'group', 'higher_than'],
      ['A', '', 'Total', ''],
      ['B', 'store', 'A', 'C D'],
      ['C', 'store', 'B', ''],
      ['D', 'store', 'C', ''],
      ['E', 'channel', 'web', ''],
      ['F', 'channel', 'shop', ''],
    ]);
  });

  it('refuses a banner that is a metric, unknown choices, and no metric at all', () => {
    for (const [flags, message] of [
      [['--banner', 'q', '--csat', 'q'], '"q" is a metric column; a --banner column must be another'],
      [['--banner', 'store', '--csat', 'q', '--adjust', 'hochberg'], '--adjust takes none, bonferroni, holm, benjamini-hochberg, got "hochberg"'],
      [['--banner', 'store', '--csat', 'q', '--test', 'all'], '--test takes columns, columns-and-total, none, got "all"'],
      [['--banner', 'store', '--csat', 'q', '--min-base', 'ten'], '--min-base takes a whole number of answers, got "ten"'],
      [['--banner', 'store'], 'give at least one of --nps, --csat, --ces and --category'],
      [['--csat', 'q'], "give --banner COL: the column whose groups are the table's columns"],
    ] as const) {
      const run = cli('banner', stores, ...flags);
      expect(run.stderr.split('\n')[0]).toBe(`cx-metrics: ${message}`);
      expect(run.status).toBe(2);
    }
  });
});
