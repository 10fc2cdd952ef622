/**
 * `cx-metrics report` writes one HTML file that opens offline in a real browser (Debian's
 * Chromium, driven by playwright-core): no console errors, no request beyond the file, the
 * charts drawn with their marks, and the tables showing the numbers counted independently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
    expect(marks).toHaveLength(4);
    // The summary: 8 bars, 8 error bars, 8 labels and more; a funnel per column: 5 lines and 3 points;
    // the drivers: 2 points, 2 labels, 2 quadrant lines.
    expect(marks[0]).toBeGreaterThan(24);
    expect(marks[1]).toBeGreaterThanOrEqual(8);
    expect(marks[2]).toBeGreaterThanOrEqual(8);
    expect(marks[3]).toBeGreaterThanOrEqual(6);
    // The three classes differ far beyond chance (FunnelPlotR: φ = 330.6, τ² = 0.01686 for Seat comfort,
    // test/reference/funnel.R): the widened limits hold every class.
    expect(await page.textContent('#funnel')).toContain('CSAT Seat comfort: Limits widened for the real differences between groups (τ² = 0.0169).');
    expect(await tableRows(page, 'funnel')).toEqual([' | CSAT Seat comfort |  |  |  | every group within its 95 % limits', ' | CSAT Cleanliness |  |  |  | every group within its 95 % limits']);
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
    // python3 over the file: rows with Seat comfort or Cleanliness in 1–2 (0 is not applicable): 8,702 of 25,976 = 33.5 %.
    expect(await page.textContent('#follow-ups')).toContain('8,702 of 25,976 respondents (33.5%) await a follow-up.');
    // Key findings first: Business 8584/12495 = 68.7 % against the rest (Eco + Eco Plus) 6095/13481 = 45.2 %.
    expect(await page.$$eval('section', (sections) => sections.map((section) => section.id))).toEqual(['findings', 'summary', 'funnel', 'drivers', 'follow-ups', 'methodology']);
    const findings = await page.$$eval('#findings li', (items) => items.map((item) => item.textContent));
    expect(findings[0]).toBe("Business is above the rest of the respondents on CSAT (Seat comfort): 68.7% against 45.2% (p adj. < 0.001; 3 tests, Holm's method).");
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
    // Each store against the other two (python3 over the file): Itis NPS −42.5 against +7.5, z −3.326,
    // p 0.00088; Kamppi +15.0 against −21.25, p 0.0287; Sello p 0.390. Holm: 0.0026, 0.0574, 0.390 —
    // Kamppi differs only before adjustment, and is not said.
    const findings = await page.$$eval('#findings li', (items) => items.map((item) => item.textContent));
    expect(findings).toEqual([
      'Ryhmässä Itis NPS (How likely are you to recommend us to a friend?) on muita vastaajia matalampi: −43, muilla 8 (p korj. 0,003; 3 testiä, Holmin korjaus).',
      'Jaksosta toiseen NPS (How likely are you to recommend us to a friend?) ei muuttunut merkitsevästi 95\u00a0%:n luottamustasolla (3 testiä, Holmin korjaus).',
    ]);
  }, 60_000);

  it.skipIf(airlineCsv === undefined)('the airline survey in Finnish: the follow-ups sentence, the banner table, small groups hidden', async () => {
    const out = join(dir, 'lentoraportti.html');
    const run = cli('report', airlineCsv!, '--lang', 'fi', '--csat', 'Seat comfort', '--csat', 'Cleanliness', '--na', '0', '--by', 'Class', '--banner', 'Type of Travel', '--id', 'id', '--out', out);
    expect(run.status).toBe(0);
    const { page, errors, requests } = await openReport(browser, out, join(dir, 'lentoraportti.png'), 420);
    expect([errors, requests]).toEqual([[], []]);
    // The same 8 702 of 25 976 (33,5 %) as in English, written as Finnish survey tools write it.
    expect(await page.textContent('#follow-ups')).toContain('Yhteydenottoa odottaa 8\u00a0702 vastaajaa (33,5\u00a0%).');
    expect(await page.textContent('header')).toContain('Ei vastausta / ei koske');
    // Type of Travel (Rscript test/reference/banner.R): business 10 984/18 038 = 60,9 %, personal 3 695/7 938 = 46,5 %.
    const banner = await tableRows(page, 'banner');
    expect(banner[0]).toBe('Tyytyväisten osuus Seat comfort | 56,5\u00a0% | 60,9\u00a0% C | 46,5\u00a0%');
    expect(await page.textContent('#methodology')).toContain('Tyytyväisten osuus = niiden osuus asteikolla 1–5 vastanneista, jotka valitsivat 4–5.');
    expect(await page.textContent('#methodology')).toContain('jos vastaajia on alle 5');
  }, 60_000);

  it('a mystery-shopping programme: its section with the league chart, and long question texts that do not overlap', async () => {
    const out = join(dir, 'mystery.html');
    const run = cli('report', 'examples/data/mystery-visits.csv', '--template', 'service-encounter', '--situation', 'situation', '--by', 'location', '--wave', 'wave', '--lang', 'en', '--quiet', '--out', out);
    expect(run.status).toBe(0);
    const { page, errors } = await openReport(browser, out, join(dir, 'mystery.png'));
    expect(errors).toEqual([]);
    expect(await chartMarks(page)).toEqual([expect.any(Number)]);
    // python3 test/reference/mystery-league.py: Harbour Street 289.5 / 351 = 82.5 %, 22 visits.
    expect((await tableRows(page, 'scorecard'))[0]).toMatch(/^1 \| Harbour Street \| 22 \| 82\.5% \| /);
    // Questions as long as Qualtrics writes them, three NPS questions (a panel each, headed by the question):
    // drawn as Q1–Q3 with the key, no text over another (written out in full, the headers overlap).
    const long = ['How likely are you to recommend the service desk to a friend after your visit today?', 'How likely are you to recommend the time it took to resolve the issue you contacted us about?', 'How likely are you to recommend us after the information you were given about next steps?'];
    const lines = [['team', ...long].map((text) => `"${text}"`).join(',')];
    for (let i = 0; i < 60; i++) lines.push([['north', 'south'][i % 2], i % 11, (i * 2) % 11, (i * 3) % 11].join(','));
    const questions = join(dir, 'questions.csv');
    await import('node:fs').then((fs) => fs.writeFileSync(questions, lines.join('\n')));
    const longOut = join(dir, 'questions.html');
    expect(cli('report', questions, '--by', 'team', ...long.flatMap((text) => ['--nps', text]), '--lang', 'en', '--quiet', '--out', longOut).status).toBe(0);
    const opened = await openReport(browser, longOut, join(dir, 'questions.png'));
    const overlaps = await opened.page.$eval('#summary figure svg', (svg) => {
      const boxes = [...svg.querySelectorAll('text')].filter((text) => (text.textContent ?? '').trim() !== '').map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }));
      const pairs: string[] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        const apart = a.box.right <= b.box.left + 0.5 || b.box.right <= a.box.left + 0.5 || a.box.bottom <= b.box.top + 0.5 || b.box.bottom <= a.box.top + 0.5;
        if (!apart) pairs.push(`${a.text} / ${b.text}`);
      }));
      return pairs;
    });
    expect(overlaps).toEqual([]);
    // The key below the title, wrapped at 90 characters: "Q2 How … contacted us" is 89 (with " about?" 96).
    const key = await opened.page.$$eval('#summary figure svg tspan', (lines) => lines.map((line) => line.textContent));
    expect(key).toContain('Q2 How likely are you to recommend the time it took to resolve the issue you contacted us');
    expect(key).toContain('about?');
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

describe('cx-metrics report: groups compared on a funnel plot', () => {
  // Ten stores of 100 answers: nine with 70 satisfied, J with 90 → target 720/1000 = 72 %. On the arcsine scale
  // z = (asin√p − asin√0.72)·2√100: −0.441 for the nine, 4.717 for J. Winsorised at 10 % (type-7 quantiles) J's z
  // becomes −0.441 + 0.1·(4.717 + 0.441) = 0.075, φ = (9·0.441² + 0.075²)/10 = 0.175; 10·φ < 9, so τ² = 0
  // and the limits stay as they are: at n = 100, sin²(asin√0.72 ± 3.0902/20) = 57.30 % and 84.61 %.
  const rows = ['store,q', ...'ABCDEFGHIJ'.split('').flatMap((store) => Array.from({ length: 100 }, (_, i) => `${store},${i < (store === 'J' ? 90 : 70) ? 5 : 2}`))];
  const csv = join(dir, 'stores.csv');

  it('names the store beyond its 99.8 % limits, says the limits were not widened, and explains the plot', () => {
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const out = join(dir, 'stores.html');
    expect(cli('report', csv, '--by', 'store', '--csat', 'q', '--out', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const section = html.slice(html.indexOf('id="funnel"'), html.indexOf('id="methodology"'));
    expect(section).toContain('Groups compared: funnel plot');
    expect(section).toContain('The groups differ no more than chance allows: limits not widened.');
    expect(section).toMatch(/<td>J<\/td><td>CSAT q<\/td><td[^>]*>100<\/td><td[^>]*>90\.0%<\/td><td>57\.3% – 84\.6%<\/td><td>above the 99\.8 % limits<\/td>/);
    expect(section.match(/<tr>/g)?.length).toBe(2); // the head and J
    expect(section).toMatch(/<svg/);
    expect(html).toContain('The funnel plot sets each group');
    const fi = join(dir, 'kaupat.html');
    expect(cli('report', csv, '--by', 'store', '--csat', 'q', '--lang', 'fi', '--out', fi).status).toBe(0);
    const finnish = readFileSync(fi, 'utf8');
    expect(finnish).toContain('Ryhmien vertailu: suppilokuvio');
    expect(finnish).toMatch(/<td>J<\/td>.*<td>57,3\s%\s–\s84,6\s%<\/td><td>yli 99,8 %:n rajan<\/td>/s);
  });

  it('a group the summary hides (--min-n) is not on the funnel either', () => {
    // Store K: 4 answers, all satisfied — beyond its 95 % limits if shown, but fewer than 5 answers.
    const small = join(dir, 'stores-k.csv');
    writeFileSync(small, `${[...rows, 'K,5', 'K,5', 'K,5', 'K,5'].join('\n')}\n`);
    const out = join(dir, 'stores-k.html');
    expect(cli('report', small, '--by', 'store', '--csat', 'q', '--min-n', '5', '--out', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const section = html.slice(html.indexOf('id="funnel"'), html.indexOf('id="methodology"'));
    expect(section).toMatch(/<td>J<\/td>/);
    expect(section).not.toMatch(/<td>K<\/td>|>K</);
  });
});

describe('cx-metrics report: usage', () => {
  it('needs --out, and both halves of an optional part', () => {
    expect(cli('report', 'examples/data/journey-answers.csv', '--nps', 'recommend').stderr).toMatch(/^cx-metrics: report needs --out FILE\.html\n/);
    expect(cli('report', 'examples/data/journey-answers.csv', '--nps', 'recommend', '--at', 'x', '--out', join(root, 'x.html')).stderr).toMatch(/^cx-metrics: a trend needs both --at and --period\n/);
  });
});
