/**
 * Every chart of cx-metrics/charts compiled by Vega-Lite with no warning and rendered to SVG
 * by Vega, with its marks present and its numbers checked against the results by hand.
 */
import { describe, expect, it } from 'vitest';
import { driversChart, funnelChart, journeyChart, monitorChart, scorecardChart, summaryChart, themesChart, trendChart } from '../src/charts/index.js';
import { defineCodebook, themeReport } from '../src/text/index.js';
import { controlChart, defineJourney, funnelPlot, defineScorecard, journeyReport, keyDrivers, scorecardReport, summarize, trend } from '../src/index.js';
import { renderSvg } from './vega-render.js';

type Values = { values: Record<string, unknown>[] };
const dataOf = (spec: Record<string, unknown>) => (spec['data'] as Values).values;
/** How many marks of a kind the SVG draws (Vega writes one group per mark, `class="mark-rect role-mark"`). */
const markGroups = (svg: string, kind: string) => svg.split(`class="mark-${kind} role-mark`).length - 1;

describe('summaryChart', () => {
  // web: 10, 9, 6 → promoters 2/3 = 66.67 %, detractors 1/3 = 33.33 %, NPS 33; shop: 7, 8 → passives 100 %, NPS 0.
  // CSAT: web 5, 4, 2 → 66.67 %; shop 3, 5 → 50 %.
  const rows = [
    { g: 'web', q: 10, s: 5 },
    { g: 'web', q: 9, s: 4 },
    { g: 'web', q: 6, s: 2 },
    { g: 'shop', q: 7, s: 3 },
    { g: 'shop', q: 8, s: 5 },
  ];

  it('NPS as stacked shares with the score beside them, CSAT as bars with intervals; Finnish words and numbers', async () => {
    const spec = summaryChart(summarize(rows, { by: 'g', nps: 'q', csat: 's' }), { locale: 'fi' });
    const [npsPanel, csatPanel] = spec['vconcat'] as Record<string, unknown>[];
    const [bars, text] = (npsPanel!['layer'] as Record<string, unknown>[]).map(dataOf);
    expect(bars!.filter((row) => row['group'] === 'web').map((row) => [row['band'], (row['share'] as number).toFixed(2), row['shareText']])).toEqual([
      ['Arvostelijat', '33.33', '33,3\u00a0%'],
      ['Passiiviset', '0.00', '0,0\u00a0%'],
      ['Suosittelijat', '66.67', '66,7\u00a0%'],
    ]);
    expect(text!.map((row) => [row['group'], row['label']])).toEqual([
      ['web', 'NPS 33'],
      ['shop', 'NPS 0'],
      ['Kaikki', 'NPS 20'], // all five: 2 promoters − 1 detractor of 5
    ]);
    expect(dataOf(csatPanel!).map((row) => [row['group'], row['label']])).toEqual([
      ['web', '66,7\u00a0%'],
      ['shop', '50,0\u00a0%'],
      ['Kaikki', '60,0\u00a0%'],
    ]);
    const svg = await renderSvg(spec);
    expect(markGroups(svg, 'rect')).toBeGreaterThanOrEqual(2); // the stacked shares, the CSAT bars
    expect(svg).toContain('Suosittelijat');
    expect(svg).toContain('NPS 33');
  });

  it('several items of a metric side by side, each with its field', async () => {
    const spec = summaryChart(summarize(rows, { by: 'g', csat: ['s', { field: 'q', label: 'recommend as CSAT', scale: { min: 0, max: 10 }, satisfied: [9, 10] }] }));
    expect([...new Set(dataOf(spec).map((row) => row['item']))]).toEqual(['s', 'recommend as CSAT']);
    const svg = await renderSvg(spec);
    expect(svg).toContain('recommend as CSAT');
  });
});

describe('trendChart', () => {
  it('a line with its band, a gap for a month nobody answered, significant changes marked', async () => {
    const rows = [
      ...Array.from({ length: 30 }, () => ({ at: '2026-01-10', q: 2 })),
      ...Array.from({ length: 30 }, (_, i) => ({ at: '2026-03-10', q: i === 0 ? 10 : 2 })),
      ...Array.from({ length: 30 }, (_, i) => ({ at: '2026-04-10', q: i === 0 ? 2 : 10 })),
    ];
    const result = trend(rows, { at: 'at', period: 'month', nps: 'q' });
    const spec = trendChart(result);
    // January −100, February nobody, March (1 − 29)/30 = −93.3 (no test against an empty month),
    // April (29 − 1)/30 = +93.3: 186.7 points up on 30 answers each, significant.
    expect(dataOf(spec).map((row) => [row['period'], row['score'], row['significant'], row['change']])).toEqual([
      ['2026-01', -100, false, '–'],
      ['2026-02', null, false, '–'],
      ['2026-03', expect.closeTo(-93.333, 3), false, '–'],
      ['2026-04', expect.closeTo(93.333, 3), true, '186.7'],
    ]);
    const svg = await renderSvg(spec);
    // The line is drawn in two pieces: January alone, then March and April.
    const line = /class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)![1]!;
    expect((/ d="([^"]+)"/.exec(line)![1]!.match(/M/g) ?? []).length).toBe(2);
    expect(markGroups(svg, 'area')).toBe(1);
  });
});

