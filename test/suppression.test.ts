/**
 * Small groups hidden (issue 22): the rule on Viva Glint's worked table, and the same rule in
 * every function whose results are per group — summarize (and its SQL push-down), trend,
 * journeyReport, scorecardReport, themeReport. Expected cells are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { hiddenCells } from '../src/common/suppression.js';
import { defineJourney, journeyReport, scorecardReport, summarize, summaryFromRows, summarySql, trend } from '../src/index.js';
import { defineCodebook, themeReport } from '../src/text/index.js';
import { issuesOf } from './validation.js';

const rule = (complementary: 'glint' | 'strict' | 'none') => ({ minN: 5, minNComments: 10, complementary, showCounts: false });

describe('the rule', () => {
  it("Glint's worked table: all 23 → teams of 10, 7, 5 and 1: the 1 is insufficient, the 5 hidden too, the rest shown", () => {
    expect(hiddenCells([10, 7, 5, 1], rule('glint'))).toEqual([null, null, 'complementary', 'insufficient']);
  });

  it('with a team of 2 instead of 1, the team of 5 is shown (two hidden people cannot be told apart)', () => {
    expect(hiddenCells([10, 7, 5, 2], rule('glint'))).toEqual([null, null, null, 'insufficient']);
  });

  it('strict: the hidden remainder must itself reach minN, so the 5 goes too; none: only the small one', () => {
    expect(hiddenCells([10, 7, 5, 2], rule('strict'))).toEqual([null, null, 'complementary', 'insufficient']);
    expect(hiddenCells([10, 7, 5, 1], rule('none'))).toEqual([null, null, null, 'insufficient']);
  });

  it('an empty group hides nothing; with nothing small, nothing is hidden', () => {
    expect(hiddenCells([0, 10, 7], rule('glint'))).toEqual([null, null, null]);
  });
});

/** Rows of groups of the given sizes, every answer a 10 (NPS 100). */
const teams = (sizes: Record<string, number>) => Object.entries(sizes).flatMap(([team, size]) => Array.from({ length: size }, () => ({ team, q: 10 })));

describe('summarize', () => {
  it('hides the teams as the table says, with no score, counts 0 and a mark; the total is shown', () => {
    const summary = summarize(teams({ a: 10, b: 7, c: 5, d: 1 }), { by: 'team', nps: 'q', minN: 5 });
    expect(summary.groups.map((group) => [group.key, group.suppressed ?? null, group.rows, group.nps.n, group.nps.score])).toEqual([
      ['a', null, 10, 10, 100],
      ['b', null, 7, 7, 100],
      ['c', 'complementary', 0, 0, null],
      ['d', 'insufficient', 0, 0, null],
    ]);
    expect(summary.groups[2]!.nps.distribution).toEqual(Array(11).fill(0));
    expect([summary.total.nps.n, summary.total.nps.score]).toEqual([23, 100]);
    expect(summary.suppression).toEqual({ minN: 5, minNComments: 5, complementary: 'glint', showCounts: false });
  });

  it('showCounts keeps the counts of hidden groups, never their scores', () => {
    const summary = summarize(teams({ a: 10, d: 1 }), { by: 'team', nps: 'q', minN: 5, showCounts: true });
    // d (1) is insufficient; the hidden remainder is 1, so a (10) is hidden too.
    expect(summary.groups.map((group) => [group.suppressed, group.rows, group.nps.n, group.nps.score])).toEqual([
      ['complementary', 10, 10, null],
      ['insufficient', 1, 1, null],
    ]);
  });

  it('per metric: a group with 6 NPS answers and 3 CSAT answers keeps its NPS', () => {
    const rows = [...teams({ a: 6, b: 9 }).map((row, i) => ({ ...row, s: row.team === 'a' && i >= 3 ? null : 5 }))];
    const summary = summarize(rows, { by: 'team', nps: 'q', csat: 's', minN: 5, complementary: 'none' });
    expect([summary.groups[0]!.nps.score, summary.groups[0]!.csat.suppressed, summary.groups[0]!.suppressed]).toEqual([100, 'insufficient', undefined]);
  });

  it('bad options are refused', () => {
    expect(issuesOf(() => summarize(teams({ a: 1 }), { nps: 'q', minN: 0 }))).toEqual([{ code: 'invalid_option', path: ['minN'] }]);
    expect(issuesOf(() => summarize(teams({ a: 1 }), { nps: 'q', minN: 2.5 }))).toEqual([{ code: 'invalid_option', path: ['minN'] }]);
    expect(issuesOf(() => summarize(teams({ a: 1 }), { nps: 'q', minN: 10, minNComments: 5 }))).toEqual([{ code: 'invalid_option', path: ['minNComments'] }]);
    expect(issuesOf(() => summarize(teams({ a: 1 }), { nps: 'q', showCounts: true }))).toEqual([{ code: 'invalid_option', path: ['minN'] }]);
  });

  it('summaryFromRows hides exactly as summarize does', () => {
    const query = summarySql({ table: 't', by: 'team', nps: 'q', minN: 5 });
    // The rows an engine returns for teams of 10, 7, 5 and 1 answering 10.
    const sqlRows = [
      ...[['a', 10], ['b', 7], ['c', 5], ['d', 1]].map(([team, answers]) => ({ group_1: team, total_row: 0, metric: 0, score: 10, score_type: 'INTEGER', answers })),
      { group_1: null, total_row: 1, metric: 0, score: 10, score_type: 'INTEGER', answers: 23 },
    ];
    const fromSql = summaryFromRows(sqlRows, query);
    const inMemory = summarize(teams({ a: 10, b: 7, c: 5, d: 1 }), { by: 'team', nps: 'q', minN: 5 });
    expect(fromSql.groups.map((group) => [group.key, group.suppressed, group.nps.score])).toEqual(inMemory.groups.map((group) => [group.key, group.suppressed, group.nps.score]));
  });
});

