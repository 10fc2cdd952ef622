/**
 * cx-metrics themes and words, and the report's "What customers say": comments coded by hand
 * in the tests, figures worked out beside them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, csvLines, scratch } from './cli-helpers.js';

const { dir, file } = scratch('themes');

const codebook = file(
  'codebook.json',
  JSON.stringify({
    language: 'fi',
    themes: [
      { id: 'jono', label: 'Jonot', match: ['jono*', 'jonottaa'] },
      { id: 'henkilokunta', label: 'Henkilökunta' },
      { id: 'ystavallinen', label: 'Ystävällisyys', parent: 'henkilokunta', match: ['ystävälli*'] },
      { id: 'tyly', label: 'Tylyys', parent: 'henkilokunta', match: ['tyly*'] },
    ],
  }),
);

// Six rows, five comments. Jonot: rows 1, 3, 5 (Jonotin → jonot, as jonottaa; jono; jonossa by
// jono*); ystävällinen: row 2; tyly: row 3; row 4 no theme; row 6 blank.
const comments = file(
  'kommentit.csv',
  [
    'id,myymälä,suosittelu,kommentti',
    'a,Kamppi,2,Jonotin puoli tuntia',
    'b,Kamppi,10,Ystävällinen myyjä',
    'c,Itis,0,"Tyly myyjä, pitkä jono"',
    'd,Itis,9,Kaikki hyvin',
    'e,Itis,6,Jonossa meni hetki',
    'f,Kamppi,10,',
  ].join('\n'),
);

describe('cx-metrics themes', () => {
  it('shares, impacts and quotes, as CSV at full precision', () => {
    const { stdout, status, stderr } = cli('themes', comments, '--text', 'kommentti', '--codebook', codebook, '--nps', 'suosittelu', '--format', 'csv');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [head, ...lines] = csvLines(stdout);
    const at = (theme: string, column: string) => lines.find((line) => line[0] === theme)![head!.indexOf(column)];
    // Commenters a–e: NPS 2, 10, 0, 9, 6 → 2 promoters, 3 detractors: −20.
    // Jonot: a, c, e (2, 0, 6): NPS −100; the rest b, d (10, 9): 100. Impact −20 − 100 = −120 = 3/5 × (−100 − 100).
    expect([at('jono', 'mentions'), at('jono', 'share'), at('jono', 'nps_mentioned'), at('jono', 'nps_rest'), at('jono', 'nps_impact')]).toEqual(['3', '60', '-100', '100', '-120']);
    // Henkilökunta: b or c (its children): 2 of 5, NPS 0 (10 and 0); the rest a, d, e: −33.3.
    expect([at('henkilokunta', 'mentions'), at('henkilokunta', 'share'), at('henkilokunta', 'nps_mentioned')]).toEqual(['2', '40', '0']);
    expect(lines.find((line) => line[0] === '(no theme)')!.slice(3, 5)).toEqual(['1', '20']);
  });

  it('the table indents themes under their parent and quotes the shortest comments', () => {
    const { stdout } = cli('themes', comments, '--text', 'kommentti', '--codebook', codebook, '--nps', 'suosittelu', '--examples', '1');
    expect(stdout).toMatch(/^Jonot +3 +60\.0 /m);
    expect(stdout).toMatch(/^ {2}Ystävällisyys +1 +20\.0 /m);
    expect(stdout).toContain('5 of 6 rows have a comment (1 blank)');
    expect(stdout).toContain('Jonot: "Jonossa meni hetki"');
  });

  it('by a group, and ready-made topics instead of a codebook', () => {
    const grouped = csvLines(cli('themes', comments, '--text', 'kommentti', '--codebook', codebook, '--by', 'myymälä', '--format', 'csv').stdout);
    // Kamppi: a, b commented (f blank): Jonot 1 of 2; Itis: c, d, e: Jonot 2 of 3.
    expect(grouped.filter((line) => line[1] === 'jono').map((line) => [line[0], line[4], line[5]])).toEqual([
      ['Kamppi', '1', '50'],
      ['Itis', '2', '66.66666666666666'],
      ['total', '3', '60'],
    ]);
    const topics = file('topics.csv', 'comment,Q3 - Topics\nslow queue,"Wait Time, Staff"\nok,Unknown\nrude,Staff\n');
    const table = csvLines(cli('themes', topics, '--text', 'comment', '--topics', 'Q3 - Topics', '--format', 'csv').stdout);
    expect(table.slice(1).map((line) => [line[0], line[3]])).toEqual([
      ['Wait Time', '1'],
      ['Staff', '2'],
      ['(no theme)', '1'],
    ]);
  });

  it('a codebook mistake names the file, the theme and the pattern; a missing codebook is a usage error', () => {
    const bad = file('bad.json', JSON.stringify({ language: 'fi', themes: [{ id: 'x', match: ['jo*no'] }] }));
    expect(cli('themes', comments, '--text', 'kommentti', '--codebook', bad).stderr).toBe(`cx-metrics: ${bad}: themes.0.match.0: theme "x", pattern "jo*no": "*" can only end a word (jono* matches the words that start with "jono")\n`);
    expect(cli('themes', comments, '--text', 'kommentti')).toMatchObject({ status: 2, stderr: expect.stringContaining('give --codebook FILE or --topics COL') });
  });
});

describe('cx-metrics words', () => {
  it('detractors against promoters, the stems most characteristic of each', () => {
    const data = file('words.csv', ['nps,comment', '1,slow slow queue', '2,slow service', '10,friendly staff', '9,friendly fast', '8,ok'].join('\n'));
    const lines = csvLines(cli('words', data, '--text', 'comment', '--language', 'en', '--nps', 'nps', '--format', 'csv').stdout);
    // Detractors: slow 3, queue 1, servic 1 (5 words); promoters: friend 2, staff 1, fast 1 (4 words); the 8 is a passive.
    expect(lines[1]!.slice(0, 4)).toEqual(['slow', 'slow', '3', '0']);
    expect(lines.at(-1)!.slice(0, 4)).toEqual(['friend', 'friendly', '0', '2']);
    expect(cli('words', data, '--text', 'comment', '--nps', 'nps').stderr).toMatch(/^cx-metrics: --language takes fi or en\n/);
  });
});

describe('cx-metrics report: what customers say', () => {
  it('a section with the chart, the themes table and the quotes, HTML-escaped', () => {
    const hostile = file('hostile.csv', 'q,c\n2,"<script>alert(1)</script> jono"\n9,hyvä\n');
    const out = `${dir}/themes.html`;
    const { status, stderr } = cli('report', hostile, '--lang', 'fi', '--nps', 'q', '--text', 'c', '--codebook', codebook, '--min-n', '1', '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>Mitä asiakkaat sanovat</h2>');
    expect(html).toContain('“&lt;script&gt;alert(1)&lt;/script&gt; jono”');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Sävyä (sentimenttiä) ei lasketa');
  });
});