describe('driversChart', () => {
  it('the importance × performance map with quadrant lines at the averages', async () => {
    const scale = { min: 1, max: 5 };
    const rows = [
      { o: 5, a: 5, b: 2 },
      { o: 4, a: 4, b: 3 },
      { o: 2, a: 1, b: 3 },
      { o: 1, a: 2, b: 2 },
    ];
    const result = keyDrivers(rows, { outcome: 'o', drivers: [{ field: 'a', scale }, { field: 'b', scale }] });
    const spec = driversChart(result);
    // a: r 0.9 (R: cor(c(5,4,1,2), c(5,4,2,1))), mean 3 → 50; b: r 0, mean 2.5 → 37.5; averages 0.45 and 43.75.
    expect(dataOf(spec).map((row) => [row['driver'], row['importance'], row['performance'], row['quadrant']])).toEqual([
      ['a', expect.closeTo(0.9, 12), 50, 'Keep up'],
      ['b', expect.closeTo(0, 12), 37.5, 'Low priority'],
    ]);
    const vertical = dataOf((spec['layer'] as Record<string, unknown>[])[0]!);
    expect(vertical![0]!['importance']).toBeCloseTo(0.45, 12);
    expect(vertical![0]!['performance']).toBeCloseTo(43.75, 12);
    const svg = await renderSvg(spec);
    expect(markGroups(svg, 'rule')).toBe(2);
    expect(markGroups(svg, 'symbol')).toBe(1);
  });

  it('with a decomposition: importance is the part of R², the share in the tooltip', async () => {
    const rows = [
      { o: 5, a: 5, b: 2 },
      { o: 4, a: 4, b: 3 },
      { o: 2, a: 1, b: 3 },
      { o: 1, a: 2, b: 2 },
    ];
    // R² 0.9 (R: lm(o ~ a + b)); Shapley a = ½·0.81 + ½·(0.9 − 0) = 0.855, b = 0.045: shares 95 % and 5 %.
    const spec = driversChart(keyDrivers(rows, { outcome: 'o', drivers: ['a', 'b'], method: 'shapley' }), { locale: 'fi' });
    expect(dataOf(spec).map((row) => [row['driver'], row['importance'], row['shareText']])).toEqual([
      ['a', expect.closeTo(0.855, 12), '95,0\u00a0%'], // Finnish: decimal comma, no-break space
      ['b', expect.closeTo(0.045, 12), '5,0\u00a0%'],
    ]);
    expect(JSON.stringify(spec)).toContain('Tärkeys (osuus selitysasteesta R²)');
    expect(markGroups(await renderSvg(spec), 'symbol')).toBe(1);
  });
});

describe('journeyChart', () => {
  it('stages in journey order, the weakest and what is significantly below in colour, the index line', async () => {
    const journey = defineJourney({ stages: [{ id: 'buy', label: 'Purchase' }, { id: 'use', label: 'Use', touchpoints: [{ id: 'app' }, { id: 'call' }] }] });
    const rows = [...Array.from({ length: 40 }, () => ({ s: 'buy', t: null, q: 10 })), ...Array.from({ length: 40 }, (_, i) => ({ s: 'use', t: i % 2 ? 'app' : 'call', q: i % 4 === 0 ? 10 : 2 }))];
    const report = journeyReport(rows, journey, { stage: 's', touchpoint: 't', nps: 'q' });
    // Purchase: 40 promoters → 100. Use: 10 of 40 promoters, 30 detractors → −50, far below the rest.
    expect(report.significantlyBelow.stages).toEqual(['use']);
    const spec = journeyChart(report);
    const [stages, touchpoints] = spec['vconcat'] as Record<string, unknown>[];
    const stageRows = dataOf((stages!['layer'] as Record<string, unknown>[])[0]!);
    expect(stageRows.map((row) => [row['name'], row['score'], row['status']])).toEqual([
      ['Purchase', 100, 'Other'],
      ['Use', -50, 'Significantly below the rest'],
    ]);
    expect(dataOf((touchpoints!['layer'] as Record<string, unknown>[])[0]!).map((row) => row['name'])).toEqual(['Use / app', 'Use / call']);
    const svg = await renderSvg(spec);
    expect(svg).toContain('Journey index NPS 25'); // (100 + (−50)) / 2
    // The bars of the stages and of the touchpoints (the interval ticks are rects too).
    expect(svg.match(/class="mark-rect role-mark concat_\d+_layer_0_marks"/g)).toHaveLength(2);
  });
});