describe('trend: periods are cells that sum to the whole', () => {
  // Answers per month: 6, 1, 8, 7 (all 10s). Glint: February (1) is insufficient, the hidden
  // remainder 1 hides the next-smallest, January (6). Only March → April is tested.
  const rows = [
    ...Array.from({ length: 6 }, () => ({ at: '2026-01-15', q: 10 })),
    { at: '2026-02-15', q: 10 },
    ...Array.from({ length: 8 }, (_, i) => ({ at: '2026-03-15', q: i < 4 ? 10 : 0 })),
    ...Array.from({ length: 7 }, () => ({ at: '2026-04-15', q: 10 })),
  ];

  it('hides January and February, and tests only the change between shown months', () => {
    const months = trend(rows, { at: 'at', period: 'month', nps: 'q', minN: 5 });
    expect(months.periods.map((period) => [period.period, period.suppressed ?? null, period.nps!.score])).toEqual([
      ['2026-01', 'complementary', null],
      ['2026-02', 'insufficient', null],
      ['2026-03', null, 0],
      ['2026-04', null, 100],
    ]);
    expect(months.periods.map((period) => period.change?.nps?.pValue ?? null).map((p) => p !== null)).toEqual([false, false, false, true]);
    // One test in the family: its adjusted p is its p.
    expect(months.periods[3]!.change!.nps!.adjustedPValue).toBe(months.periods[3]!.change!.nps!.pValue);
  });
});

