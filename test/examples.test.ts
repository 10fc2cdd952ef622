import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { airlineCsv } from './shared-data.js';

const root = new URL('..', import.meta.url).pathname;

function run(script: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('examples/nps-report.ts (npm start)', () => {
  it('prints the NPS of the bundled data, overall, per channel and weighted', () => {
    const output = run('examples/nps-report.ts', 'examples/data/nps-answers.csv');
    // Independent computation with the Python standard library:
    //   python3 -c "import csv; rows=list(csv.DictReader(open('examples/data/nps-answers.csv'))); ..."
    //   all: 224 answers, 107 promoters, 62 detractors → 20.089; web 81/45/18 → 33.333;
    //   phone 63/18/32 → −22.222; store 80/44/12 → 40; weighted by the weight column → 19.054.
    expect(output).toContain('240 rows, 16 without an answer');
    expect(output).toMatch(/^all +n= 224 +NPS +20\.1 /m);
    expect(output).toMatch(/^web +n= +81 +NPS +33\.3 /m);
    expect(output).toMatch(/^phone +n= +63 +NPS +-22\.2 /m);
    expect(output).toMatch(/^store +n= +80 +NPS +40 /m);
    expect(output).toMatch(/^weighted +n= 224 +NPS +19\.1 /m);
    expect(output).toMatch(/^web − phone: 55\.6 points/m);
  });

  it('fails with a message for an unknown column', () => {
    try {
      run('examples/nps-report.ts', 'examples/data/nps-answers.csv', 'nope');
      expect.unreachable();
    } catch (error) {
      const { status, stderr } = error as { status: number; stderr: string };
      expect(status).toBe(1);
      expect(stderr.trim()).toBe('examples/data/nps-answers.csv has no column "nope" (it has respondent, channel, recommend, weight)');
    }
  });
});

describe.skipIf(airlineCsv === undefined)('examples/airline-service-items.ts', () => {
  it('prints CSAT, interval and mean per service item and the satisfaction index', () => {
    const output = run('examples/airline-service-items.ts', airlineCsv!);
    // Counts from python3 csv (see test/airline-survey.test.ts); wifi 7868 of 25163 = 31.27 %,
    // R prop.test interval 30.70–31.84; seat comfort 14679 of 25976 = 56.51 %, R 55.91–57.11;
    // index 56.97 with R interval 56.77–57.17.
    expect(output).toContain('(25976 passengers; 0 = not applicable)');
    expect(output).toMatch(/^Inflight wifi service +25163 +813 +31\.3 +\[30\.7, 31\.8\] +2\.81$/m);
    expect(output).toMatch(/^Seat comfort +25976 +0 +56\.5 +\[55\.9, 57\.1\] +3\.45$/m);
    expect(output).toMatch(/^Food and drink +25951 +25 +45\.7 +\[45\.0, 46\.3\] +3\.22$/m);
    expect(output).toContain('Satisfaction index (all 14 items, equal weights, 0–100): 56.97  95% CI [56.77, 57.17]');
  });
});

describe('examples/scorecard-league.ts', () => {
  it('prints the league of the three locations over two months and each one\'s change', () => {
    const output = run('examples/scorecard-league.ts', 'examples/data/mystery-visits.csv');
    // python3 test/reference/mystery-league.py (an independent scoring of the same visits):
    //   Harbour Street 22 visits 289.5 / 351 = 82.4786 %, pass 59.09 %, 1 critical failure
    //   Station Road   25 visits 288.25 / 395 = 72.9747 %, pass 36.0 %, 3
    //   Market Square  25 visits 256.75 / 401 = 64.0274 %, pass 12.0 %, 6
    //   Station Road 2026-10 121.75 / 181 = 67.2652 → 2026-11 166.5 / 214 = 77.8037: +10.5385,
    //   t 1.946468 on 22.875 df; R: 2 * pt(-1.946468, 22.875219) = 0.063982, Holm over the
    //   three locations (p 0.4558, 0.5289, 0.0640) 0.191947.
    expect(output).toContain('Mystery-shopping league, 72 visits in 2026-10 and 2026-11');
    expect(output).toMatch(/^ +1 +Harbour Street +22 +289\.50 \/ 351 +82\.5 +59\.1 +1$/m);
    expect(output).toMatch(/^ +2 +Station Road +25 +288\.25 \/ 395 +73\.0 +36\.0 +3$/m);
    expect(output).toMatch(/^ +3 +Market Square +25 +256\.75 \/ 401 +64\.0 +12\.0 +6$/m);
    expect(output).toMatch(/^ +Station Road +67\.3 → 77\.8 +\+10\.5 points, p = 0\.064, adjusted 0\.192$/m);
  });
});

describe('examples/warehouse-pglite.ts', () => {
  it('a whole summary and a weekly trend computed by PostgreSQL (PGlite)', () => {
    const output = run('examples/warehouse-pglite.ts', 'examples/data/google-forms-export.csv');
    // python3 csv over the file: Kamppi 40 answers, 19 promoters, 13 detractors → NPS 15; 24 of
    // 40 answered 4–5 → CSAT 60 %. Weeks in Helsinki (GMT+2 throughout): W46 −38.71 (31),
    // W47 +3.23 (31), W48 15.38 (26); change p-values 0.1956, 0.0457, 0.5818 → Holm 0.3911,
    // 0.1371, 0.5818 (test/report.test.ts has the computation).
    expect(output).toContain('120 answers in PostgreSQL (PGlite)');
    expect(output).toMatch(/^Kamppi +40 +15\.0 +\[.+\] +60\.0$/m);
    expect(output).toMatch(/^2026-W46 +31 +-38\.7 +-26\.2 +0\.391$/m);
    expect(output).toMatch(/^2026-W47 +31 +3\.2 +\+41\.9 +0\.137$/m);
    expect(output).toMatch(/^2026-W48 +26 +15\.4 +\+12\.2 +0\.582$/m);
  });
});

describe('examples/journey-report.ts', () => {
  it('prints stages and touchpoints, the index, the weakest points and what is below the rest', () => {
    const output = run('examples/journey-report.ts', 'examples/data/journey-answers.csv');
    // python3 test/reference/journey-report.py (independent NPS arithmetic on the same file):
    //   awareness 42.1875, consideration 36.0656, purchase 59.6154, use 26.7857, aftercare −50.0;
    //   index (weights 1 1 2 1 2) 17.7528, SE 4.5919 → 95 % CI 8.75 … 26.75;
    //   chat vs the rest of the journey: −40.4 points, z = −2.139, p = 0.0324, but Holm-adjusted
    //   among the 11 touchpoints 0.2595; aftercare (stages) and helpline (touchpoints) stay < 1e-6.
    expect(output).toMatch(/^awareness +69 +42\.2 /m);
    expect(output).toMatch(/^consideration +67 +36\.1 /m);
    expect(output).toMatch(/^purchase +54 +59\.6 /m);
    expect(output).toMatch(/^use +57 +26\.8 /m);
    expect(output).toMatch(/^aftercare +59 +-50\.0 /m);
    expect(output).toContain('Journey NPS index (purchase and aftercare count double): 17.8  95% CI [8.8, 26.8]');
    expect(output).toContain('Weakest stage: aftercare; weakest touchpoint: aftercare / helpline');
    expect(output).toContain('Significantly below the rest of the journey (95 %, Holm-adjusted): aftercare, aftercare / helpline\n');
    expect(output).toContain('Not in the journey: 7 rows (billing: 7)');
  });
});

describe('examples/worker-tallies.ts', () => {
  it('tallies merged from worker threads equal the single pass', () => {
    const output = run('examples/worker-tallies.ts', '440000', '3');
    // By hand: index i ≡ 99 990 (mod 99 991) is an invalid 11: i = 99 990, 199 981, 299 972, 399 963 → 4;
    // i ≡ 999 (mod 1000) is "not applicable": 440 of them (none of them also invalid); n = 440 000 − 440 − 4.
    expect(output).toContain('440000 answers in 3 workers: n = 439556, missing = 440, invalid = 4');
    expect(output).toContain('first rejected indices: 99990, 199981, 299972');
    expect(output).toContain('merged tallies equal the single pass');
  });
});

describe('examples/app-developer.ts', () => {
  it('serves the NPS of the week with its change, and refuses a bad batch naming its own indices', () => {
    const output = run('examples/app-developer.ts');
    // This week 6 promoters and 2 detractors of 10 → 40; last week 3 and 4 of 10 → −10; change 50 points,
    // SE √((0.8 − 0.16)/10 + (0.7 − 0.01)/10) = 0.365 → z = 1.37, not significant.
    expect(output).toContain('"path":[1],"message":"11 is outside the scale 0–10"');
    expect(output).toContain('GET /nps → 200 {"week":"this","score":40,');
    expect(output).toContain('"changeVsLastWeek":{"points":50,"significant":false}');
  });
});

describe('examples/warehouse-duckdb.ts', () => {
  it('NPS per stage from DuckDB tallies, equal to the in-memory figures', () => {
    const output = run('examples/warehouse-duckdb.ts', 'examples/data/journey-answers.csv');
    // The stage figures of test/reference/journey-report.py: awareness 42.1875, aftercare −50.0.
    expect(output).toMatch(/^awareness +64 +42\.2 +\(42\.2\)$/m);
    expect(output).toMatch(/^aftercare +56 +-50\.0 +\(-50\.0\)$/m);
    expect(output).toContain('  SELECT "stage" AS group_1, 0 AS metric, "recommend" AS score, typeof("recommend") AS score_type FROM "answers"');
  });
});

describe('examples/chart-embed.ts', () => {
  it('writes a page that embeds the chart spec with vega-embed', () => {
    const out = join(tmpdir(), `cx-metrics-chart-${process.pid}.html`);
    const output = run('examples/chart-embed.ts', 'examples/data/nps-answers.csv', out);
    expect(output).toContain(`wrote ${out}: a layered Vega-Lite v6 chart of 240 answers`);
    const page = readFileSync(out, 'utf8');
    const spec = JSON.parse(/vegaEmbed\('#chart', (.*)\);<\/script>/.exec(page)![1]!) as { $schema: string; layer: { data: { values: { group: string; label: string }[] } }[] };
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    // python3 csv (see the nps-report test above): web 33.3, phone −22.2, store 40, all 20.1.
    expect(spec.layer[1]!.data.values.map((row) => `${row.group} ${row.label}`)).toEqual(['web NPS 33', 'phone NPS -22', 'store NPS 40', 'Total NPS 20']);
    rmSync(out);
  });
});

describe('examples/comment-themes.ts', () => {
  it('themes with their impact, the words of detractors, and κ against a hand coding', () => {
    const output = run('examples/comment-themes.ts');
    // Nine comments; "Ihan ok." fits no theme. Queues: comments 1 and 6 of 9 (22.2 %), NPS 2 and 0:
    // −100; the rest 10, 1, 5, 9, 9, 8, 4: (3 − 3)/7 = 0; all nine: (3 − 5)/9 = −22.2: impact −22.2.
    expect(output).toContain('9 of 10 answers have a comment; 1 fit no theme');
    expect(output).toMatch(/^Jonot ja odottaminen +2 +22\.2 % +impact +-22\.2 /m);
    // κ for waiting: hand {1, 3, 6}, codebook {1, 6} of 9: pₒ 8/9, pₑ (3·2 + 6·7)/81 = 48/81: κ 0.727.
    expect(output).toMatch(/^κ odotus +0\.73$/m);
    // κ for price: hand {4}, codebook {4, 7}: pₒ 8/9, pₑ (1·2 + 8·7)/81 = 58/81: κ 0.609.
    expect(output).toMatch(/^κ hinta +0\.61$/m);
  });
});

describe('every example is run by this file', () => {
  it('lists each script in examples/', () => {
    const scripts = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts'));
    const self = readFileSync(new URL(import.meta.url), 'utf8');
    for (const script of scripts) expect(self, `examples/${script} has no test`).toContain(`'examples/${script}'`);
  });
});
