/**
 * `cx-metrics monitor` (issue 25): the latest period's control-chart signals, and exit code 3
 * when one fires. The data are Montgomery's p-chart example (Introduction to Statistical
 * Quality Control, Table 7.1: 30 weekly samples of 50, "satisfied" standing for nonconforming):
 * p̄ = 347/1500 = 23.13 %, limits 5.24 % and 41.02 %, samples 15 and 23 beyond them.
 */
import { describe, expect, it } from 'vitest';
import { cli, scratch } from './cli-helpers.js';

const { file } = scratch('monitor');
const NONCONFORMING = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
const lines = (samples: readonly number[]) => [
  'at,store,q',
  ...samples.flatMap((x, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    return Array.from({ length: 50 }, (_, k) => `${day},Kamppi,${k < x ? 5 : 1}`);
  }),
];
const all = file('all.csv', `${lines(NONCONFORMING).join('\n')}\n`);
const upTo23 = file('upto23.csv', `${lines(NONCONFORMING.slice(0, 23)).join('\n')}\n`);

describe('cx-metrics monitor', () => {
  it('the latest period in control: exit 0 (week 30: 6 of 50 = 12 %, inside 5.2–41.0 around 23.1)', () => {
    const run = cli('monitor', all, '--at', 'at', '--period', 'week', '--csat', 'q');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^all +2024-W30 +50 +12\.0 +23\.1 +5\.2 +41\.0 +none$/m);
  });

  it('a signal in the latest period exits 3 (sample 23: 24 of 50 = 48 %, over the upper limit of the first 23: 42.1)', () => {
    // The first 23 samples: p̄ = 276/1150 = 24.0 %, upper limit 24 + 3·√(0.24·0.76/50)·100 = 42.1.
    const run = cli('monitor', upTo23, '--at', 'at', '--period', 'week', '--csat', 'q', '--by', 'store');
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/^Kamppi +2024-W23 +50 +48\.0 +24\.0 +5\.9 +42\.1 +beyond-limits$/m);
    const json = JSON.parse(cli('monitor', upTo23, '--at', 'at', '--period', 'week', '--csat', 'q', '--format', 'json').stdout) as { signal: boolean; groups: { latest: { signals: string[] } }[] };
    expect([json.signal, json.groups[0]!.latest.signals]).toEqual([true, ['beyond-limits']]);
    // Laney's p′ widens the limits by σz (the weeks vary more than binomially): no signal.
    expect(cli('monitor', upTo23, '--at', 'at', '--period', 'week', '--csat', 'q', '--chart', 'laney').status).toBe(0);
  });

  it('usage errors exit 2', () => {
    expect(cli('monitor', all, '--at', 'at', '--period', 'fortnight', '--csat', 'q').status).toBe(2);
    expect(cli('monitor', all, '--at', 'at', '--period', 'week', '--csat', 'q', '--rules', 'nelson').status).toBe(2);
    expect(cli('monitor', all, '--at', 'at', '--period', 'week', '--csat', 'q', '--baseline', '0').status).toBe(2);
  });
});

describe('the report with --at', () => {
  it('has a control-chart section listing the periods that signal, and says how in its methodology (en, fi)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [lang, title, signal, method] of [
      ['en', 'Control charts', 'beyond the limits', 'The control charts set each period against limits of three standard errors'],
      ['fi', 'Valvontakortit', 'rajojen ulkopuolella', 'Valvontakorteissa kutakin jaksoa verrataan'],
    ] as const) {
      const out = file(`report-${lang}.html`, '');
      const run = cli('report', all, '--at', 'at', '--period', 'week', '--csat', 'q', '--min-n', '1', '--lang', lang, '--out', out);
      expect(run.status, run.stderr).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain(`>${title}</h2>`);
      // Samples 15 and 23 (weeks 2024-W15 and 2024-W23) are beyond the limits.
      expect(html).toMatch(new RegExp(`2024-W15</td>[\\s\\S]*?${signal}`));
      expect(html).toMatch(new RegExp(`2024-W23</td>[\\s\\S]*?${signal}`));
      expect(html).toContain(method);
    }
  });
});
