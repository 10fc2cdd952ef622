/**
 * The command line on real exports and hostile input (issue 20): each case gave a wrong
 * number, merged or split groups, read the wrong column, or wrote something dangerous —
 * with exit code 0 and no word — or crashed with "unexpected error". Each test failed before
 * its fix. Expected figures are worked out by hand beside them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { cli, csvLines, root, scratch } from './cli-helpers.js';

const { dir, file } = scratch('hostile');

describe('dates that arrive as numbers (they were read as epoch milliseconds: three months in 1970-01)', () => {
  // Excel serial days: 2026-01-01 is 20 454 days after 1970-01-01 (serial 25 569), so 46 023;
  // 1 February 46 054 (+31); 1 March 46 082 (+28). Epoch seconds of the same days.
  const serials = [46023, 46054, 46082];
  const seconds = [1_767_225_600, 1_769_904_000, 1_772_323_200];

  it('an .xlsx date column formatted General is refused without --date-unit, read as days with it', async () => {
    const workbook = file('serials.xlsx', new Uint8Array());
    await writeExcelFile([['Date', 'q'], ...serials.map((serial, i) => [serial, i * 5])]).toFile(workbook);
    const refused = cli('trend', workbook, '--at', 'Date', '--period', 'month', '--nps', 'q');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`cx-metrics: ${workbook}, row 2, column "Date": 46023 is a number, not a date: say what it counts with --date-unit excel-days (a spreadsheet's day number, as in a column formatted General), unix-seconds or unix-ms\n`);
    const read = cli('trend', workbook, '--at', 'Date', '--period', 'month', '--nps', 'q', '--date-unit', 'excel-days', '--format', 'csv');
    expect(csvLines(read.stdout).slice(1).map((line) => line[0])).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('epoch seconds in JSON: refused, or read with --date-unit unix-seconds', () => {
    const json = file('seconds.ndjson', seconds.map((at, i) => JSON.stringify({ at, q: i * 5 })).join('\n'));
    expect(cli('trend', json, '--at', 'at', '--period', 'month', '--nps', 'q').stderr).toMatch(/line 1, field "at": 1767225600 is a number, not a date: say what it counts with --date-unit/);
    const read = cli('trend', json, '--at', 'at', '--period', 'month', '--nps', 'q', '--date-unit', 'unix-seconds', '--format', 'csv');
    expect(csvLines(read.stdout).slice(1).map((line) => line[0])).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('ids and group values keep what the file says', () => {
  it('JSON ids beyond 2^53 keep their exact text (9007199254740993 became …992, a duplicate of the next)', () => {
    const json = file('ids.ndjson', '{"id":9007199254740993,"q":2}\n{"id":9007199254740992,"q":3}\n{"id":1.50,"q":1}\n');
    const { stdout, status, stderr } = cli('followups', json, '--id', 'id', '--nps', 'q', '--format', 'csv');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(csvLines(stdout).slice(1).map((line) => line[0])).toEqual(['9007199254740993', '9007199254740992', '1.50']);
  });

  it('look-alike group values: NFC and NFD, surrounding spaces are one group; an invisible character is shown', () => {
    const csv = file('lookalike.csv', 'city,q\nM\u00fcller,10\nMu\u0308ller,0\nHelsinki ,9\nHelsinki,9\nA,9\nA\u200b,0\n');
    const { stdout } = cli('summarize', csv, '--by', 'city', '--nps', 'q', '--format', 'csv');
    // Müller: a promoter and a detractor, 0; Helsinki: two promoters, 100; A and A+ZWSP apart.
    expect(csvLines(stdout).slice(1).map((line) => [line[0], line[4], line[7]])).toEqual([
      ['Müller', '2', '0'],
      ['Helsinki', '2', '100'],
      // "A" and "A" with a zero-width space would print alike: both print as JSON, the space escaped.
      ['"""A"""', '1', '100'],
      ['"""A\\u200b"""', '1', '-100'],
      ['total', '6', '33.33333333333333'],
    ]);
  });
});

describe('a column named by a label under its question is exactly that column', () => {
  it('a SurveyMonkey matrix read with --header-rows 2: --by Yoda reads Yoda (it read the first unnamed column, Luke)', () => {
    // Row 1 names the question over its first column only; row 2 names each character.
    const csv = file('starwars.csv', ['RespondentID,Recommend,Please rate each character,,', ',Response,Han Solo,Luke Skywalker,Yoda', '1,10,Favorably,Unfavorably,Favorably', '2,0,Favorably,Unfavorably,Unfavorably', '3,9,Favorably,Favorably,Favorably'].join('\n'));
    const { stdout, status } = cli('summarize', csv, '--header-rows', '2', '--by', 'Yoda', '--nps', 'Recommend', '--format', 'csv');
    expect(status).toBe(0);
    // Yoda favorably: respondents 1 and 3 (10, 9): NPS 100; unfavorably: respondent 2 (0): −100.
    expect(csvLines(stdout).slice(1, 3).map((line) => [line[0], line[4], line[7]])).toEqual([
      ['Favorably', '2', '100'],
      ['Unfavorably', '1', '-100'],
    ]);
    expect(stdout.split('\n')[0]).toMatch(/^Please rate each character - Yoda,/);
  });

  it('a label that fits two columns is refused with both listed', () => {
    const csv = file('twice.csv', ['Q1,,Q2,', 'Service,Price,Service,Price', '5,4,3,2'].join('\n'));
    expect(cli('summarize', csv, '--header-rows', '2', '--csat', 'Service').stderr).toBe(`cx-metrics: ${csv}: the label "Service" has 2 columns; name one: "Q1 - Service", "Q2 - Service"\n`);
  });
});

/** A row of CSV cells, quoted as Qualtrics quotes them. */
const csvRow = (cells: readonly string[]) => cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');