describe('scorecardChart', () => {
  it('groups ranked by pooled score, the unranked in grey, the pass mark', async () => {
    const card = defineScorecard({ id: 'desk', sections: [{ id: 'desk', criteria: [{ id: 'smile', answer: 'yes-no' }, { id: 'greet', answer: 'yes-no' }] }] });
    const visits = [
      { at: 'south', answers: { smile: 'yes', greet: 'no' } },
      { at: 'north', answers: { smile: 'yes', greet: 'yes' } },
      { at: 'south', answers: { smile: 'yes', greet: 'yes' } },
      { at: 'east', answers: { smile: 'no', greet: 'no' } },
    ];
    const report = scorecardReport(card, visits, { by: 'at', minVisits: 2 });
    const spec = scorecardChart(report, { passMark: 80 });
    // south 3 of 4 = 75 % (ranked, 2 visits); north 100 % and east 0 % have one visit: not ranked.
    expect(dataOf(spec).map((row) => [row['group'], row['score'], row['ranked'], row['label']])).toEqual([
      ['north', 100, 'Not ranked (too few visits)', '100.0%'],
      ['south', 75, 'Rank', '75.0% (1.)'],
      ['east', 0, 'Not ranked (too few visits)', '0.0%'],
    ]);
    // south's visits score 50 and 100: jackknife SE 25, t(0.975, 1) = 12.71 → 75 ± 318, clipped to 0–100.
    expect(dataOf(spec)[1]).toMatchObject({ lower: 0, upper: 100, labelAt: 100 });
    expect(dataOf(spec)[0]).toMatchObject({ lower: null, labelAt: 100 });
    const svg = await renderSvg(spec);
    expect(svg).toContain('Pass mark 80%');
    expect(markGroups(svg, 'rule')).toBe(2); // the error bars and the pass mark
  });
});

describe('themesChart', () => {
  // wait: rows 0, 2 and 3 of 4 → 75 %; staff: row 1 → 25 %. NPS all: 10 is the only promoter,
  // 2, 6 and 3 detractors: −50; without the waiters: 100; the impact of wait is −150.
  const codebook = defineCodebook({ language: 'en', themes: [{ id: 'staff', label: 'Staff', match: ['staff'] }, { id: 'wait', label: 'Waiting', match: ['wait', 'queue*'] }] });
  const rows = [
    { c: 'long wait', q: 2 },
    { c: 'nice staff', q: 10 },
    { c: 'the queue', q: 6 },
    { c: 'waited', q: 3 },
  ];

  it('shares with intervals beside the impact on NPS, most mentioned first; rendered by Vega', async () => {
    const spec = themesChart(themeReport(rows, codebook, { text: 'c', nps: 'q' }));
    expect(dataOf(spec).map((row) => [row['theme'], row['share'], row['impactText']])).toEqual([
      ['Waiting', 75, '-150.0'],
      ['Staff', 25, '50.0'], // all −50, without the one staff commenter −100: +50
    ]);
    const svg = await renderSvg(spec);
    expect(markGroups(svg, 'rect')).toBe(1);
    expect(markGroups(svg, 'symbol')).toBe(1);
    expect(svg).toContain('Impact on NPS');
  });

  it('in Finnish, and the shares alone without a metric', async () => {
    const spec = themesChart(themeReport(rows, codebook, { text: 'c' }), { locale: 'fi' });
    expect(spec['hconcat']).toBeUndefined();
    expect(dataOf(spec)[0]!['shareText']).toBe('75,0\u00a0%');
    expect(await renderSvg(spec)).toContain('Osuus kommentoijista (%)');
  });
});

describe('hidden groups (minN) in charts', () => {
  it('a hidden group is not drawn, and the note says how many were hidden', async () => {
    // Teams of 10 and 7 shown; 5 hidden by the complementary rule because the team of 1 is.
    const rows = Object.entries({ a: 10, b: 7, c: 5, d: 1 }).flatMap(([team, size]) => Array.from({ length: size }, () => ({ team, q: 10 })));
    const spec = summaryChart(summarize(rows, { by: 'team', nps: 'q', minN: 5 }));
    expect((spec['layer'] as Record<string, unknown>[]).flatMap(dataOf).map((row) => row['group'])).not.toContain('c');
    expect(spec.title).toEqual({ text: 'Customer experience by group', subtitle: '2 hidden to protect respondents: fewer than 5 answers, or such a group could be worked out from it' });
    const svg = await renderSvg(spec);
    expect(svg).toContain('2 hidden to protect respondents');
  });
});

