/**
 * The command line's silent wrong numbers found by a new user (issue 17), each a test that
 * failed before its fix: a wrong or merged result with exit code 0 and no word is the one
 * thing a metrics tool must never give.
 */
import { describe, expect, it } from 'vitest';
import { cli, csvLines, scratch } from './cli-helpers.js';

const { file } = scratch('regressions');

describe('group keys', () => {
  it('a grouping column is text as written: 007, 7, 7.0 and 1e3 are four groups (they merged, 1e3 printed as 1000)', () => {
    const csv = file('stores.csv', 'store,q\n007,10\n7,9\n7.0,0\n1e3,5\n007,8\n');
    const { stdout, status } = cli('summarize', csv, '--by', 'store', '--nps', 'q', '--format', 'csv');
    expect(status).toBe(0);
    // 007: 10 and 8 → one promoter, one passive: 50; 7: 100; 7.0: −100; 1e3: −100.
    expect(csvLines(stdout).slice(1, 5).map((line) => [line[0], line[3], line[7]])).toEqual([
      ['007', '2', '50'],
      ['7', '1', '100'],
      ['7.0', '1', '-100'],
      ['1e3', '1', '-100'],
    ]);
  });

  it('bytes that are not UTF-8 stop with the line (Müller and Möller in windows-1252 became one group M�ller)', () => {
    // windows-1252: ü = 0xFC, ö = 0xF6.
    const bytes = Buffer.concat([Buffer.from('name,q\n'), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), Buffer.from(',9\n'), Buffer.from([0x4d, 0xf6, 0x6c, 0x6c, 0x65, 0x72]), Buffer.from(',3\n')]);
    const csv = file('latin.csv', bytes);
    const refused = cli('summarize', csv, '--by', 'name', '--nps', 'q');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`cx-metrics: ${csv}, line 2: bytes that are not UTF-8 (0xFC 0x6C 0x6C 0x65); say which encoding the file is in, e.g. --encoding windows-1252\n`);
    const read = cli('summarize', csv, '--by', 'name', '--nps', 'q', '--encoding', 'windows-1252', '--format', 'csv');
    expect(csvLines(read.stdout).slice(1, 3).map((line) => [line[0], line[7]])).toEqual([
      ['Müller', '100'],
      ['Möller', '-100'],
    ]);
  });

  it('JSON group values: 1 and "1", null, a missing field and "" print distinctly; objects are refused (they printed [object Object])', () => {
    const ndjson = file('keys.ndjson', ['{"g":1,"q":9}', '{"g":"1","q":3}', '{"g":null,"q":9}', '{"q":9}', '{"g":"","q":9}', '{"g":"web","q":10}'].join('\n'));
    const { stdout } = cli('summarize', ndjson, '--by', 'g', '--nps', 'q');
    const labels = stdout.trim().split('\n').slice(1, -1).map((line) => line.split(/ {2,}/)[0]);
    expect(labels).toEqual(['1', '"1"', '(blank)', '(missing)', '""', 'web']);
    const objects = file('objects.ndjson', '{"g":{"a":1},"q":9}\n');
    expect(cli('summarize', objects, '--by', 'g', '--nps', 'q').stderr).toBe(`cx-metrics: ${objects}, line 1, field "g": a group, stage or id must be text, a number, true/false or null, got an object\n`);
  });

  it('a group that looks like the total line is told apart', () => {
    const csv = file('total.csv', 'g,q\ntotal,9\nother,2\n');
    expect(cli('summarize', csv, '--by', 'g', '--nps', 'q').stdout).toMatch(/^"total" +1 +1 +100\.0/m);
  });
});