/** A Qualtrics export: column ids, question texts, import ids with the date column's zone. */
function qualtrics(rows: readonly string[]): string {
  const importIds = csvRow(['{"ImportId":"startDate","timeZone":"America/Denver"}', '{"ImportId":"status"}', '{"ImportId":"finished"}', '{"ImportId":"QID1"}']);
  return ['StartDate,Status,Finished,Q1', 'Start Date,Response Type,Finished,How likely are you to recommend us?', importIds, ...rows].join('\n');
}

describe('Qualtrics exports', () => {
  it('dates are read in the zone the export states (Denver), then dated in --time-zone', () => {
    // 31 March 20:30 in Denver (UTC−6 in summer time) is 1 April 02:30 UTC: April, not March.
    const csv = file('denver.csv', qualtrics(['2026-03-31 20:30:00,IP Address,True,10', '2026-03-15 12:00:00,IP Address,True,0']));
    const { stdout } = cli('trend', csv, '--at', 'StartDate', '--period', 'month', '--nps', 'Q1', '--format', 'csv', '--quiet');
    expect(csvLines(stdout).slice(1).map((line) => [line[0], line[5], line[8]])).toEqual([
      ['2026-03', '1', '-100'],
      ['2026-04', '1', '100'],
    ]);
    // In Denver's own calendar both answers are in March.
    const local = cli('trend', csv, '--at', 'StartDate', '--period', 'month', '--time-zone', 'America/Denver', '--nps', 'Q1', '--format', 'csv', '--quiet');
    expect(csvLines(local.stdout).slice(1).map((line) => [line[0], line[5]])).toEqual([['2026-03', '2']]);
  });

  it('previews, tests and spam are left out and said; --keep-test-responses counts them; --where filters any column', () => {
    const csv = file(
      'status.csv',
      qualtrics(['2026-03-01 10:00:00,IP Address,True,10', '2026-03-01 10:00:00,Survey Test,True,0', '2026-03-01 10:00:00,Survey Preview,True,0', '2026-03-01 10:00:00,Spam,True,0', '2026-03-01 10:00:00,IP Address,False,0']),
    );
    const run = cli('summarize', csv, '--nps', 'Q1', '--format', 'csv');
    // Kept: the two IP Address rows (10 and 0): NPS 0 of 2.
    expect(csvLines(run.stdout)[1]!.slice(3, 8)).toEqual(['2', '2', '0', '0', '0']);
    expect(run.stderr).toContain('cx-metrics: left out 3 of 5 rows (1 Status Survey Test, 1 Status Survey Preview, 1 Status Spam); --keep-test-responses keeps Qualtrics previews, tests and spam\n');
    // All five: one promoter, four detractors: −60.
    expect(csvLines(cli('summarize', csv, '--nps', 'Q1', '--format', 'csv', '--keep-test-responses').stdout)[1]![7]).toBe('-60');
    const finished = cli('summarize', csv, '--nps', 'Q1', '--format', 'csv', '--where', 'Finished=True', '--quiet');
    expect(csvLines(finished.stdout)[1]!.slice(3, 8)).toEqual(['1', '1', '0', '0', '100']);
  });

  it('numeric Status codes of older exports: 1 preview, 2 test and 8 spam are left out, 0 kept', () => {
    const csv = file('codes.csv', qualtrics(['2026-03-01 10:00:00,0,1,9', '2026-03-01 10:00:00,1,1,0', '2026-03-01 10:00:00,2,1,0', '2026-03-01 10:00:00,8,1,0']));
    expect(csvLines(cli('summarize', csv, '--nps', 'Q1', '--format', 'csv', '--quiet').stdout)[1]!.slice(3, 8)).toEqual(['1', '1', '0', '0', '100']);
  });

  it('follow-ups of a Qualtrics export do not go to test rows', () => {
    const csv = file('contacts.csv', ['ResponseId,Status,Q1', 'Response ID,Response Type,NPS', csvRow(['{"ImportId":"_recordId"}', '{"ImportId":"status"}', '{"ImportId":"QID1"}']), 'R_1,IP Address,2', 'R_2,Survey Test,1'].join('\n'));
    const { stdout } = cli('followups', csv, '--id', 'ResponseId', '--nps', 'Q1', '--format', 'csv', '--quiet');
    expect(csvLines(stdout).slice(1).map((line) => [line[0], line.at(-1)])).toEqual([['R_1', 'line 4']]);
  });
});

