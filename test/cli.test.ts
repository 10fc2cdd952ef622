import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../src/index.js';
import { airlineCsv } from './shared-data.js';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command line from source, as `npx cx-metrics …` runs it from dist/. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe.skipIf(airlineCsv === undefined)('cx-metrics summarize on the airline survey', () => {
  it('prints CSAT per travel class', () => {
    const { status, stdout } = cli('summarize', airlineCsv!, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0');
    expect(status).toBe(0);
    // python3 (test/airline-survey.test.ts): Eco 5251 of 11564 = 45.41 %, Business 8584 of 12495 = 68.70 %,
    // Eco Plus 844 of 1917 = 44.03 %; all 14679 of 25976 = 56.51 %.
    expect(stdout).toMatch(/^Class +rows +CSAT n +CSAT % +95% CI$/m);
    expect(stdout).toMatch(/^Eco +11564 +11564 +45\.4 +\[/m);
    expect(stdout).toMatch(/^Business +12495 +12495 +68\.7 +\[/m);
    expect(stdout).toMatch(/^Eco Plus +1917 +1917 +44\.0 +\[/m);
    expect(stdout).toMatch(/^total +25976 +25976 +56\.5 +\[55\.9, 57\.1\]$/m);
  });

  it('its JSON output is the library result on the same rows', () => {
    const { stdout } = cli('summarize', airlineCsv!, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0', '--format', 'json');
    const [header = '', ...lines] = readFileSync(airlineCsv!, 'utf8').trim().split('\n');
    const columns = header.split(',');
    const rows = lines.map((line) => {
      const cells = line.split(',');
      return { Class: cells[columns.indexOf('Class')]!, seat: Number(cells[columns.indexOf('Seat comfort')]) };
    });
    const library = summarize(rows, { by: 'Class', csat: { field: 'seat', notApplicable: [0] } });
    const fromCli = JSON.parse(stdout) as typeof library;
    expect(fromCli.groups.map((group) => group.key)).toEqual(library.groups.map((group) => group.key));
    fromCli.groups.forEach((group, g) => {
      const { tally, ...figures } = group.csat!;
      const { tally: expectedTally, ...expectedFigures } = library.groups[g]!.csat!;
      expect(figures).toEqual(JSON.parse(JSON.stringify(expectedFigures)));
      expect(tally.counts).toEqual(expectedTally.counts);
    });
  });
});

describe('cx-metrics summarize', () => {
  it('reads quoted CSV fields, blank cells as no answer, and writes CSV', () => {
    const csv = file('quoted.csv', 'team,q,comment\n"North, East",10,"said ""great"""\n"North, East",,\nSouth,3,"two\nlines"\n');
    const { status, stdout } = cli('summarize', csv, '--by', 'team', '--nps', 'q', '--format', 'csv');
    expect(status).toBe(0);
    // North, East: one promoter of one answer (one blank); South: one detractor.
    expect(stdout.trim().split('\n')).toEqual([
      'team,rows,nps_n,nps_missing,nps_invalid,nps_score,nps_lower,nps_upper',
      expect.stringMatching(/^"North, East",2,1,1,0,100,/),
      expect.stringMatching(/^South,1,1,0,0,-100,/),
      expect.stringMatching(/^total,3,2,1,0,0,/),
    ]);
  });

  it('reads NDJSON and JSON arrays', () => {
    const ndjson = file('answers.ndjson', '{"g":"a","q":9}\n\n{"g":"b","q":2}\n{"g":"a","q":10}\n');
    expect(cli('summarize', ndjson, '--by', 'g', '--nps', 'q', '--format', 'csv').stdout).toMatch(/^a,2,2,0,0,100,/m);
    const json = file('answers.json', '[{"q":5},{"q":4},{"q":1}]');
    expect(cli('summarize', json, '--csat', 'q').stdout).toMatch(/^total +3 +3 +66\.7 /m);
  });

  it('streams files larger than its heap: CSV, NDJSON and a JSON array', () => {
    // 1.1 M rows, q cycling 0…10: per 11 answers 2 promoters and 7 detractors, NPS = −5/11 =
    // −45.45. Each file is over 24 MB (the comment column pads the CSV), the heap is held to
    // 24 MB, and the parsed rows alone would need several times that.
    const n = 1_100_000;
    const comment = 'a free-text comment, padded';
    const rows = Array.from({ length: n }, (_, i) => ({ q: i % 11, comment }));
    const files = [
      file('big.csv', `q,comment\n${rows.map((row) => `${row.q},"${row.comment}"`).join('\n')}\n`),
      file('big.ndjson', `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`),
      file('big.json', `[${rows.map((row) => JSON.stringify(row)).join(',\n')}]`),
    ];
    for (const path of files) {
      expect(statSync(path).size).toBeGreaterThan(24 * 1024 * 1024);
      const result = spawnSync(process.execPath, ['--max-old-space-size=24', '--import', 'tsx', 'src/cli/main.ts', 'summarize', path, '--nps', 'q'], { cwd: root, encoding: 'utf8' });
      expect(result.stderr, path).toBe('');
      expect(result.stdout).toMatch(/^total +1100000 +1100000 +-45\.5 /m);
    }
  }, 60_000);

  it('short CSV rows are blanks at the end; empty extra cells are nothing', () => {
    // Row 1 lacks g (a blank), row 2 has two empty cells past the header: both rows count.
    const csv = file('short.csv', 'q,g\n5\n4,b,,\n');
    expect(cli('summarize', csv, '--csat', 'q', '--format', 'csv').stdout).toMatch(/^total,2,2,0,0,100,/m);
  });

  it('weights and skipped invalid answers, shown in a column of their own', () => {
    const csv = file('weighted.csv', 'q,w\n5,3\n1,1\n9,1\n');
    const { stdout } = cli('summarize', csv, '--csat', 'q', '--weight', 'w', '--skip-invalid');
    // 5 (w 3) satisfied, 1 (w 1) not: 75 %; the 9 is off the 1–5 scale.
    expect(stdout).toMatch(/^total +3 +2 +1 +75\.0 /m);
  });

  it('bad input: one line on stderr and exit 1, never a stack trace', () => {
    const bad = file('bad.csv', 'q\n5\n7\n');
    const cases = [
      [[join(dir, 'missing.csv'), '--csat', 'q'], `cx-metrics: cannot read ${join(dir, 'missing.csv')}: no such file`],
      [[bad, '--csat', 'Q'], `cx-metrics: ${bad} has no column "Q" (it has q)`],
      [[bad, '--csat', 'q'], 'cx-metrics: row 2, column "q": 7 is outside the scale 1–5'],
      [[file('broken.ndjson', '{"q":5}\n{q:5}\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'broken.ndjson')}, line 2: not valid JSON`],
      [[file('numbers.json', '[{"q":5}, 3]'), '--csat', 'q'], `cx-metrics: ${join(dir, 'numbers.json')}, row 2: expected a JSON object`],
      [[file('twice.csv', 'q,g,q\n5,a,1\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'twice.csv')}: the header names column "q" twice (columns 1 and 3)`],
      [[file('ragged.csv', 'q,g\n5,a\n4,b,c\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'ragged.csv')}, row 2: a value in cell 3, but the header has 2 columns (is a comma in a field not quoted?)`],
      [[file('empty.csv', ''), '--csat', 'q'], `cx-metrics: ${join(dir, 'empty.csv')} is empty: a CSV file starts with a header line`],
      [[file('open.json', '[{"q":5},\n{"q":4}'), '--csat', 'q'], `cx-metrics: ${join(dir, 'open.json')}: the array is not closed (after 1 elements)`],
    ] as const;
    for (const [args, message] of cases) {
      const { status, stderr, stdout } = cli('summarize', ...args);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim()).toBe(message);
    }
    // The reason in brackets is V8's own wording, which changes between Node versions.
    const unquoted = cli('summarize', file('unquoted.json', '[{"q":5},\n{q:4}]'), '--csat', 'q');
    expect(unquoted.status).toBe(1);
    const path = join(dir, 'unquoted.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(unquoted.stderr).toMatch(new RegExp(`^cx-metrics: ${path}, row 2: not valid JSON \\(.+\\)\n$`));
  });

  it('a wrong command: a message, the usage line and exit 2', () => {
    for (const args of [['frobnicate'], ['summarize'], ['summarize', 'x.csv'], ['summarize', 'x.csv', '--csat', 'q', '--format', 'xml'], ['summarize', 'x.csv', '--bogus']]) {
      const { status, stderr } = cli(...args);
      expect(status).toBe(2);
      expect(stderr).toMatch(/^cx-metrics: .+\nusage: cx-metrics summarize FILE/);
    }
    expect(cli('--help').stdout).toMatch(/^usage: cx-metrics summarize/);
    expect(cli('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
