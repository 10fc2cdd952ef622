/**
 * `cx-metrics report` writes one HTML file that opens offline in a real browser (Debian's
 * Chromium, driven by playwright-core): no console errors, no request beyond the file, the
 * charts drawn with their marks, and the tables showing the numbers counted independently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium, openReport } from './browser.js';
import { cli, root, scratch } from './cli-helpers.js';
import { airlineCsv } from './shared-data.js';

const { dir } = scratch('report');

/** The text of each row of the table in a section, cells joined by " | ". */
async function tableRows(page: Page, section: string): Promise<string[]> {
  return page.$$eval(`#${section} tbody tr`, (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()).join(' | ')));
}

/** Every chart is an inline SVG with marks in it. */
async function chartMarks(page: Page): Promise<number[]> {
  return page.$$eval('figure svg', (svgs) => svgs.map((svg) => svg.querySelectorAll('.role-mark path, .role-mark rect, .role-mark line, .role-mark text').length));
}

describe.skipIf(chromiumPath === undefined)('cx-metrics report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  it.skipIf(airlineCsv === undefined)('the airline survey in English: summary, key drivers and follow-ups', async () => {
    const out = join(dir, 'airline.html');
    const run = cli('report', airlineCsv!, '--by', 'Class', '--csat', 'Seat comfort', '--csat', 'Cleanliness', '--na', '0', '--outcome', 'satisfaction', '--map', 'satisfied=1,neutral or dissatisfied=0', '--driver', 'Online boarding', '--driver', 'Seat comfort', '--driver-scale', '1-5', '--id', 'id', '--lang', 'en', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { page, errors, requests } = await openReport(browser, out, join(dir, 'airline.png'));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const marks = await chartMarks(page);
    expect(marks).toHaveLength(2);
    // The summary: 8 bars, 8 error bars, 8 labels and more; the drivers: 2 points, 2 labels, 2 quadrant lines.
    expect(marks[0]).toBeGreaterThan(24);
    expect(marks[1]).toBeGreaterThanOrEqual(6);
    // python3 csv (test/airline-survey.test.ts), 4–5 among answers other than 0: Seat comfort
    // Eco 5251/11564 = 45.41 %, Business 8584/12495 = 68.70 %, Eco Plus 844/1917 = 44.03 %,
    // all 14679/25976 = 56.51 %; Cleanliness all 12517/25974 = 48.19 %.
    const summary = await tableRows(page, 'summary');
    expect(summary).toContain('Eco | CSAT | Seat comfort | 11,564 | 45.4% | 44.5% – 46.3%');
    expect(summary.some((row) => row.startsWith('Business | CSAT | Seat comfort | 12,495 | 68.7%'))).toBe(true);
    expect(summary.some((row) => row.startsWith('Eco Plus | CSAT | Seat comfort | 1,917 | 44.0%'))).toBe(true);
    expect(summary.some((row) => row.startsWith('Total | CSAT | Seat comfort | 25,976 | 56.5% | 55.9% – 57.1%'))).toBe(true);
    expect(summary.some((row) => row.startsWith('Total | CSAT | Cleanliness | 25,974 | 48.2%'))).toBe(true);
    // R cor.test (test/airline-survey.test.ts): Online boarding r 0.5649 on 25 324 pairs, Seat comfort 0.3463.
    expect(await tableRows(page, 'drivers')).toEqual([expect.stringMatching(/^Online boarding \| 25,324 \| 0\.565 \| < 0\.001 \| 58\.6 \| 1 \| /), expect.stringMatching(/^Seat comfort \| 25,976 \| 0\.346 \| < 0\.001 \| 61\.2 \| 2 \| /)]);
    expect(await page.textContent('#follow-ups')).toMatch(/of 25,976 respondents to contact now\./);
  }, 60_000);

  it('a Google Forms export in Finnish: decimal commas, the trend, the journey words', async () => {
    const out = join(dir, 'raportti.html');
    const run = cli('report', 'examples/data/google-forms-export.csv', '--lang', 'fi', '--nps', 'How likely are you to recommend us to a friend?', '--by', 'Which store did you visit?', '--at', 'Timestamp', '--period', 'week', '--time-zone', 'Europe/Helsinki', '--out', out);
    expect(run.status).toBe(0);
    const { page, errors, requests } = await openReport(browser, out, join(dir, 'raportti.png'), 420);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(await page.textContent('h1')).toBe('Asiakaskokemusraportti');
    const svg = await page.innerHTML('#summary figure');
    expect(svg).toContain('Suosittelijat');
    expect(svg).toContain('Arvostelijat');
    // python3 csv over the file: Kamppi 40 answers, 19 promoters (9–10), 13 detractors (0–6) → (19 − 13)/40 = NPS 15.
    expect(await tableRows(page, 'summary')).toContain('Kamppi | NPS | How likely are you to recommend us to a friend? | 40 | 15 | −12 – 40');
    // python3 over the file (every timestamp GMT+2, Helsinki's offset in November): ISO week 46
    // NPS −38.71 (31 answers), week 47 +3.23 (31); z = 41.94 / √(13.438² + 16.119²), p = 0.0457.
    // The three weekly changes have p 0.1956, 0.0457, 0.5818: Holm gives week 47 3 × 0.0457 =
    // 0.1371, so the change is not marked significant (it was before changes were adjusted).
    const trend = await tableRows(page, 'trend');
    expect(trend).toHaveLength(4);
    expect(trend[2]).toMatch(/^2026-W47 \| .* \| 31 \| 3 \| .* \| \+41,9 \| 0,046 \| 0,137$/);
    expect(await page.getAttribute('#trend tbody tr:nth-child(3)', 'class')).toBeNull();
    expect(await page.textContent('#methodology')).toContain('korjattu Holmin menetelmällä');
  }, 60_000);

  it('works without a browser too: a report file is complete HTML with no script and no link', () => {
    const out = join(dir, 'raportti.html');
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/<meta name="viewport"/);
  });
});