describe('names every JavaScript object answers to', () => {
  it('JSON groups under "__proto__" stay apart (they merged into "[object Object]")', () => {
    const json = file('proto.ndjson', '{"__proto__":"north","q":10}\n{"__proto__":"south","q":0}\n');
    expect(csvLines(cli('summarize', json, '--by', '__proto__', '--nps', 'q', '--format', 'csv').stdout).slice(1).map((line) => [line[0], line[7]])).toEqual([
      ['north', '100'],
      ['south', '-100'],
      ['total', '0'],
    ]);
  });

  it('a field "constructor" that JSON rows lack is missing, not the group "function Object()"', () => {
    const json = file('no-constructor.ndjson', '{"q":10}\n{"q":0}\n');
    expect(cli('summarize', json, '--by', 'constructor', '--nps', 'q').stderr).toBe(`cx-metrics: ${json} has no column "constructor"\n`);
  });

  it('a critical scorecard criterion with the id "__proto__" still fails a visit (it was dropped)', () => {
    const card = file('card.json', JSON.stringify({ id: 'c', sections: [{ id: 's', criteria: [{ id: '__proto__', answer: 'yes-no', critical: true }, { id: 'smile', answer: 'yes-no' }] }] }));
    const visits = file('visits.csv', 'store,__proto__,smile\nnorth,no,yes\n');
    const { stdout } = cli('scorecard', visits, '--card', card, '--by', 'store', '--format', 'csv');
    const [head, north] = csvLines(stdout);
    // 1 of 2 points, and the critical failure fails the one visit: pass rate 0.
    expect([north![head!.indexOf('score')], north![head!.indexOf('pass_rate')]]).toEqual(['50', '0']);
  });

  it('`cx-metrics constructor` is an unknown command (it crashed)', () => {
    const { status, stderr } = cli('constructor');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^cx-metrics: unknown command "constructor" \(summarize, /);
  });
});

describe('header rows forced past the real header', () => {
  it('a Google Forms file read with --header-rows 2 says its first response is read as a header', () => {
    const csv = file('forms.csv', 'Timestamp,How likely?,Store\n2026/03/01 10:00:00 AM GMT+2,9,7\n2026/03/02 10:00:00 AM GMT+2,3,8\n');
    const { stderr } = cli('summarize', csv, '--header-rows', '2', '--nps', 'How likely?');
    expect(stderr).toContain('cx-metrics: warning: --header-rows 2 reads row 2 as a header, but it looks like a response (2 of its 3 filled cells are numbers under named columns): it is not counted\n');
  });
});

