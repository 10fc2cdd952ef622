import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { defineCodebook } from './define-codebook.js';
import { themeReport } from './theme-report.js';

/** Values from R, produced by test/reference/text.R (the command is in that file). */
const reference = JSON.parse(readFileSync(new URL('../../test/reference/text.json', import.meta.url), 'utf8')) as {
  impactUnweighted: { impact: number; se: number; surveySE: number; nps: number; npsRest: number };
  impactWeighted: { impact: number; se: number; surveySE: number; nps: number; npsRest: number };
  impactData: { answer: number[]; mention: number[]; weight: number[] };
};

const codebook = defineCodebook({ language: 'en', themes: [{ id: 'queue', label: 'Queues', match: ['queue*', 'wait'] }, { id: 'staff', match: ['staff', 'friendly'] }] });

/** The twelve commenters of text.R: a comment that mentions queues where `mention` is 1. */
const rows = reference.impactData.answer.map((nps, i) => ({
  comment: reference.impactData.mention[i] === 1 ? `the queue, ${i}` : `fine ${i}`,
  nps,
  w: reference.impactData.weight[i]!,
}));

describe('themeReport: share and impact', () => {
  it('the impact of a theme on NPS, equal to R survey, and the Thematic identity both ways', () => {
    const report = themeReport(rows, codebook, { text: 'comment', nps: 'nps' });
    const queue = report.themes[0]!;
    // By hand: 5 of 12 commenters mention queues: 10, 3, 6, 2, 0 → 1 promoter, 4 detractors:
    // NPS −60. The other 7: 9, 8, 10, 9, 7, 10, 5 → 4 promoters, 1 detractor: NPS 300/7 = 42.857.
    // All 12: 5 promoters, 5 detractors: NPS 0.
    expect(queue.mentions).toBe(5);
    expect(queue.share).toBeCloseTo((5 / 12) * 100, 12);
    expect(queue.nps!.mentioned.score).toBeCloseTo(-60, 12);
    expect(queue.nps!.rest.score).toBeCloseTo(300 / 7, 12);
    // Impact = NPS(all) − NPS(without them) = 0 − 42.857 = share × (mentioned − rest) = 5/12 × (−60 − 42.857).
    expect(queue.nps!.impact).toBeCloseTo(0 - 300 / 7, 12);
    expect(queue.nps!.impact).toBeCloseTo((5 / 12) * (-60 - 300 / 7), 12);
    expect(queue.nps!.impact).toBeCloseTo(reference.impactUnweighted.impact, 12);
    // R survey's SE (svyratio + svycontrast) is ours times √(n/(n − 1)), n = 12.
    expect(queue.nps!.standardError).toBeCloseTo(reference.impactUnweighted.se, 10);
    expect(queue.nps!.standardError! * Math.sqrt(12 / 11)).toBeCloseTo(reference.impactUnweighted.surveySE, 10);
    expect(queue.nps!.statistic).toBeCloseTo(reference.impactUnweighted.impact / reference.impactUnweighted.se, 10);
    // Share interval: R prop.test(5, 12, correct = FALSE)$conf.int × 100.
    expect(queue.interval!.lower).toBeCloseTo(19.326031365875664, 10);
    expect(queue.interval!.upper).toBeCloseTo(68.048868745045027, 10);
  });

  it('weighted: share and impact with weights, equal to R survey', () => {
    const report = themeReport(rows, codebook, { text: 'comment', nps: 'nps', weight: 'w' });
    const queue = report.themes[0]!;
    // Weights of the mentioners: 1 + 0.5 + 1.5 + 2 + 1 = 6 of 15.5.
    expect(queue.share).toBeCloseTo((6 / 15.5) * 100, 12);
    expect(queue.nps!.impact).toBeCloseTo(reference.impactWeighted.impact, 12);
    expect(queue.nps!.impact).toBeCloseTo(reference.impactWeighted.nps - reference.impactWeighted.npsRest, 12);
    expect(queue.nps!.standardError).toBeCloseTo(reference.impactWeighted.se, 10);
  });

  it('p-values adjusted across themes (Holm): two themes, the smaller p doubled', () => {
    const report = themeReport(rows, codebook, { text: 'comment', nps: 'nps' });
    const [queue, staff] = report.themes as [(typeof report.themes)[number], (typeof report.themes)[number]];
    // Nobody mentions staff: no impact, no test; the family is queue alone, so its p stays.
    expect(staff.mentions).toBe(0);
    expect(staff.nps!.impact).toBeNull();
    expect(queue.nps!.adjustedPValue).toBe(queue.nps!.pValue);
    const two = themeReport([...rows, { comment: 'friendly staff', nps: 10, w: 1 }, { comment: 'staff ok', nps: 3, w: 1 }], codebook, { text: 'comment', nps: 'nps' });
    const p = two.themes.map((theme) => theme.nps!.pValue!);
    const holm = [Math.min(1, 2 * Math.min(...p)), Math.max(2 * Math.min(...p), Math.max(...p))];
    expect(two.themes.map((theme) => theme.nps!.adjustedPValue).sort()).toEqual(holm.map((value) => Math.min(1, value)).sort());
  });

  it('CSAT and CES impacts by hand', () => {
    const data = [
      { c: 'queue', csat: 1, ces: 2 },
      { c: 'queue again', csat: 4, ces: 3 },
      { c: 'fine', csat: 5, ces: 7 },
      { c: 'ok', csat: 4, ces: 6 },
    ];
    const report = themeReport(data, codebook, { text: 'c', csat: 'csat', ces: 'ces' });
    const queue = report.themes[0]!;
    // CSAT: all 3 of 4 satisfied = 75 %; the rest 2 of 2 = 100 %: impact −25 = ½ × (50 − 100).
    expect(queue.csat!.impact).toBeCloseTo(-25, 12);
    // CES mean: all (2 + 3 + 7 + 6)/4 = 4.5; the rest 6.5: impact −2 = ½ × (2.5 − 6.5).
    expect(queue.ces!.impact).toBeCloseTo(-2, 12);
    expect(queue.ces!.mentioned.score).toBeCloseTo(2.5, 12);
  });
});

