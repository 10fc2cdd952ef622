import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/index.js';
import { cli, csvLines, root, scratch } from './cli-helpers.js';
import { airlineCsv } from './shared-data.js';

const { dir, file } = scratch('cli');

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

  it('several items of a questionnaire at once: a line per group and item', () => {
    const { status, stdout } = cli('summarize', airlineCsv!, '--by', 'Class', '--csat', 'Seat comfort', '--csat', 'Cleanliness', '--na', '0', '--format', 'csv');
    expect(status).toBe(0);
    const lines = csvLines(stdout);
    expect(lines[0]).toEqual(['Class', 'metric', 'column', 'rows', 'n', 'missing', 'invalid', 'score', 'standard_error', 'lower', 'upper', 'level']);
    // python3: Cleanliness ≥ 4 among non-zero answers: 12517 of 25974 (test/airline-survey.test.ts); two zeros.
    const total = lines.filter((line) => line[0] === 'total');
    expect(total.map((line) => line.slice(1, 7))).toEqual([
      ['csat', 'Seat comfort', '25976', '25976', '0', '0'],
      ['csat', 'Cleanliness', '25976', '25974', '2', '0'],
    ]);
    expect(Number(total[1]![7])).toBeCloseTo((12517 / 25974) * 100, 10);
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
      const { tally, ...figures } = group.csat;
      const { tally: expectedTally, ...expectedFigures } = library.groups[g]!.csat;
      expect(figures).toEqual(JSON.parse(JSON.stringify(expectedFigures)));
      expect(tally.counts).toEqual(expectedTally.counts);
    });
  });
});