describe('monitorChart', () => {
  it('a control chart: score, centre, limits as steps, points coloured by signal; Finnish words', async () => {
    // Week 1: 5, 4, 2, 1 (2 of 4 satisfied, 50 %); weeks 2 and 3 the same; week 4 all four satisfied (100 %).
    // Centre 10/16 = 62.5 %; limits 62.5 ± 3·√(0.625·0.375/4)·100 = 62.5 ± 72.6, clipped to 0–100: no point beyond.
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
    const rows = weeks.flatMap((at, week) => (week === 3 ? [5, 5, 4, 4] : [5, 4, 2, 1]).map((csat) => ({ at, csat })));
    const chart = controlChart(rows, { at: 'at', period: 'week', csat: 'csat' });
    const spec = monitorChart(chart, { locale: 'fi' });
    const values = dataOf(spec);
    expect(values.map((row) => [row['period'], row['score'], row['centre'], row['lower'], row['upper'], row['label']])).toEqual([
      ['2026-W02', 50, 62.5, 0, 100, '50,0\u00a0%'],
      ['2026-W03', 50, 62.5, 0, 100, '50,0\u00a0%'],
      ['2026-W04', 50, 62.5, 0, 100, '50,0\u00a0%'],
      ['2026-W05', 100, 62.5, 0, 100, '100,0\u00a0%'],
    ]);
    expect((spec['title'] as { text: string; subtitle: string }).subtitle).toBe('Keskiviiva 62,5\u00a0%; Valvontarajat ±3σ');
    const svg = await renderSvg(spec);
    expect(markGroups(svg, 'line')).toBe(4);
    expect(markGroups(svg, 'symbol')).toBe(1);
  });
});

describe('funnelChart', () => {
  it('units against n with the target, 95 % and 99.8 % limits; Finnish words; the adjustment in the subtitle', async () => {
    // A: 80 of 100 satisfied, B: 60 of 100 → target 70 %. On the arcsine scale
    // z_A = (asin√0.8 − asin√0.7)·2√100 = (1.107149 − 0.991157)·20 = 2.32 and z_B = (0.886077 − 0.991157)·20 = −2.10:
    // both beyond 1.96, inside 3.09.
    const rows = [
      ...Array.from({ length: 100 }, (_, i) => ({ store: 'A', csat: i < 80 ? 5 : 2 })),
      ...Array.from({ length: 100 }, (_, i) => ({ store: 'B', csat: i < 60 ? 5 : 2 })),
    ];
    const spec = funnelChart(funnelPlot(rows, { by: 'store', csat: 'csat' }), { locale: 'fi' });
    const layers = spec['layer'] as Record<string, unknown>[];
    expect(dataOf(layers.at(-1)!).map((row) => [row['unit'], row['n'], row['label'], row['standing']])).toEqual([
      ['A', 100, '80,0\u00a0%', '95 %:n rajojen ulkopuolella'],
      ['B', 100, '60,0\u00a0%', '95 %:n rajojen ulkopuolella'],
    ]);
    const curve = dataOf(spec);
    expect(curve[0]!['n']).toBe(50);
    expect(curve[0]!['target']).toBeCloseTo(70, 12);
    expect((spec['title'] as { text: string; subtitle: string }).text).toBe('Suppilokuvio');
    expect((spec['title'] as { subtitle: string }).subtitle).toBe('Keskiviiva 70,0\u00a0%; 95 %:n rajat – – –, 99,8 %:n rajat ——');
    const svg = await renderSvg(spec);
    expect(markGroups(svg, 'line')).toBe(5);
    expect(markGroups(svg, 'symbol')).toBe(1);
    // Ten stores with real spread (the FunnelPlotR case of funnel-plot.test.ts): τ² = 0.004282 in the subtitle.
    const counts = [[30, 40], [70, 85], [84, 120], [51, 60], [150, 200], [20, 35], [135, 150], [60, 90], [60, 70], [228, 300]] as const;
    const stores = counts.flatMap(([satisfied, n], s) => Array.from({ length: n }, (_, i) => ({ store: s, csat: i < satisfied ? 5 : 2 })));
    const adjusted = funnelChart(funnelPlot(stores, { by: 'store', csat: 'csat', overdispersion: 'additive' }));
    expect((adjusted['title'] as { subtitle: string }).subtitle).toMatch(/; τ² = 0\.0043$/);
  });
});
