/** trend, drivers, journey and followups from the command line, each checked against numbers worked out by hand or recorded from R. */
import { describe, expect, it, vi } from 'vitest';
import { progressLine } from '../packages/cli/src/shared/progress.js';
import { cli, csvLines, scratch } from './cli-helpers.js';
import { airlineCsv } from './shared-data.js';
import { statistics } from './statistics-reference.js';

const { file } = scratch('commands');

describe('cx-metrics trend', () => {
  // Instants: 2026-03-01T23:30Z is 1 March in UTC and 2 March in Helsinki (UTC+2).
  const answers = file(
    'dated.ndjson',
    [
      { at: '2026-02-27T10:00:00Z', q: 10 },
      { at: '2026-03-01T23:30:00Z', q: 2 },
      { at: '2026-03-02T08:00:00Z', q: 9 },
      { at: null, q: 9 },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n'),
  );

  it('weeks in a time zone: every week, its change and test; undated rows said', () => {
    // UTC: week 9 (23 Feb – 1 Mar) holds 10 and 2 → 0; week 10 holds 9 → 100.
    const utc = csvLines(cli('trend', answers, '--at', 'at', '--period', 'week', '--nps', 'q', '--format', 'csv').stdout);
    expect(utc.slice(1).map((line) => [line[0], line[5], line[8]])).toEqual([
      ['2026-W09', '2', '0'],
      ['2026-W10', '1', '100'],
    ]);
    // Helsinki: the 23:30Z answer is on Monday 2 March: week 9 holds 10 → 100; week 10 holds 2 and 9 → 0.
    const helsinki = cli('trend', answers, '--at', 'at', '--period', 'week', '--time-zone', 'Europe/Helsinki', '--nps', 'q');
    expect(helsinki.stdout).toMatch(/^2026-W09 +NPS +q +1 +1 +100\.0 /m);
    expect(helsinki.stdout).toMatch(/^2026-W10 +NPS +q +2 +2 +0\.0 +\[.+\] +-100\.0 /m);
    expect(helsinki.stdout).toMatch(/^1 rows without a date are in no period$/m);
  });

  it('bad periods and time zones are usage or input errors', () => {
    expect(cli('trend', answers, '--at', 'at', '--period', 'fortnight', '--nps', 'q').status).toBe(2);
    const zone = cli('trend', answers, '--at', 'at', '--period', 'day', '--time-zone', 'Mars/Olympus', '--nps', 'q');
    expect([zone.status, zone.stderr]).toEqual([1, 'cx-metrics: timeZone: "Mars/Olympus" is not a time zone this runtime knows (IANA names such as "Europe/Berlin")\n']);
  });
});

describe.skipIf(airlineCsv === undefined)('cx-metrics drivers on the airline survey', () => {
  it('correlations with satisfaction equal R cor.test', () => {
    // R 4.2.2 (test/airline-survey.test.ts): y <- as.numeric(satisfaction == 'satisfied'), ok <- x != 0:
    //   Inflight wifi service n 25163 r 0.389270358899863; Seat comfort n 25976 r 0.346275361094143
    const { stdout, status } = cli('drivers', airlineCsv!, '--outcome', 'satisfaction', '--map', 'satisfied=1,neutral or dissatisfied=0', '--driver', 'Inflight wifi service', '--driver', 'Seat comfort', '--scale', '1-5', '--na', '0', '--format', 'json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { drivers: { driver: string; n: number; correlation: number; rank: number }[] };
    expect(result.drivers.map((driver) => [driver.driver, driver.n, driver.rank])).toEqual([
      ['Inflight wifi service', 25163, 1],
      ['Seat comfort', 25976, 2],
    ]);
    expect(result.drivers[0]!.correlation).toBeCloseTo(0.389270358899863, 12);
    expect(result.drivers[1]!.correlation).toBeCloseTo(0.346275361094143, 12);
  });

  it('--method shapley splits R² among five items as R does (test/reference/statistics.R)', () => {
    const reference = statistics.relativeImportanceAirline;
    const items = ['Inflight wifi service', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'Cleanliness'];
    const base = ['drivers', airlineCsv!, '--outcome', 'satisfaction', '--map', 'satisfied=1,neutral or dissatisfied=0', ...items.flatMap((item) => ['--driver', item]), '--scale', '1-5', '--na', '0', '--method', 'shapley'];
    const result = JSON.parse(cli(...base, '--format', 'json').stdout) as { n: number; rSquared: number; drivers: { importance: number }[] };
    expect(result.n).toBe(reference.n);
    expect(result.rSquared).toBeCloseTo(reference.rSquared, 12);
    result.drivers.forEach((driver, d) => expect(driver.importance).toBeCloseTo(reference.shapley[d]!, 12));
    const table = cli(...base).stdout;
    // Online boarding: 0.19667 of R² 0.40975 = 48.0 %.
    expect(table).toMatch(/^Online boarding +25324 +0\.565 +.+ +0\.1967 +48\.0 +/m);
    expect(table).toContain(`importance: each driver's part of R² = 0.4097 (satisfaction regressed on all drivers over the ${reference.n} rows where all are answered), by the Shapley (LMG) decomposition`);
  });
});

describe('cx-metrics journey', () => {
  const journey = file('journey.json', JSON.stringify({ stages: [{ id: 'buy', touchpoints: [{ id: 'web' }, { id: 'store' }] }, { id: 'use', weight: 3 }] }));
  const answers = file('journey.csv', 'stage,tp,q\nbuy,web,10\nbuy,store,9\nuse,,3\nuse,,10\nreturns,,5\nbuy,phone,8\n');

  it('stages with touchpoints, the index, the weakest stage, rows outside the journey', () => {
    const { stdout, status } = cli('journey', answers, '--journey', journey, '--stage', 'stage', '--touchpoint', 'tp', '--nps', 'q');
    expect(status).toBe(0);
    // buy: 10, 9, 8 → 2 promoters of 3 = 66.7; use: 3, 10 → 0; index (1 × 66.67 + 3 × 0) / 4 = 16.7.
    expect(stdout).toMatch(/^buy +1 +3 +3 +66\.7 /m);
    expect(stdout).toMatch(/^ {2}web +1 +1 +1 +100\.0 /m);
    expect(stdout).toMatch(/^use +3 +2 +2 +0\.0 /m);
    expect(stdout).toMatch(/^NPS \(q\): journey index 16\.7 \[.+\] over 2 stages$/m);
    // web and store both scored 100: the first of equals is named.
    expect(stdout).toMatch(/^weakest stage: use; weakest touchpoint: buy \/ web$/m);
    expect(stdout).toMatch(/^rows outside the journey: 1 \(stages "returns" ×1\)$/m);
    expect(stdout).toMatch(/^touchpoints not in their stage: buy \/ "phone" ×1$/m);
  });

  it('adjusted p-values beside the raw ones; --adjust none flags each test alone', () => {
    // python3 test/reference/journey-report.py: chat −40.4 vs the rest, p 0.032438, Holm over the
    // 11 touchpoints 0.259505; awareness p 0.028878, Holm over the 5 stages 0.086634.
    const journeyArgs = ['examples/data/journey-answers.csv', '--journey', 'examples/data/journey.json', '--stage', 'stage', '--touchpoint', 'touchpoint', '--nps', 'recommend'];
    const holm = cli('journey', ...journeyArgs);
    expect(holm.stdout).toMatch(/^awareness +1 +69 +64 +42\.2 +\[.+\] +\+24\.4 +0\.0289 +0\.0866$/m);
    expect(holm.stdout).toMatch(/^ {2}chat +1 +22 +21 +-14\.3 +\[.+\] +-40\.4 +0\.0324 +0\.2595$/m);
    expect(holm.stdout).toMatch(/^p adj\.: adjusted by Holm's method; families of tests: the stages; the touchpoints$/m);
    const none = cli('journey', ...journeyArgs, '--adjust', 'none');
    expect(none.stdout).toMatch(/^ {2}chat +1 +22 +21 +-14\.3 +\[.+\] +-40\.4 +0\.0324 +0\.0324 +below the rest$/m);
    const csv = csvLines(cli('journey', ...journeyArgs, '--format', 'csv').stdout);
    expect(csv[0]).toContain('p_adjusted');
    const chat = csv.find((line) => line[1] === 'chat')!;
    expect(Number(chat[csv[0]!.indexOf('p_adjusted')])).toBeCloseTo(0.259505, 6);
    expect(cli('journey', ...journeyArgs, '--adjust', 'fdr').stderr).toMatch(/--adjust takes holm, hochberg, bonferroni, benjamini-hochberg, benjamini-yekutieli, none, got "fdr"/);
  });

  it('a mistake in the journey file is named as one', () => {
    const bad = file('bad-journey.json', JSON.stringify({ stages: [{ id: 'buy' }, { id: 'buy' }] }));
    expect(cli('journey', answers, '--journey', bad, '--stage', 'stage', '--nps', 'q').stderr).toBe(`cx-metrics: ${bad}: stages.1.id: the stage id "buy" is used twice\n`);
  });
});

describe('cx-metrics followups', () => {
  const answers = file('contacts.csv', 'respondent,rec,sat\nA-1,10,5\nA-2,4,2\nA-3,8,1\nA-4,9,\n');

  it('detractors and dissatisfied answers, the id first in CSV for a CRM', () => {
    const { stdout } = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--csat', 'sat', '--format', 'csv');
    expect(stdout.trim().split('\n')).toEqual([
      'id,reasons,rec,sat,source_row',
      'A-2,NPS 4: detractor (0–6); CSAT 2: dissatisfied (1–2),4,2,line 3',
      'A-3,CSAT 1: dissatisfied (1–2),8,1,line 4',
    ]);
    expect(cli('followups', answers, '--id', 'respondent', '--nps', 'rec').stdout).toMatch(/^1 of 4 respondents to contact$/m);
  });

  it('points of your own', () => {
    const { stdout } = cli('followups', answers, '--id', 'respondent', '--nps', 'rec', '--nps-points', '0,1,2,3,4,5,6,7,8', '--format', 'csv');
    expect(csvLines(stdout).slice(1).map((line) => line[0])).toEqual(['A-2', 'A-3']);
  });
});

describe('the progress line', () => {
  it('redraws in place on a terminal once reading takes a second; nothing when stderr is not one', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const written: string[] = [];
      const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
      const progress = progressLine('reading big.csv', terminal, true);
      progress.update(10e6, 100e6); // under a second: silent
      vi.setSystemTime(2000);
      progress.update(50e6, 100e6); // 50 MB in 2 s: 25 MB/s, 2 s left
      progress.done();
      expect(written).toEqual(['\rreading big.csv: 50 % 50.0 of 100.0 MB, 25.0 MB/s, 0:02 left\x1b[K', '\r\x1b[K']);
      const piped: string[] = [];
      const pipe = { isTTY: false, write: (text: string) => piped.push(text) } as unknown as NodeJS.WriteStream;
      const silent = progressLine('reading big.csv', pipe, true);
      vi.setSystemTime(9000);
      silent.update(1, 2);
      expect(piped).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
