/**
 * `--rake` and `--benchmark` on the command line (issue 24). The weights are the library's
 * `rake` (checked against R survey in src/weights/rake.test.ts); here the flags, the margins
 * files, the report on stderr and in the HTML report's methodology, and the messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cli, root, scratch } from './cli-helpers.js';

const { file } = scratch('weighting');
// Three web answers (10, 9, 3) and one store answer (10); the population is half web, half store.
const answers = file('answers.csv', 'channel,q\nweb,10\nweb,9\nweb,3\nstore,10\n');
const json = file('margins.json', '{"channel": {"web": 0.5, "store": 0.5}}');

describe('--rake', () => {
  it('weights the rows to the margins: web rows 2/3 each, the store row 2; NPS (2·2/3 + 2 − 2/3)/4 = 66.7', () => {
    const run = cli('summarize', answers, '--nps', 'q', '--rake', json);
    expect(run.stdout).toMatch(/^total +4 +4 +66\.7 /m);
    expect(run.stderr).toBe(
      'cx-metrics: weighted by raking to 1 margin in 2 iterations: weights 0.667–2.000 (mean 1.000), design effect 1.33, efficiency 75.0 %\n' +
        'cx-metrics:   channel: web 3 rows → 50.0 % (target 50.0 %); store 1 row → 50.0 % (target 50.0 %)\n',
    );
  });

  it('a margins CSV (any delimiter, decimal commas) gives the same; --quiet keeps the report off stderr', () => {
    const csv = file('margins.csv', 'Margin;Category;Target\nchannel;web;0,5\nchannel;store;0,5\n');
    const run = cli('summarize', answers, '--nps', 'q', '--rake', csv, '--quiet', '--format', 'csv', '--raw-csv');
    expect(run.stderr).toBe('');
    // The standard error is that of raked weights, as R survey's svymean on the raked design:
    // R> d <- data.frame(channel = c("web", "web", "web", "store"), y = c(100, 100, -100, 100))
    // R> r <- rake(svydesign(id = ~1, weights = ~1, data = d), list(~channel),
    // R+   list(data.frame(channel = c("web", "store"), Freq = c(2, 2))), control = list(epsilon = 1e-15))
    // R> svymean(~y, r)  # 66.6666666667, SE 31.4269680527
    const cells = run.stdout.trim().split('\n')[1]!.split(',');
    expect(Number(cells[7])).toBeCloseTo(66.6666666667, 9);
    expect(Number(cells[8])).toBeCloseTo(31.4269680527, 9);
  });

  it('--benchmark VALUE:SE compares the total with it on stderr', () => {
    // R, with m the raked svymean above: se <- sqrt(SE(m)^2 + 5^2) = 31.8222; z <- (66.667 - 30) / se;
    // 2 * pnorm(-z) = 0.249225; 36.667 ∓ qnorm(0.975) * se = -25.7038, 99.0371.
    const run = cli('summarize', answers, '--nps', 'q', '--rake', json, '--benchmark', '30:5');
    expect(run.stderr.split('\n').at(-2)).toBe('cx-metrics: benchmark 30 (SE 5): NPS q 66.7 is 36.7 above it, 95 % CI of the difference [-25.7, 99.0], p = 0.2492');
  });

  it('the HTML report states the weighting in its methodology, in English and Finnish', () => {
    for (const [lang, text] of [
      ['en', 'The answers are weighted by raking (iterative proportional fitting, 2 passes) to the population’s margins — channel: web 50.0%, store 50.0%'],
      ['fi', 'Vastaukset on painotettu perusjoukon reunajakaumiin (raking eli iteratiivinen suhteellinen sovitus, 2 kierrosta) — channel: web 50,0\u00a0%, store 50,0\u00a0%'],
    ] as const) {
      const out = file(`report-${lang}.html`, '');
      expect(cli('report', answers, '--nps', 'q', '--rake', json, '--min-n', '1', '--lang', lang, '--out', out).status).toBe(0);
      expect(readFileSync(out, 'utf8').replaceAll('&#39;', '’').replaceAll("'", '’')).toContain(text);
    }
  });

  it('bad margins and flags are named', () => {
    const store = file('web-only.json', '{"channel": {"web": 1}}');
    expect(cli('summarize', answers, '--nps', 'q', '--rake', store).stderr).toBe(`cx-metrics: ${answers}, line 5, column "channel": the category "store" of the margin "channel" has no target (targets: "web"): give it one, or merge it into one that has\n`);
    const columns = file('columns.csv', 'margin,category\nchannel,web\n');
    expect(cli('summarize', answers, '--nps', 'q', '--rake', columns).stderr).toBe(`cx-metrics: ${columns}: a margins CSV has the columns margin, category and target (it has margin, category)\n`);
    expect(cli('summarize', answers, '--nps', 'q', '--rake-cap', '3').stderr.split('\n')[0]).toBe('cx-metrics: --rake-cap goes with --rake FILE');
    expect(cli('summarize', answers, '--nps', 'q', '--benchmark', 'high').stderr.split('\n')[0]).toBe('cx-metrics: --benchmark takes a score, or a score and its standard error as VALUE:SE (e.g. 42 or 42:1.5), got "high"');
    const unknown = file('unknown.json', '{"region": {"north": 1}}');
    expect(cli('summarize', answers, '--nps', 'q', '--rake', unknown).stderr).toBe(`cx-metrics: ${answers} has no column "region" (it has channel, q)\n`);
    // A margins file without a name that says JSON (a process substitution) is told by its first character.
    const run = spawnSync('bash', ['-c', `${process.execPath} --import tsx packages/cli/src/main.ts summarize ${answers} --nps q --rake <(cat ${json})`], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^total +4 +4 +66\.7 /m);
  });
});

describe('cx-metrics weights', () => {
  it('writes the file with the raked weight appended, for --weight in any command', () => {
    const run = cli('weights', answers, '--rake', json, '--quiet');
    // web rows 2/3 each (half of 4 over 3 rows), the store row 2.
    expect(run.stdout.trim().split('\n')).toEqual(['channel,q,weight', `web,10,${2 / 3}`, `web,9,${2 / 3}`, `web,3,${2 / 3}`, 'store,10,2']);
    const weighted = file('weighted.csv', run.stdout);
    expect(cli('summarize', weighted, '--nps', 'q', '--weight', 'weight').stdout).toMatch(/^total +4 +4 +66\.7 /m);
    // A base weight is kept and raked from; the new column's name can be chosen, not reused.
    const based = file('based.csv', 'channel,q,w\nweb,10,1\nweb,9,1\nweb,3,2\nstore,10,1\n');
    const lines = cli('weights', based, '--rake', json, '--weight', 'w', '--name', 'raked', '--quiet').stdout.trim().split('\n');
    // Web: base 1, 1, 2 scaled to 2 in all: 0.5, 0.5, 1.
    expect(lines.slice(0, 4)).toEqual(['channel,q,w,raked', 'web,10,1,0.5', 'web,9,1,0.5', 'web,3,2,1']);
    expect(cli('weights', based, '--rake', json, '--name', 'w').stderr.split('\n')[0]).toBe('cx-metrics: the file already has a column "w": give the weights another with --name COL');
    expect(cli('weights', based).stderr.split('\n')[0]).toBe('cx-metrics: weights needs --rake FILE: the margins to weight to');
  });
});
