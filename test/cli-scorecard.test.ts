/** cx-metrics scorecard: a programme of cards from a file of visits, checked against an independent scoring and hand-worked cards. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { cli, csvLines, scratch } from './cli-helpers.js';

const { file } = scratch('scorecard');
const VISITS = 'examples/data/mystery-visits.csv';
const TEMPLATE = ['--template', 'service-encounter', '--situation', 'situation'];

describe('cx-metrics scorecard: the service-encounter programme', () => {
  it('ranks the locations over all their visits and cards, with each month and its change', () => {
    const { stdout, stderr, status } = cli('scorecard', VISITS, ...TEMPLATE, '--by', 'location', '--wave', 'wave', '--id', 'visit');
    expect(status).toBe(0);
    // python3 test/reference/mystery-league.py: Harbour Street 22 visits, 289.5 / 351 = 82.4786 %,
    // pass 59.09 %, 1 critical failure (4.5 %), jackknife SE 2.0559 …; Market Square 25, 256.75 / 401.
    expect(stdout).toMatch(/^ +1 +Harbour Street +22 +289\.50 \/ 351\.00 +82\.5 +\[\d+\.\d, \d+\.\d\] +59\.1 +4\.5 /m);
    expect(stdout).toMatch(/^ +3 +Market Square +25 +256\.75 \/ 401\.00 +64\.0 /m);
    expect(stdout).toMatch(/^ +total +72 +834\.50 \/ 1147\.00 +72\.8 /m);
    // Station Road +10.5385, Welch t 1.946468 on 22.875 df: R 2 * pt(-1.946468, 22.875219) = 0.063982;
    // Holm over the three locations' changes (0.4558, 0.5289, 0.0640): 0.191947.
    expect(stdout).toMatch(/^Station Road +2026-11 +13 +77\.8 +\[.+\] +\+10\.5 +0\.0640 +0\.1919$/m);
    expect(stdout).toContain('visits per card: service-order 13, product-order 9, purchase 13, complaint 17, feedback 20');
    expect(stderr).toBe('cx-metrics: columns that are no criterion of the cards, left out: "date"\n');
  });

  it('CSV: a line per location and per location and month, full precision, the adjusted p-value', () => {
    const lines = csvLines(cli('scorecard', VISITS, ...TEMPLATE, '--by', 'location', '--wave', 'wave', '--format', 'csv').stdout);
    const head = lines[0]!;
    const at = (group: string, wave: string) => lines.find((line) => line[0] === group && line[1] === wave)!;
    expect(head.slice(0, 4)).toEqual(['group', 'wave', 'rank', 'visits']);
    expect(Number(at('Station Road', '')[head.indexOf('score')])).toBeCloseTo(72.9747, 4);
    expect(Number(at('Station Road', '2026-10')[head.indexOf('standard_error')])).toBeCloseTo(3.886, 3);
    expect(Number(at('Station Road', '2026-11')[head.indexOf('p_adjusted')])).toBeCloseTo(0.191947, 5);
    expect(head).toContain('section:outcome');
  });

  it('the same visits as an .xlsx workbook (numbers as numbers) and as a semicolon CSV give the same league', async () => {
    const cells = readFileSync(VISITS, 'utf8').trim().split('\n').map((line) => line.split(','));
    const workbook = file('visits.xlsx', new Uint8Array());
    await writeExcelFile(cells.map((row, r) => row.map((cell) => (r > 0 && /^\d+$/.test(cell) ? Number(cell) : cell)))).toFile(workbook);
    const semicolons = file('visits-fi.csv', `${cells.map((row) => row.join(';')).join('\r\n')}\r\n`);
    for (const input of [workbook, semicolons]) {
      const { stdout, status } = cli('scorecard', input, ...TEMPLATE, '--by', 'location', '--quiet');
      expect(status).toBe(0);
      // python3 test/reference/mystery-league.py: as for the CSV above.
      expect(stdout).toMatch(/^ +1 +Harbour Street +22 +289\.50 \/ 351\.00 +82\.5 /m);
      expect(stdout).toMatch(/^ +2 +Station Road +25 +288\.25 \/ 395\.00 +73\.0 /m);
      expect(stdout).toMatch(/^ +3 +Market Square +25 +256\.75 \/ 401\.00 +64\.0 /m);
    }
  }, 60_000);

  it('names the visit row and the column of an answer its card does not take, or an unknown situation', () => {
    const bad = file('bad-visits.csv', 'visit,situation,first-impression,tone-of-voice,response-script,listening,professional-skill,salesmanship,resolution,closing-greeting\nA1,complaint,5,5,yes,5,5,,resolved,yes\nA2,complaint,5,5,yes,5,5,4,resolved,yes\nA3,refund,5,5,yes,5,5,,resolved,yes\n');
    const run = cli('scorecard', bad, ...TEMPLATE, '--id', 'visit');
    expect(run.status).toBe(1);
    // A2: salesmanship is not on the complaint card; A3: no such situation.
    expect(run.stderr).toBe(`cx-metrics: ${bad}, line 3, column "salesmanship": visit "A2" answers "salesmanship", which is not a criterion of "service-encounter/complaint" (and 1 more)\n`);
    const unknown = cli('scorecard', file('refund.csv', 'situation,resolution\nrefund,resolved\n'), ...TEMPLATE);
    expect(unknown.stderr).toMatch(/line 2, column "situation": visit 0 names the card "refund", which is not one of "service-order", "product-order", "purchase", "complaint", "feedback"/);
  });
});

describe('cx-metrics scorecard: cards of your own', () => {
  // smile yes/no 2 points, speed 1–5 (4 points: earns 4·(x − 1)/4), outcome options good 3 / poor 0.
  const card = { id: 'branch', passThreshold: 75, sections: [{ id: 'service', criteria: [{ id: 'smile', answer: 'yes-no', points: 2 }, { id: 'speed', answer: { scale: { min: 1, max: 5 } }, points: 4 }, { id: 'outcome', answer: { options: { good: 3, poor: 0 } } }] }] };
  const cardFile = file('branch.json', JSON.stringify(card));

  it('reads yes/no in any spelling, numbers for scales, option labels and N/A in any case', () => {
    const visits = file('branch.csv', 'visit,branch,smile,speed,outcome\nB1,north,Yes,5,good\nB2,north,FALSE,3,poor\nB3,south,1,N/A,good\nB4,south,no,1,\n');
    const lines = csvLines(cli('scorecard', visits, '--card', cardFile, '--by', 'branch', '--id', 'visit', '--format', 'csv').stdout);
    const head = lines[0]!;
    // north: B1 2 + 4 + 3 = 9 of 9; B2 0 + 2 + 0 = 2 of 9 → 11/18. south: B3 2 + 3 of 2 + 3 (speed N/A); B4 0 + 0 of 2 + 4 (outcome unanswered) → 5/11.
    const score = (group: string) => Number(lines.find((line) => line[0] === group && line[1] === '')![head.indexOf('score')]);
    expect(score('north')).toBeCloseTo((11 / 18) * 100, 10);
    expect(score('south')).toBeCloseTo((5 / 11) * 100, 10);
  });

  it('names the row and column of an answer the card does not take, and the file of a broken card', () => {
    const visits = file('branch-bad.csv', 'visit,smile,speed\nB1,maybe,5\n');
    expect(cli('scorecard', visits, '--card', cardFile, '--id', 'visit').stderr).toBe(`cx-metrics: ${visits}, line 2, column "smile": visit "B1", criterion "smile": expected true/false, "yes"/"no" or "n/a", got "maybe"\n`);
    const broken = file('broken.json', JSON.stringify({ id: 'b', sections: [{ id: 's', criteria: [{ id: 'x', answer: 'yes-no' }, { id: 'x', answer: 'yes-no' }] }] }));
    expect(cli('scorecard', visits, '--card', broken).stderr).toMatch(new RegExp(`^cx-metrics: ${broken}: sections\\.0\\.criteria\\.1\\.id: `));
  });

  it('several cards of your own by KEY=FILE, and usage errors', () => {
    const phone = file('phone.json', JSON.stringify({ id: 'phone', sections: [{ id: 'service', criteria: [{ id: 'smile', answer: 'yes-no', points: 2 }] }] }));
    const visits = file('mixed.csv', 'kind,smile,speed,outcome\ndesk,yes,5,good\ncall,no,,\n');
    const run = cli('scorecard', visits, '--card', `desk=${cardFile}`, '--card', `call=${phone}`, '--situation', 'kind', '--format', 'json');
    const report = JSON.parse(run.stdout) as { total: { earned: number; possible: number }; cards: { key: string; visits: number }[] };
    // desk 9 of 9, call 0 of 2 → 9 of 11.
    expect(report.total).toMatchObject({ earned: 9, possible: 11 });
    expect(report.cards.map((entry) => [entry.key, entry.visits])).toEqual([['desk', 1], ['call', 1]]);
    expect(cli('scorecard', visits, '--card', cardFile, '--template', 'service-encounter').status).toBe(2);
    expect(cli('scorecard', visits, '--card', cardFile, '--situation', 'kind').stderr).toMatch(/--situation picks among several cards/);
    expect(cli('scorecard', visits, '--card', `desk=${cardFile}`, '--card', `call=${phone}`).stderr).toMatch(/several cards need --situation COL/);
  });
});