describe('journeyReport: stages, and touchpoints within their stage', () => {
  const journey = defineJourney({ stages: [{ id: 'buy', touchpoints: [{ id: 'web' }, { id: 'shop' }] }, { id: 'use' }, { id: 'help' }] });
  // buy: web 6, shop 4, none outside; use: 12; help: 2 (all 10s but help's).
  const rows = [
    ...Array.from({ length: 6 }, () => ({ stage: 'buy', tp: 'web', q: 10 })),
    ...Array.from({ length: 4 }, () => ({ stage: 'buy', tp: 'shop', q: 10 })),
    ...Array.from({ length: 12 }, (_, i) => ({ stage: 'use', q: i < 6 ? 10 : 0 })),
    ...Array.from({ length: 2 }, () => ({ stage: 'help', q: 0 })),
  ];

  it('help (2) is insufficient and hides nothing more (two hidden people cannot be told apart); shop (4) too, and web stays', () => {
    const report = journeyReport(rows, journey, { stage: 'stage', touchpoint: 'tp', nps: 'q', minN: 5 });
    expect(report.stages.map((stage) => [stage.id, stage.suppressed ?? null, stage.nps!.score])).toEqual([
      ['buy', null, 100],
      ['use', null, 0],
      ['help', 'insufficient', null],
    ]);
    expect(report.stages[0]!.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.suppressed ?? null])).toEqual([
      ['web', null],
      ['shop', 'insufficient'],
    ]);
    // Tests among the shown stages only: buy against use, use against buy; help untested.
    expect(report.stages[2]!.comparison).toBeNull();
    expect(report.stages[0]!.comparison!.difference).toBeCloseTo(100, 12);
  });
});

describe('scorecardReport: locations by their visits', () => {
  const card = { id: 'c', sections: [{ id: 's', criteria: [{ id: 'smile', answer: 'yes-no' as const }] }] };
  const visits = [...Array.from({ length: 6 }, () => ({ at: 'north', answers: { smile: 'yes' } })), ...Array.from({ length: 5 }, () => ({ at: 'south', answers: { smile: 'no' } })), { at: 'east', answers: { smile: 'yes' } }];

  it('east (1 visit) is insufficient, south (5, the smallest shown) complementary; only north is ranked; hidden visits are left out', () => {
    const report = scorecardReport(card, visits, { by: 'at', minN: 5 });
    expect(report.groups.map((group) => [group.key, group.suppressed ?? null, group.score, group.rank, group.visits])).toEqual([
      ['north', null, 100, 1, 6],
      ['south', 'complementary', null, null, 0],
      ['east', 'insufficient', null, null, 0],
    ]);
    expect(report.visits).toHaveLength(6);
  });
});

describe('themeReport: groups by their commenters, quotes by minNComments', () => {
  const codebook = defineCodebook({ language: 'en', themes: [{ id: 'wait', match: ['wait'] }] });
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ({ c: i < 3 ? 'long wait' : 'fine', store: 'big', q: i < 3 ? 0 : 10 })),
    ...Array.from({ length: 6 }, () => ({ c: 'wait', store: 'mid', q: 5 })),
    { c: 'wait', store: 'tiny', q: 0 },
  ];

  it('tiny (1) is insufficient and hides mid (6) too; big keeps its themes and quotes (12 ≥ minNComments 10)', () => {
    const report = themeReport(rows, codebook, { text: 'c', nps: 'q', by: 'store', minN: 5, minNComments: 10 });
    expect(report.groups!.map((group) => [group.key, group.suppressed ?? null, group.themes.length, group.commenters])).toEqual([
      ['big', null, 1, 12],
      ['mid', 'complementary', 0, 0],
      ['tiny', 'insufficient', 0, 0],
    ]);
    expect(report.groups![0]!.themes[0]!.examples).toHaveLength(3);
    // In big, the 3 who mention waiting are fewer than 5: their NPS is hidden, so there is no
    // impact; the other 9 stay shown (a hidden three cannot be told apart: glint's rule).
    expect(report.groups![0]!.themes[0]!.nps!.mentioned.suppressed).toBe('insufficient');
    expect(report.groups![0]!.themes[0]!.nps!.rest.suppressed).toBeUndefined();
    expect(report.groups![0]!.themes[0]!.nps!.impact).toBeNull();
  });

  it('quotes need minNComments respondents: 12 rows with minNComments 20 keep no quote', () => {
    const report = themeReport(rows.slice(0, 12), codebook, { text: 'c', minN: 5, minNComments: 20 });
    expect(report.themes[0]!.examples).toEqual([]);
    expect(report.themes[0]!.mentions).toBe(3);
  });
});