describe('safe output', () => {
  it('CSV cells that a spreadsheet would run as formulas are neutralised; negative numbers stay; --raw-csv writes them as they are', () => {
    const csv = file('inject.csv', 'id,q\n"=HYPERLINK(""http://x"",""y"")",2\n+cmd|calc,3\n@SUM(A1),4\n-5,1\n');
    const lines = csvLines(cli('followups', csv, '--id', 'id', '--nps', 'q', '--format', 'csv').stdout.replaceAll('"', ''));
    expect(lines.slice(1).map((line) => line[0])).toEqual(["'=HYPERLINK(http://x", "'+cmd|calc", "'@SUM(A1)", '-5']);
    expect(cli('followups', csv, '--id', 'id', '--nps', 'q', '--format', 'csv', '--raw-csv').stdout).toContain('\n+cmd|calc,');
  });

  it('control characters in cells and names are shown escaped in tables and messages', () => {
    const csv = file('controls.csv', 'g,q\n"\u001b]0;owned\u0007",9\n"two\nlines",3\n');
    const { stdout } = cli('summarize', csv, '--by', 'g', '--nps', 'q');
    expect(stdout).toContain('\\x1b]0;owned\\x07');
    expect(stdout).toContain('two\\nlines');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u001b]/);
    const named = file('bad\u001bname.csv', 'q\n11\n');
    expect(cli('summarize', named, '--nps', 'q').stderr).toContain('bad\\x1bname.csv');
  });

  it('--out that is the input is refused, and the survey is left as it was', () => {
    const csv = file('survey.csv', 'q\n9\n10\n');
    const before = readFileSync(csv, 'utf8');
    const { status, stderr } = cli('report', csv, '--nps', 'q', '--out', csv);
    expect(status).toBe(1);
    expect(stderr).toBe(`cx-metrics: --out ${csv} is the input file ${csv}: writing there would replace it; choose another name\n`);
    expect(readFileSync(csv, 'utf8')).toBe(before);
  });

  it('a report is written whole or not at all: a failed write leaves no half file and no temporary file', () => {
    const csv = file('small.csv', 'q\n9\n10\n');
    const missing = `${dir}/no-such-folder/report.html`;
    expect(cli('report', csv, '--nps', 'q', '--out', missing).stderr).toBe(`cx-metrics: cannot write ${missing}: no such folder\n`);
    const out = `${dir}/written.html`;
    expect(cli('report', csv, '--nps', 'q', '--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('failures are one line, never "unexpected error"', () => {
  it('a report of a thousand groups (a vega-lite sort expression overflowed the stack)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `store ${i % 1000},${i % 11}`);
    const csv = file('thousand.csv', ['store,q', ...rows].join('\n'));
    const out = `${dir}/thousand.html`;
    const { status, stderr } = cli('report', csv, '--by', 'store', '--nps', 'q', '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('store 999');
  }, 60_000);

  it('a line or paragraph separator in a group label (the chart spec did not parse)', () => {
    const csv = file('separator.csv', 'g,q\nA\u2028B,9\nC\u2029D,3\n');
    expect(cli('report', csv, '--by', 'g', '--nps', 'q', '--out', `${dir}/separator.html`)).toMatchObject({ status: 0, stderr: '' });
  });

  it('a folder as FILE (standard input and pipes are read: test/cli-sources.test.ts)', () => {
    expect(cli('summarize', dir, '--nps', 'q').stderr).toBe(`cx-metrics: cannot read ${dir}: it is a folder, not a file\n`);
  });

  it('piped into head, the command stops quietly when head has read enough (EPIPE)', () => {
    // 20 000 groups: a table of about 1 MB, far more than a pipe holds.
    const csv = file('many.csv', ['g,q', ...Array.from({ length: 20_000 }, (_, i) => `g${i},${i % 11}`)].join('\n'));
    const run = spawnSync('bash', ['-c', `${process.execPath} --import tsx packages/cli/src/main.ts summarize ${csv} --by g --nps q 2>${dir}/epipe.err | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('0');
    expect(readFileSync(`${dir}/epipe.err`, 'utf8')).toBe('');
  }, 60_000);
});

describe('resource bounds', () => {
  it('a 1.5 kB workbook with one cell at XFD1048576 is read without a grid (it killed Node out of memory)', () => {
    const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
    const workbook = file(
      'far.xlsx',
      zipSync({
        '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>q</t></is></c></row><row r="2"><c r="A2"><v>9</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'),
      }),
    );
    expect(readFileSync(workbook).length).toBeLessThan(2000);
    // The sheet is streamed and only column A is read: the far row is a row without an answer to q
    // (2 rows, 1 answer: a 9, a promoter, NPS 100). Nothing is allocated by the sheet's extent.
    const { status, stdout } = cli('summarize', workbook, '--nps', 'q');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^total +2 +1 +100\.0 /m);
    // A cell past Excel's last column is a damaged workbook, named by its row.
    const past = file('past.xlsx', zipSync({ ...unzipSync(readFileSync(workbook)), 'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>q</t></is></c><c r="ZZZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>') }));
    expect(cli('summarize', past, '--nps', 'q').stderr).toBe(`cx-metrics: ${past}, row 1: a cell at ZZZZZZZZ1, past Excel's last column XFD\n`);
  });

  it('grouping by an id column stops at --max-groups, naming the row', () => {
    const csv = file('ids.csv', ['id,q', ...Array.from({ length: 20 }, (_, i) => `r${i},9`)].join('\n'));
    expect(cli('summarize', csv, '--by', 'id', '--nps', 'q', '--max-groups', '10').stderr).toBe(`cx-metrics: ${csv}, line 12: --by id makes more than 10 groups (is it an id column?); --max-groups N allows more\n`);
    expect(existsSync(csv)).toBe(true);
  });

  it('JSON of many groups is written as it is made (one string of it died with "Invalid string length")', () => {
    const csv = file('groups.csv', ['g,q', ...Array.from({ length: 5000 }, (_, i) => `g${i},${i % 11}`)].join('\n'));
    const { stdout, status } = cli('summarize', csv, '--by', 'g', '--nps', 'q', '--format', 'json');
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as { groups: { key: string }[] };
    expect(parsed.groups).toHaveLength(5000);
    expect(parsed.groups[4999]!.key).toBe('g4999');
  });

  it('a file with no line break, and a quote never closed, stop at 64 MB naming the line (memory grew with the file)', () => {
    // 70 MB of one letter, gzip-compressed to 70 kB: one line that never ends.
    const endless = file('endless.csv.gz', gzipSync(Buffer.alloc(70 * 1024 * 1024, 'a')));
    expect(readFileSync(endless).length).toBeLessThan(100_000);
    const result = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'packages/cli/src/main.ts', 'summarize', endless, '--nps', 'q'], { cwd: root, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([1, `cx-metrics: ${endless}, line 1: a record longer than 64 MB (a quote opened and never closed, or not a CSV file)\n`]);
    // A quote opened on line 3 and never closed, in NDJSON and in a JSON array too.
    const open = 'x'.repeat(70 * 1024 * 1024);
    const csv = file('open-quote.csv', `q,comment\n9,fine\n10,"${open}`);
    expect(cli('summarize', csv, '--nps', 'q').stderr).toBe(`cx-metrics: ${csv}, line 3: a record longer than 64 MB (a quote opened and never closed, or not a CSV file)\n`);
    const ndjson = file('open.ndjson', `{"q":9}\n{"q":10}\n{"q":"${open}`);
    expect(cli('summarize', ndjson, '--nps', 'q').stderr).toBe(`cx-metrics: ${ndjson}, line 3: a line longer than 64 MB (not NDJSON: one JSON object per line)\n`);
    const json = file('open.json', `[{"q":9},{"q":10},{"q":"${open}`);
    expect(cli('summarize', json, '--nps', 'q').stderr).toBe(`cx-metrics: ${json}: row 3 is longer than 64 MB (a string, object or list opened and never closed)\n`);
  }, 60_000);
});
