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

  it('--by an id column by mistake stops at --max-groups, naming the line (each group is a chart)', () => {
    const ids = file('ids.csv', ['at,id,q', ...Array.from({ length: 20 }, (_, i) => `2024-01-01,r${i},5`)].join('\n'));
    const run = cli('monitor', ids, '--at', 'at', '--period', 'week', '--csat', 'q', '--by', 'id', '--max-groups', '10');
    expect([run.status, run.stderr]).toEqual([1, `cx-metrics: ${ids}, line 12: --by id makes more than 10 groups (is it an id column?); --max-groups N allows more\n`]);
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

describe('cx-metrics followups --log', () => {
  // Detractors r1, r2, r3, r5 are to be contacted (r4 is a promoter).
  const answers = file('answers.csv', 'respondent,rec\nr1,0\nr2,3\nr3,6\nr4,10\nr5,2\n');
  // The case log: r1 contacted after 3 h; r2 and r3 open; r9 (not on the list) contacted after 96 h;
  // r5 has no case. The latest time, 2026-03-05 09:00Z, is when open cases are judged.
  const log = file('cases.csv', [
    'respondent,opened,contacted',
    'r1,2026-03-02T09:00Z,2026-03-02T12:00Z',
    'r2,2026-03-02T09:00Z,',
    'r3,2026-03-04T09:00Z,',
    'r9,2026-03-01T09:00Z,2026-03-05T09:00Z',
  ].join('\n'));

  it('joins each contact to its case, overdue first, and exits 3 (r2 open for 72 h > 48 h)', () => {
    const run = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log);
    expect(run.status).toBe(3);
    const table = run.stdout.split('\n').filter((line) => /^r\d/.test(line));
    expect(table.map((line) => line.split(/ {2,}/).filter((cell) => cell !== '').slice(-2))).toEqual([
      ['overdue', '72.0'],
      ['no case', '–'],
      ['open', '24.0'],
      ['contacted', '3.0'],
    ]);
    expect(table.map((line) => line.slice(0, 2))).toEqual(['r2', 'r5', 'r3', 'r1']);
    expect(run.stdout).toMatch(/^case log as of 2026-03-05T09:00:00\.000Z: 1 overdue \(open past the 48 h SLA\), 1 without a case; 1 of its 4 cases is not on this list$/m);
    // Decided: r1 within, r2 (open past) and r9 (late) missed → 1 of 3; Wilson 95 %:
    // (p + z²/2n ± z√(p(1−p)/n + z²/4n²))/(1 + z²/n) with p = 1/3, n = 3, z = 1.96 → 0.0615 and 0.7923.
    expect(run.stdout).toMatch(/^all 4 cases of the log: 1 of 3 contacted within 48 h \(33\.3 %, 95 % CI 6\.1–79\.2 %\); 1 open inside the SLA, not counted$/m);
    // Kaplan–Meier: contacted at 3 h (S = 3/4) and 96 h (r9, the last at risk: S = 0); r2, r3 censored at 72 h and 24 h.
    expect(run.stdout).toMatch(/^median time to contact: 96\.0 h/m);
  });

  it('in business hours (Helsinki, 08–16, Finnish holidays): 2 d = 16 h; r2 has been open 24 business hours', () => {
    // r2: Mon 2.3. 11:00 local → Thu 5.3. 11:00: 5 + 8 + 8 + 3 = 24 h; r3: Wed 11:00 → Thu 11:00: 5 + 3 = 8 h; r1: 3 h.
    const run = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log, '--sla', '2d', '--business-hours', '08:00-16:00', '--holidays', 'fi', '--time-zone', 'Europe/Helsinki', '--format', 'csv');
    expect(run.status).toBe(3);
    const rows = run.stdout.trim().split('\n').map((line) => line.split(','));
    expect(rows[0]!.slice(-2)).toEqual(['case', 'case_hours']);
    expect(rows.slice(1).map((row) => [row[0], ...row.slice(-2)])).toEqual([
      ['r2', 'overdue', '24'],
      ['r5', 'no case', ''],
      ['r3', 'open', '8'],
      ['r1', 'contacted', '3'],
    ]);
  });

  it('nothing overdue exits 0; --as-of judges open cases at that time', () => {
    // At 2026-03-03 09:00Z r2 has been open 24 h and r9 (contacted later) 48 h: neither past 48 h.
    const run = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log, '--as-of', '2026-03-03T09:00Z', '--format', 'json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { contacts: { id: string; case: { state: string; hours: number | null } }[]; loop: { withinSla: { within: number; missed: number; pending: number } } };
    expect(json.contacts.map((contact) => [contact.id, contact.case.state])).toEqual([['r5', 'no case'], ['r2', 'open'], ['r3', 'open'], ['r1', 'contacted']]);
    expect(json.loop.withinSla).toMatchObject({ within: 1, missed: 0, pending: 3 });
  });

  it('refuses a log it cannot time, naming the file and line; log flags without --log are a usage error', () => {
    const twice = file('twice.csv', 'respondent,opened,contacted\nr1,2026-03-02T09:00Z,\nr1,2026-03-03T09:00Z,\n');
    const duplicate = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', twice);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/twice\.csv.*line 3.*also the id of row/);
    const backwards = file('backwards.csv', 'respondent,opened,contacted\nr1,2026-03-02T09:00Z,2026-03-01T09:00Z\n');
    expect(cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', backwards).stderr).toMatch(/backwards\.csv.*line 2.*contacted before it was opened/);
    expect(cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log, '--opened', 'start').stderr).toMatch(/start/);
    const stray = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--sla', '24h');
    expect([stray.status, stray.stderr]).toEqual([2, expect.stringMatching(/--sla is for the case log: give --log FILE/)]);
    expect(cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log, '--business-hours', '8-16').status).toBe(2);
    expect(cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--log', log, '--holidays', 'fi').status).toBe(2);
  });
});