describe('columns and flags', () => {
  it('a column first seen after row 1000 of NDJSON is read (it was reported absent)', () => {
    // 1200 rows; only the last 100 have q2, all 10s: NPS 100 of 100.
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify(i < 1100 ? { q: 5 } : { q: 5, q2: 10 }));
    const { stdout, status, stderr } = cli('summarize', file('late.ndjson', lines.join('\n')), '--nps', 'q2');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^total +1200 +100 +100\.0 /m);
  });

  it('classic Mac line endings (CR alone) are lines, in quoted cells too; line numbers count them (issue 23)', () => {
    const mac = file('mac.csv', 'q,store\r10,A\r9,A\r3,"B\rnorth"\r');
    // Promoters 2, detractors 1 of 3: NPS 33.33; the quoted CR is a line break inside the cell.
    const lines = csvLines(cli('summarize', mac, '--nps', 'q', '--format', 'csv').stdout);
    expect(lines.find((line) => line[0] === 'total')!.slice(3, 5)).toEqual(['3', '3']);
    expect(Number(lines.find((line) => line[0] === 'total')![7])).toBeCloseTo(100 / 3, 10);
    const bad = cli('summarize', file('mac-bad.csv', 'q\r10\r11\r'), '--nps', 'q');
    expect(bad.stderr).toMatch(/, line 3, column "q": 11 is outside the scale 0–10/);
  });

  it('dates: a US sheet refused with the flag that reads it, then read with --date-format; Forms with a zone abbreviation (issue 23)', () => {
    const us = file('us.csv', 'at,q\n11/1/2019 8:51:12,10\n11/2/2019 9:00:00,3\n');
    const refused = cli('trend', us, '--at', 'at', '--period', 'day', '--nps', 'q');
    expect(refused.stderr).toContain('line 2, column "at": expected a date, got "11/1/2019 8:51:12"');
    expect(refused.stderr).toContain('say so with --date-format, e.g. "M/D/YYYY H:mm:ss"');
    const read = csvLines(cli('trend', us, '--at', 'at', '--period', 'day', '--nps', 'q', '--date-format', 'M/D/YYYY H:mm:ss', '--format', 'csv').stdout);
    expect(read.slice(1).map((line) => [line[0], line[8]])).toEqual([
      ['2019-11-01', '100'],
      ['2019-11-02', '-100'],
    ]);
    const forms = file('forms.csv', 'Timestamp,q\n2022/03/26 11:00:19 PM AST,10\n2022/03/27 01:00:19 AM AST,3\n');
    const days = csvLines(cli('trend', forms, '--at', 'Timestamp', '--period', 'day', '--nps', 'q', '--format', 'csv').stdout);
    expect(days.slice(1).map((line) => line[0])).toEqual(['2022-03-26', '2022-03-27']);
    expect(cli('trend', us, '--at', 'at', '--period', 'day', '--nps', 'q', '--date-format', 'M/YYYY').stderr.split('\n')[0]).toBe('cx-metrics: --date-format needs YYYY, M and D (it has no day): "M/YYYY"');
  });

  it('negative codes: --na -1,-2 and --na -9 are values, not flags (issue 23); Node\'s own message in one line', () => {
    const csv = file('negative.csv', 'q\n5\n-1\n-2\n1\n-9\n');
    // 5 and 1 answered (one satisfied of two): 50 %; -1, -2 and -9 not applicable.
    expect(cli('summarize', csv, '--csat', 'q', '--na', '-1,-2', '--na', '-9', '--format', 'csv').stdout).toMatch(/^total,csat,q,5,2,3,0,50,/m);
    const missing = cli('summarize', csv, '--csat', 'q', '--by');
    expect(missing.stderr.split('\n')[0]).toBe("cx-metrics: Option '--by <value>' argument missing");
    const dashed = cli('summarize', csv, '--csat', 'q', '--by', '-x');
    expect(dashed.stderr.split('\n')[0]).toBe("cx-metrics: Option '--by' argument is ambiguous. To specify an option argument starting with a dash use '--by=-XYZ'.");
  });

  it('labels: =na for no answer, a quoted label with a comma, --map-file with commas and = in labels (issue 23)', () => {
    const csv = file('labels.csv', ['q', 'Very satisfied', '"Good, mostly"', 'Unfamiliar (N/A)', '"Poor = 1 star"', 'Very satisfied'].join('\n'));
    // Very satisfied 5 (twice), "Good, mostly" 4, "Poor = 1 star" 1: 3 of 4 satisfied (4–5) = 75 %; the N/A label no answer.
    const flags = ['--map', 'Very satisfied=5,"Good, mostly"=4,Poor = 1 star=1', '--map', 'Unfamiliar (N/A)=na'];
    expect(cli('summarize', csv, '--csat', 'q', ...flags, '--format', 'csv').stdout).toMatch(/^total,csat,q,5,4,1,0,75,/m);
    const map = file('labels.map', ['# satisfaction labels', 'Very satisfied=5', 'Good, mostly = 4', '', 'Poor = 1 star=1', 'Unfamiliar (N/A)=N/A'].join('\n'));
    expect(cli('summarize', csv, '--csat', 'q', '--map-file', map, '--format', 'csv').stdout).toMatch(/^total,csat,q,5,4,1,0,75,/m);
    const bad = file('bad.map', 'Very satisfied=5\nGood=four\n');
    const refused = cli('summarize', csv, '--csat', 'q', '--map-file', bad);
    expect(refused.stderr.split('\n')[0]).toBe(`cx-metrics: ${bad}, line 2: --map-file takes one LABEL=NUMBER (or LABEL=na) a line, got "Good=four"`);
    expect(refused.status).toBe(1);
    const twice = cli('summarize', csv, '--csat', 'q', '--map-file', map, '--map', 'very satisfied=4');
    expect(twice.stderr.split('\n')[0]).toBe('cx-metrics: --map gives "very satisfied" two values (5 and 4)');
  });

  it('repeated flags: --na 0 --na 99 both apply, and a flag that cannot repeat is refused (--na 0 --na 99 kept only 99)', () => {
    const csv = file('codes.csv', 'q\n5\n0\n99\n1\n');
    // 5 and 1 answered (one satisfied of two): 50 %; 0 and 99 not applicable.
    expect(cli('summarize', csv, '--csat', 'q', '--na', '0', '--na', '99', '--format', 'csv').stdout).toMatch(/^total,csat,q,4,2,2,0,50,/m);
    const twice = cli('summarize', csv, '--csat', 'q', '--format', 'csv', '--format', 'json');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^cx-metrics: --format is given 2 times \("csv", "json"\); give it once\n/);
  });

  it('--csat A --csat B gives both (only B was kept)', () => {
    const csv = file('two.csv', 'a,b\n5,1\n4,2\n');
    const lines = csvLines(cli('summarize', csv, '--csat', 'a', '--csat', 'b', '--format', 'csv').stdout);
    expect(lines.slice(1).map((line) => [line[2], line[7]])).toEqual([
      ['a', '100'],
      ['b', '0'],
    ]);
  });

  it('--na with mixed scales: 0 is N/A on a 1–5 item and an answer on the 0–10 recommendation, said on stderr (it was an error)', () => {
    const csv = file('mixed.csv', 'rec,sat\n0,5\n10,0\n9,4\n');
    const { stdout, stderr, status } = cli('summarize', csv, '--nps', 'rec', '--csat', 'sat', '--na', '0', '--format', 'csv');
    expect(status).toBe(0);
    expect(stderr).toBe('cx-metrics: --na 0 is not applied to NPS column "rec": 0 is an answer on its 0–10 scale\n');
    // NPS: 0, 10, 9 → 2 promoters, 1 detractor of 3: 33.3; CSAT: 5, 4 answered (0 N/A): 100.
    const [, nps, sat] = csvLines(stdout);
    expect([nps![4], Number(nps![7]).toFixed(4)]).toEqual(['3', '33.3333']);
    expect([sat![4], sat![5], sat![7]]).toEqual(['2', '1', '100']);
    const clash = cli('summarize', csv, '--nps', 'rec', '--na', 'rec=0');
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/^cx-metrics: --na rec=0: 0 is an answer on the 0–10 scale of NPS "rec"\n/);
  });
});

