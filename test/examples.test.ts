import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

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