describe('themeReport: commenters, blanks, uncoded, examples, groups', () => {
  it('blank comments are counted and never coded; uncoded comments are counted and listed; quotes shortest first', () => {
    const data = [
      { c: '', q: 9 },
      { c: '   ', q: 3 },
      { c: null, q: 3 },
      { c: 'The queue was very very long today', q: 2 },
      { c: 'queue', q: 5 },
      { c: 'Long queue!', q: 6 },
      { c: 'no comment on anything', q: 10 },
      { c: 7, q: 10 },
    ];
    const report = themeReport(data, codebook, { text: 'c', nps: 'q', examples: 2 });
    expect([report.rows, report.blank, report.commenters]).toEqual([8, 3, 5]);
    expect(report.uncoded).toEqual({ commenters: 2, share: 40, comments: [{ index: 6, text: 'no comment on anything' }, { index: 7, text: '7' }] });
    expect(report.themes[0]!.examples).toEqual([
      { index: 4, text: 'queue' },
      { index: 5, text: 'Long queue!' },
    ]);
    // The NPS base is the commenters who answered: all five; the blanks' answers are not counted.
    expect(report.themes[0]!.nps!.mentioned.n + report.themes[0]!.nps!.rest.n).toBe(5);
    expect(report.base).toMatch(/^commenters: the rows with a comment that is not blank; each metric's scores and impacts are over the commenters who answered it/);
  });

  it('by: each group has its own themes and tests; a parent counts its children', () => {
    const people = defineCodebook({ language: 'en', themes: [{ id: 'people' }, { id: 'staff', parent: 'people', match: ['staff'] }, { id: 'rude', parent: 'people', match: ['rude'] }] });
    const data = [
      { c: 'staff were rude', store: 'north' },
      { c: 'nice staff', store: 'north' },
      { c: 'rude', store: 'south' },
      { c: 'fine', store: 'south' },
    ];
    const report = themeReport(data, people, { text: 'c', by: 'store' });
    // people: rows 0, 1, 2 (a commenter once, however many children): 3 of 4.
    expect(report.themes.map((theme) => [theme.id, theme.parent, theme.mentions])).toEqual([
      ['people', null, 3],
      ['staff', 'people', 2],
      ['rude', 'people', 2],
    ]);
    expect(report.groups!.map((group) => [group.key, group.commenters, group.themes.map((theme) => theme.mentions)])).toEqual([
      ['north', 2, [2, 2, 1]],
      ['south', 2, [1, 0, 1]],
    ]);
    // Share interval of 2 of 6 is R's prop.test(2, 6, correct = FALSE), as a check of the Wilson interval on small n.
    const six = themeReport([...data, { c: 'x', store: 'x' }, { c: 'y', store: 'y' }], people, { text: 'c' });
    expect(six.themes[1]!.interval!.lower).toBeCloseTo(9.677141110578045, 10);
    expect(six.themes[1]!.interval!.upper).toBeCloseTo(70.000668486160805, 10);
  });

  it('ready-made topics (Text iQ): comma-separated, "Unknown" is no topic', () => {
    const data = [
      { c: 'a', topics: 'Wait Time, Staff' },
      { c: 'b', topics: 'Unknown' },
      { c: 'c', topics: 'Staff' },
      { c: 'd', topics: '' },
    ];
    const report = themeReport(data, null, { text: 'c', topics: 'topics' });
    expect(report.themes.map((theme) => [theme.id, theme.mentions])).toEqual([
      ['Wait Time', 1],
      ['Staff', 2],
    ]);
    expect(report.uncoded.commenters).toBe(2);
  });
});

describe('themeReport: bad input', () => {
  it('names the row and field of a comment that is not text, an invalid answer, or a missing field', () => {
    expect(issuesOf(() => themeReport([{ c: 'fine', q: 9 }, { c: { a: 1 }, q: 9 }], codebook, { text: 'c', nps: 'q' }))).toEqual([{ code: 'invalid_type', path: [1, 'c'] }]);
    expect(issuesOf(() => themeReport([{ c: 'fine', q: 11 }], codebook, { text: 'c', nps: 'q' }))).toEqual([{ code: 'out_of_range', path: [0, 'q'] }]);
    expect(issuesOf(() => themeReport([{ c: 'fine' }], codebook, { text: 'comment' }))).toEqual([{ code: 'unknown_field', path: ['text'] }]);
    expect(issuesOf(() => themeReport([{ c: 'fine' }], null, { text: 'c' }))).toEqual([{ code: 'invalid_option', path: ['topics'] }]);
  });

  it('skips invalid answers when asked, counting them', () => {
    const report = themeReport([{ c: 'queue', q: 11 }, { c: 'fine', q: 9 }], codebook, { text: 'c', nps: 'q', invalid: 'skip' });
    expect([report.themes[0]!.nps!.mentioned.invalid, report.themes[0]!.nps!.mentioned.n]).toEqual([1, 0]);
  });
});