describe('scales', () => {
  // 40 answers 1–5 (8 of each): on 0–10 every one is a detractor.
  const items = file('items.csv', `q\n${Array.from({ length: 40 }, (_, i) => (i % 5) + 1).join('\n')}\n`);

  it('--nps on a 1–5 column warns on stderr (it printed −100 without a word); --strict-scale stops', () => {
    const { stdout, stderr, status } = cli('summarize', items, '--nps', 'q');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^total +40 +40 +-100\.0 /m);
    expect(stderr).toBe('cx-metrics: warning: NPS column "q": none of its 40 answers is above 5 on the 0–10 scale; NPS is asked on 0–10: is this a rating for --csat?\n');
    const strict = cli('summarize', items, '--nps', 'q', '--strict-scale');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
  });

  it('a 1–5 item under --ces is no longer scored on 1–7 without a word: a warning, and --ces-scale with CES 1.0 orientation', () => {
    expect(cli('summarize', items, '--ces', 'q').stderr).toMatch(/warning: CES column "q": none of its 40 answers is above 5 on the 1–7 scale; if it is a 1–5 item, say so with --ces-scale 1-5/);
    // CES 1.0 (1–5, lower = easier): easy 1–2 (16 of 40 = 40 %), mean 3.
    const { stdout, stderr } = cli('summarize', items, '--ces', 'q', '--ces-scale', '1-5', '--ces-orientation', 'lower-is-easier', '--format', 'json');
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as { total: { ces: { mean: number; percentEasy: number; scale: unknown; orientation: string } } };
    expect(summary.total.ces).toMatchObject({ mean: 3, percentEasy: 40, scale: { min: 1, max: 5 }, orientation: 'lower-is-easier' });
  });

  it('--csat-scale and --satisfied for a 1–7 item; --scale when one kind of metric is asked for', () => {
    const csv = file('seven.csv', `q\n${[7, 6, 5, 2, 7, 1, 3].join('\n')}\n`);
    // Satisfied 6–7: 7, 6, 7 of 7 answers = 42.857 %.
    expect(cli('summarize', csv, '--csat', 'q', '--csat-scale', '1-7', '--satisfied', '6,7').stdout).toMatch(/^total +7 +7 +42\.9 /m);
    expect(cli('summarize', csv, '--csat', 'q', '--scale', '1-7').stdout).toMatch(/^total +7 +7 +42\.9 /m);
    const ambiguous = cli('summarize', csv, '--csat', 'q', '--nps', 'q', '--scale', '1-7');
    expect(ambiguous.status).toBe(2);
  });
});

describe('ragged rows', () => {
  it('a short row is an error naming its line unless --ragged (it was read as missing answers)', () => {
    const csv = file('short.csv', 'q,g\n5\n4,b\n');
    const { status, stderr } = cli('summarize', csv, '--csat', 'q');
    expect(status).toBe(1);
    expect(stderr).toBe(`cx-metrics: ${csv}, line 2: 1 cell, but the header has 2 columns (--ragged reads missing cells at the end of a row as blanks)\n`);
    expect(cli('summarize', csv, '--csat', 'q', '--ragged', '--by', 'g', '--format', 'csv').stdout.trim().split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^\(blank\),csat,q,1,1,0,0,100,/),
      expect.stringMatching(/^b,csat,q,1,1,0,0,100,/),
    ]);
  });
});
