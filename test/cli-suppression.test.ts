/**
 * Small groups hidden on the command line (issue 22): --min-n, --min-n-comments,
 * --complementary and --show-counts on every command whose results are per group, and the
 * report's default. Viva Glint's worked table in a file: teams of 10, 7, 5 and 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, csvLines, scratch } from './cli-helpers.js';

const { dir, file } = scratch('suppression');

// Team A: 10 answers in January — six 10s, two 8s, two 3s: NPS (6 − 2) / 10 = +40.
// Team B: 7 in February — two 9s, three 7s, two 0s: NPS (2 − 2) / 7 = 0.
// Team C: 5 in March — five 10s: NPS +100. Team D: 1 in April — a 0: NPS −100.
// All 23: promoters 6 + 2 + 5 = 13, detractors 2 + 2 + 1 = 5: NPS 800 / 23 = 34.7826.
const answers = [
  ...[10, 10, 10, 10, 10, 10, 8, 8, 3, 3].map((score, i) => ['A', `2026-01-${String(i + 1).padStart(2, '0')}`, score, i % 2 === 0 ? 'Jono oli pitkä' : '']),
  ...[9, 9, 7, 7, 7, 0, 0].map((score, i) => ['B', `2026-02-${String(i + 1).padStart(2, '0')}`, score, 'Jonossa meni aikaa']),
  ...[10, 10, 10, 10, 10].map((score, i) => ['C', `2026-03-0${i + 1}`, score, 'Ystävällinen myyjä']),
  ['D', '2026-04-01', 0, 'Tyly myyjä'],
];
const teams = file('teams.csv', ['team,answered,score,comment', ...answers.map((row) => row.join(','))].join('\n'));
const journey = file('journey.json', JSON.stringify({ stages: ['A', 'B', 'C', 'D'].map((id) => ({ id })) }));
const codebook = file('codebook.json', JSON.stringify({ language: 'fi', themes: [{ id: 'jono', label: 'Jonot', match: ['jono*'] }, { id: 'myyja', label: 'Myyjä', match: ['myyjä'] }] }));

describe('--min-n on summarize', () => {
  it("hides the team of 1 (insufficient) and the team of 5 (complementary, Glint's rule); the others and the total are shown", () => {
    const lines = csvLines(cli('summarize', teams, '--by', 'team', '--nps', 'score', '--min-n', '5', '--format', 'csv').stdout);
    const head = lines[0]!;
    const at = (team: string) => lines.find((line) => line[0] === team)!;
    const cell = (team: string, column: string) => at(team)[head.indexOf(column)];
    expect(head.at(-1)).toBe('suppressed');
    expect([cell('A', 'score'), cell('A', 'n'), cell('A', 'suppressed')]).toEqual(['40', '10', '']);
    expect([cell('B', 'score'), cell('B', 'n')]).toEqual(['0', '7']);
    expect([cell('C', 'score'), cell('C', 'n'), cell('C', 'rows'), cell('C', 'suppressed')]).toEqual(['', '0', '0', 'complementary']);
    expect([cell('D', 'score'), cell('D', 'n'), cell('D', 'lower'), cell('D', 'suppressed')]).toEqual(['', '0', '', 'insufficient']);
    expect(Number(cell('total', 'score'))).toBeCloseTo(800 / 23, 10);
  });

  it('says "hidden" in the table and why below it; --show-counts keeps the counts only', () => {
    const { stdout } = cli('summarize', teams, '--by', 'team', '--nps', 'score', '--min-n', '5', '--show-counts');
    expect(stdout).toMatch(/^C +5 +5 +hidden *$/m);
    expect(stdout).toMatch(/^D +1 +1 +hidden *$/m);
    expect(stdout).toContain('hidden: fewer than 5 respondents answered, or hidden too so that such a group cannot be worked out by subtraction (--min-n 5, --complementary glint)');
    const plain = cli('summarize', teams, '--by', 'team', '--nps', 'score', '--min-n', '5').stdout;
    expect(plain).toMatch(/^C +– +– +hidden *$/m);
  });

  it('--complementary none hides only the team of 1; strict also hides the 5 (1 + 5 ≥ 5) and stops there', () => {
    const none = csvLines(cli('summarize', teams, '--by', 'team', '--nps', 'score', '--min-n', '5', '--complementary', 'none', '--format', 'csv').stdout);
    expect(none.filter((line) => line.at(-1) !== '' && line[0] !== 'team').map((line) => line[0])).toEqual(['D']);
    const strict = csvLines(cli('summarize', teams, '--by', 'team', '--nps', 'score', '--min-n', '5', '--complementary', 'strict', '--format', 'csv').stdout);
    expect(strict.filter((line) => line.at(-1) !== '' && line[0] !== 'team').map((line) => line[0])).toEqual(['C', 'D']);
  });

  it('refuses a threshold that is not a whole number from 1, comments below scores, and the other flags alone', () => {
    for (const [flags, message] of [
      [['--min-n', '0'], '--min-n takes a whole number of respondents from 1, got "0"'],
      [['--min-n', '2.5'], '--min-n takes a whole number of respondents from 1, got "2.5"'],
      [['--min-n', 'five'], '--min-n takes a whole number of respondents from 1, got "five"'],
      [['--min-n', '5', '--min-n-comments', '3'], '--min-n-comments 3 is below --min-n 5: comments say more about a person than a score'],
      [['--min-n', '5', '--complementary', 'loose'], '--complementary takes glint, strict, none, got "loose"'],
      [['--show-counts'], '--show-counts goes with --min-n N'],
      [['--min-n-comments', '10'], '--min-n-comments goes with --min-n N'],
    ] as const) {
      const run = cli('summarize', teams, '--by', 'team', '--nps', 'score', ...flags);
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`cx-metrics: ${message}`);
    }
  });
});

describe('--min-n on the other commands', () => {
  it('trend: the months of 1 and 5 answers are hidden, and the change is from January to February only', () => {
    const lines = csvLines(cli('trend', teams, '--at', 'answered', '--period', 'month', '--nps', 'score', '--min-n', '5', '--format', 'csv').stdout);
    const head = lines[0]!;
    const month = (period: string) => lines.find((line) => line[0] === period)!;
    expect(month('2026-03')[head.indexOf('suppressed')]).toBe('complementary');
    expect(month('2026-04')[head.indexOf('suppressed')]).toBe('insufficient');
    // February against January: 0 − 40 = −40.
    expect(Number(month('2026-02')[head.indexOf('change')])).toBeCloseTo(-40, 10);
    expect(month('2026-03')[head.indexOf('change')]).toBe('');
  });

  it('journey: the stages of 1 and 5 respondents are hidden and not tested', () => {
    const lines = csvLines(cli('journey', teams, '--journey', journey, '--stage', 'team', '--nps', 'score', '--min-n', '5', '--format', 'csv').stdout);
    const head = lines[0]!;
    const stage = (id: string) => lines.find((line) => line[0] === id)!;
    expect(stage('C')[head.indexOf('suppressed')]).toBe('complementary');
    expect(stage('D')[head.indexOf('score')]).toBe('');
    expect(stage('D')[head.indexOf('p_value')]).toBe('');
    expect(stage('A')[head.indexOf('score')]).toBe('40');
  });

  it('scorecard: a location with fewer visits than --min-n is hidden and not ranked', () => {
    // Harbour Street has 22 visits, Station Road and Market Square 25 each (test/cli-scorecard.test.ts).
    const { stdout } = cli('scorecard', 'examples/data/mystery-visits.csv', '--template', 'service-encounter', '--situation', 'situation', '--by', 'location', '--min-n', '23', '--quiet');
    expect(stdout).toMatch(/^ +– +Harbour Street +– +hidden/m);
    expect(stdout).toMatch(/^ +1 +Station Road +25 +288\.25 \/ 395\.00 +73\.0 /m);
    expect(stdout).toMatch(/^ +2 +Market Square +25 /m);
    expect(stdout).toContain('hidden: fewer than 23 visits were made');
  });

  it('themes: a team whose commenters are fewer than --min-n-comments shows no theme and no quote', () => {
    const { stdout, status } = cli('themes', teams, '--text', 'comment', '--codebook', codebook, '--nps', 'score', '--by', 'team', '--min-n', '5', '--min-n-comments', '6');
    expect(status).toBe(0);
    // Commenters: A 5 (every other row), B 7, C 5, D 1. Below 6: A, C, D; B alone is shown, and
    // the hidden hold 11 ≥ 2 people, so nothing more is hidden. The whole holds 18 commenters.
    expect(stdout).toMatch(/^A +\(all themes\) +– +hidden/m);
    expect(stdout).toMatch(/^D +\(all themes\) +– +hidden/m);
    expect(stdout).toMatch(/^B +Jonot +7 +100\.0 /m);
    // The whole's quotes (18 commenters) may include D's words, not tied to D; D's own report has none.
    const report = JSON.parse(cli('themes', teams, '--text', 'comment', '--codebook', codebook, '--nps', 'score', '--by', 'team', '--min-n', '5', '--min-n-comments', '6', '--format', 'json').stdout);
    const d = report.groups.find((group: { key: string }) => group.key === 'D');
    expect(d).toMatchObject({ suppressed: 'insufficient', commenters: 0, themes: [], uncoded: { commenters: 0, comments: [] } });
  });
});

describe('cx-metrics report hides small groups by default', () => {
  it('5 respondents for figures and 10 for comments unless told; the methodology says so', () => {
    const out = `${dir}/report.html`;
    expect(cli('report', teams, '--by', 'team', '--nps', 'score', '--text', 'comment', '--codebook', codebook, '--lang', 'en', '--quiet', '--out', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<td>D<\/td><td>NPS<\/td><td>score<\/td><td class="number">–<\/td><td class="number">hidden<\/td>/);
    expect(html).toMatch(/<td>A<\/td><td>NPS<\/td><td>score<\/td><td class="number">10<\/td><td class="number">40<\/td>/);
    expect(html).toContain('when fewer than 5 people answered (people, not weights), and its comments and quotes when fewer than 10 wrote one');
    const off = `${dir}/report-off.html`;
    expect(cli('report', teams, '--by', 'team', '--nps', 'score', '--lang', 'en', '--min-n', '1', '--quiet', '--out', off).status).toBe(0);
    const shown = readFileSync(off, 'utf8');
    expect(shown).toMatch(/<td>D<\/td><td>NPS<\/td><td>score<\/td><td class="number">1<\/td><td class="number">-100<\/td>/);
    expect(shown).toContain('No group is hidden (--min-n 1)');
  });
});