describe('cx-metrics summarize', () => {
  it('reads quoted CSV cells, blank cells as no answer, and writes CSV', () => {
    const csv = file('quoted.csv', 'team,q,comment\n"North, East",10,"said ""great"""\n"North, East",,\nSouth,3,"two\nlines"\n');
    const { status, stdout } = cli('summarize', csv, '--by', 'team', '--nps', 'q', '--format', 'csv');
    expect(status).toBe(0);
    // North, East: one promoter of one answer (one blank): 100, SE 0; South: one detractor: −100;
    // total: one of each, NPS 0, SE √((½ + ½ − 0²)/2)·100 = 70.7106781…
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('team,metric,column,rows,n,missing,invalid,score,standard_error,lower,upper,level');
    expect(lines[1]).toMatch(/^"North, East",nps,q,2,1,1,0,100,0,/);
    expect(lines[2]).toMatch(/^South,nps,q,1,1,0,0,-100,0,/);
    expect(lines[3]).toMatch(/^total,nps,q,3,2,1,0,0,70\.7106781\d*,/);
  });

  it('reads NDJSON and JSON arrays', () => {
    const ndjson = file('answers.ndjson', '{"g":"a","q":9}\n\n{"g":"b","q":2}\n{"g":"a","q":10}\n');
    expect(csvLines(cli('summarize', ndjson, '--by', 'g', '--nps', 'q', '--format', 'csv').stdout)[1]!.slice(0, 8)).toEqual(['a', 'nps', 'q', '2', '2', '0', '0', '100']);
    const json = file('answers.json', '[{"q":5},{"q":4},{"q":1}]');
    expect(cli('summarize', json, '--csat', 'q').stdout).toMatch(/^total +3 +3 +66\.7 /m);
  });

  it('streams files larger than its heap: CSV, NDJSON and a JSON array', () => {
    // 660 000 rows, q cycling 0…10: per 11 answers 2 promoters and 7 detractors, NPS = −5/11 =
    // −45.45. A 100-character comment pads each file past 64 MB while the heap is held to 48 MB,
    // so neither the file nor its rows can be held whole. (48 MB leaves room for the CLI's own
    // code loaded through tsx, about 14 MB; a 24 MB heap ran out while loading it on a busy machine.)
    const n = 660_000;
    const comment = 'a free-text comment, padded to a hundred characters as a typical open answer would be, more or less.';
    const rows = Array.from({ length: n }, (_, i) => ({ q: i % 11, comment }));
    const files = [
      file('big.csv', `q,comment\n${rows.map((row) => `${row.q},"${row.comment}"`).join('\n')}\n`),
      file('big.ndjson', `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`),
      file('big.json', `[${rows.map((row) => JSON.stringify(row)).join(',\n')}]`),
    ];
    for (const path of files) {
      expect(statSync(path).size).toBeGreaterThan(64 * 1024 * 1024);
      const result = spawnSync(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', 'packages/cli/src/main.ts', 'summarize', path, '--nps', 'q'], { cwd: root, encoding: 'utf8' });
      expect(result.stderr, path).toBe('');
      expect(result.stdout).toMatch(/^total +660000 +660000 +-45\.5 /m);
    }
  }, 90_000);

  it('weights and skipped invalid answers, shown in a column of their own', () => {
    const csv = file('weighted.csv', 'q,w\n5,3\n1,1\n9,1\n');
    const { stdout } = cli('summarize', csv, '--csat', 'q', '--weight', 'w', '--skip-invalid');
    // 5 (w 3) satisfied, 1 (w 1) not: 75 %; the 9 is off the 1–5 scale.
    expect(stdout).toMatch(/^total +3 +2 +1 +75\.0 /m);
  });

  it('interval methods by flag: --nps-interval iterative, --csat-interval clopper-pearson', () => {
    // 1 detractor, 2 passives, 3 promoters: R package NPS iterative(c(1, 2, 3), 0.05) = −0.3107, 0.7540.
    const npsFile = file('nps-six.csv', 'q\n0\n7\n8\n9\n10\n10\n');
    const iterative = csvLines(cli('summarize', npsFile, '--nps', 'q', '--nps-interval', 'iterative', '--format', 'csv').stdout);
    const header = iterative[0]!;
    expect(Number(iterative[1]![header.indexOf('lower')])).toBeCloseTo(-31.107, 3);
    expect(Number(iterative[1]![header.indexOf('upper')])).toBeCloseTo(75.396, 3);
    // 4 of 4 satisfied: R binom.test(4, 4)$conf.int = 0.3976354 1.
    const csatFile = file('csat-four.csv', 'q\n5\n5\n4\n5\n');
    const exact = csvLines(cli('summarize', csatFile, '--csat', 'q', '--csat-interval', 'clopper-pearson', '--format', 'csv').stdout);
    expect(Number(exact[1]![exact[0]!.indexOf('lower')])).toBeCloseTo(39.76354, 4);
    expect(cli('summarize', csatFile, '--csat', 'q', '--csat-interval', 'exact').stderr).toMatch(/--csat-interval takes wilson, agresti-coull, jeffreys, clopper-pearson, wald, got "exact"/);
    expect(cli('summarize', csatFile, '--csat', 'q', '--nps-interval', 'iterative').stderr).toMatch(/--nps-interval is for --nps columns/);
  });

  it('bad input: one line on stderr naming file, line and column, and exit 1', () => {
    const bad = file('bad.csv', 'q\n5\n7\n');
    const cases = [
      [[join(dir, 'missing.csv'), '--csat', 'q'], `cx-metrics: cannot read ${join(dir, 'missing.csv')}: no such file`],
      [[bad, '--csat', 'Q'], `cx-metrics: ${bad} has no column "Q"; did you mean "q"?`],
      [[bad, '--csat', 'x'], `cx-metrics: ${bad} has no column "x" (it has q)`],
      [[bad, '--csat', 'q'], `cx-metrics: ${bad}, line 3, column "q": 7 is outside the scale 1–5`],
      [[file('broken.ndjson', '{"q":5}\n{q:5}\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'broken.ndjson')}, line 2: not valid JSON`],
      [[file('numbers.json', '[{"q":5}, 3]'), '--csat', 'q'], `cx-metrics: ${join(dir, 'numbers.json')}, row 2: expected a JSON object`],
      [[file('twice.csv', 'q,g,q\n5,a,1\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'twice.csv')}: the header names column "q" twice (columns 1 and 3)`],
      [[file('long.csv', 'q,g\n5,a\n4,b,c\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'long.csv')}, line 3: 3 cells, but the header has 2 columns (is a delimiter inside a cell not quoted?)`],
      [[file('empty.csv', ''), '--csat', 'q'], `cx-metrics: ${join(dir, 'empty.csv')} is empty: a CSV file starts with a header line`],
      [[file('open.json', '[{"q":5},\n{"q":4}'), '--csat', 'q'], `cx-metrics: ${join(dir, 'open.json')}: the array is not closed (after 1 elements)`],
      [[file('quote.csv', 'q,c\n5,"never closed\n4,x\n'), '--csat', 'q'], `cx-metrics: ${join(dir, 'quote.csv')}, line 2: a quoted cell is never closed (a quote is missing)`],
    ] as const;
    for (const [args, message] of cases) {
      const { status, stderr, stdout } = cli('summarize', ...args);
      expect(stderr.trim()).toBe(message);
      expect(status).toBe(1);
      expect(stdout).toBe('');
    }
    // The reason in brackets is V8's own wording, which changes between Node versions.
    const unquoted = cli('summarize', file('unquoted.json', '[{"q":5},\n{q:4}]'), '--csat', 'q');
    expect(unquoted.status).toBe(1);
    const path = join(dir, 'unquoted.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(unquoted.stderr).toMatch(new RegExp(`^cx-metrics: ${path}, row 2: not valid JSON \\(.+\\)\n$`));
  });

  it('a header and no rows is said, not printed as an empty table', () => {
    const headerOnly = file('header-only.csv', 'g,q\n');
    for (const command of [['summarize', '--by', 'g'], ['followups', '--id', 'g']]) {
      const { status, stdout, stderr } = cli(command[0]!, headerOnly, ...command.slice(1), '--nps', 'q');
      expect([status, stdout, stderr]).toEqual([1, '', `cx-metrics: ${headerOnly} has no rows below its header\n`]);
    }
    expect(cli('summarize', file('empty.json', '[]'), '--nps', 'q').stderr).toBe(`cx-metrics: ${join(dir, 'empty.json')} has no rows\n`);
  });

  it('a wrong command: a message, the usage line and exit 2', () => {
    for (const args of [['frobnicate'], ['summarize'], ['summarize', 'x.csv'], ['summarize', 'x.csv', '--csat', 'q', '--format', 'xml'], ['summarize', 'x.csv', '--bogus'], ['summarize', 'a.csv', 'b.csv', '--nps', 'q']]) {
      const { status, stderr } = cli(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^cx-metrics: .+\nusage: cx-metrics (summarize FILE|COMMAND FILE)/);
    }
  });

  it('--help for the command line and for each command; --version', () => {
    expect(cli('--help').stdout).toMatch(/^usage: cx-metrics COMMAND FILE \[options\]\n\nCommands:\n {2}summarize +NPS, CSAT and CES per group/);
    for (const command of ['summarize', 'trend', 'drivers', 'journey', 'followups']) {
      const help = cli(command, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: cx-metrics ${command} FILE`));
      expect(help.stdout).toMatch(/\nExamples:\n {2}cx-metrics /);
      expect(cli('help', command).stdout).toBe(help.stdout);
    }
    expect(cli('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