describe('cx-metrics report: the statistics it names', () => {
  it('relative weights of the drivers, the journey adjusted by Holm, the NPS interval asked for', () => {
    const out = join(dir, 'journey.html');
    const run = cli(
      'report', 'examples/data/journey-answers.csv', '--nps', 'recommend', '--nps-interval', 'iterative', '--outcome', 'recommend', '--driver', 'satisfaction', '--driver', 'effort', '--driver-method', 'relative-weights',
      '--journey', 'examples/data/journey.json', '--stage', 'stage', '--touchpoint', 'touchpoint', '--lang', 'en', '--out', out,
    );
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    // R 4.2.2 on the 279 rows with all three answered (eigen() as in test/reference/statistics.R):
    //   R² 0.1000514261; relative weights satisfaction 0.0682238770 (68.19 %), effort 0.0318275491 (31.81 %).
    expect(html).toContain('R² = 0.100 (n = 279)');
    expect(html).toMatch(/<td>satisfaction<\/td>.*<td[^>]*>0\.068<\/td><td[^>]*>68\.2%<\/td>/s);
    expect(html).toMatch(/by Johnson(&#39;|')s relative weights \(2000\)/);
    expect(html).toContain('Interval: the iterative score interval');
    expect(html).toMatch(/their p-values adjusted by Holm(&#39;|')s method/);
    // chat: p 0.032 alone, 0.260 among the 11 touchpoints (python3 test/reference/journey-report.py).
    expect(html).toMatch(/chat<\/td>.*<td[^>]*>0\.032<\/td><td[^>]*>0\.260<\/td>/);
    expect(html).toContain('<td>\u00a0\u00a0\u00a0chat</td>'); // indented under its stage
  });
});

describe('cx-metrics report: usage', () => {
  it('needs --out, and both halves of an optional part', () => {
    expect(cli('report', 'examples/data/journey-answers.csv', '--nps', 'recommend').stderr).toMatch(/^cx-metrics: report needs --out FILE\.html\n/);
    expect(cli('report', 'examples/data/journey-answers.csv', '--nps', 'recommend', '--at', 'x', '--out', join(root, 'x.html')).stderr).toMatch(/^cx-metrics: a trend needs both --at and --period\n/);
  });
});
