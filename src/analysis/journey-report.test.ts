import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { defineJourney } from './define-journey.js';
import { journeyReport } from './journey-report.js';

const journey = defineJourney({
  stages: [
    { id: 'awareness' },
    { id: 'purchase', weight: 2, touchpoints: [{ id: 'web' }, { id: 'store' }] },
    { id: 'aftercare', touchpoints: [{ id: 'phone' }, { id: 'email' }] },
  ],
});

const at = (stage: unknown, touchpoint: unknown, q: number) => ({ stage, touchpoint, q });
const rows = [
  at('awareness', null, 9),
  at('awareness', null, 10),
  at('awareness', null, 7),
  at('purchase', 'web', 10),
  at('purchase', 'web', 10),
  at('purchase', 'web', 9),
  at('purchase', 'store', 6),
  at('purchase', 'store', 8),
  at('purchase', null, 9),
  at('purchase', 'kiosk', 3), // a touchpoint the journey does not have: counts for the stage only
  at('aftercare', 'phone', 2),
  at('aftercare', 'phone', 4),
  at('aftercare', 'phone', 6),
  at('aftercare', 'phone', 8),
  at('aftercare', 'email', 10),
  at('aftercare', 'email', 9),
  at('returns', null, 5),
  at(null, null, 7),
];

describe('journeyReport', () => {
  const report = journeyReport(rows, journey, { stage: 'stage', touchpoint: 'touchpoint', nps: 'q' });

  it('stages in journey order with their metrics; touchpoints within', () => {
    expect(report.stages.map((stage) => [stage.id, stage.rows])).toEqual([
      ['awareness', 3],
      ['purchase', 7],
      ['aftercare', 6],
    ]);
    // awareness 2 promoters of 3 → 66.667; purchase 4 promoters, 2 detractors of 7 → 28.571;
    // aftercare 2 promoters, 3 detractors of 6 → −16.667.
    expect(report.stages[0]!.nps!.score).toBeCloseTo(200 / 3, 12);
    expect(report.stages[1]!.nps!.score).toBeCloseTo(200 / 7, 12);
    expect(report.stages[2]!.nps!.score).toBeCloseTo(-100 / 6, 12);
    expect(report.stages[1]!.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.rows, touchpoint.nps!.score])).toEqual([
      ['web', 3, 100],
      ['store', 2, -50],
    ]);
    // Touchpoint index of purchase: (100 − 50) / 2; of aftercare: (−75 + 100) / 2.
    expect(report.stages[1]!.touchpointIndex!.score).toBeCloseTo(25, 12);
    expect(report.stages[2]!.touchpointIndex!.score).toBeCloseTo(12.5, 12);
    expect(report.stages[0]!.touchpointIndex).toBeNull();
    expect(report.total.rows).toBe(16);
  });

  it('rows outside the journey are counted, never dropped', () => {
    expect(report.unmapped).toEqual({
      rows: 2,
      stages: [
        { value: 'returns', rows: 1 },
        { value: null, rows: 1 },
      ],
      touchpoints: [{ stage: 'purchase', value: 'kiosk', rows: 1 }],
    });
  });

  it('the stage-weighted index with its standard error', () => {
    // (1 × 66.667 + 2 × 28.571 + 1 × (−16.667)) / 4 = (50 + 400/7) / 4.
    expect(report.index.score).toBeCloseTo((50 + 400 / 7) / 4, 12);
    // Trinomial variances (p + d − NPS²)/n: awareness (2/3 − 4/9)/3 = 2/27; purchase (6/7 − 4/49)/7 = 38/343;
    // aftercare (5/6 − 1/36)/6 = 29/216. SE = √(Σ (w/W)²·var) × 100.
    const se = Math.sqrt((1 / 16) * (2 / 27) + (1 / 4) * (38 / 343) + (1 / 16) * (29 / 216)) * 100;
    expect(report.index.standardError).toBeCloseTo(se, 10);
    expect(report.index.interval!.lower).toBeCloseTo((50 + 400 / 7) / 4 - 1.959963984540054 * se, 9);
    expect(report.index.parts).toBe(3);
  });

  it('the weakest stage and touchpoint, and what is significantly below the rest', () => {
    expect(report.weakest).toEqual({ stage: 'aftercare', touchpoint: { stage: 'aftercare', touchpoint: 'phone' } });
    // phone: −75 (n 4, var (3/4 − 9/16)/4 = 3/64) vs the other 12 mapped rows: 8 promoters, 2 detractors → 50
    // (var (10/12 − 1/4)/12 = 7/144); difference −125, SE √(3/64 + 7/144) → z = −4.04.
    const phone = report.stages[2]!.touchpoints[0]!;
    expect(phone.comparison!.difference).toBeCloseTo(-125, 10);
    expect(phone.comparison!.standardError).toBeCloseTo(Math.sqrt(3 / 64 + 7 / 144) * 100, 10);
    expect(phone.significantlyBelow).toBe(true);
    // The four touchpoints are one family. web (NPS 100, z = 4.11 against the rest) has the
    // smallest p-value and phone the second, so Holm gives phone max(4·p_web, 3·p_phone).
    const web = report.stages[1]!.touchpoints[0]!.comparison!;
    expect(web.pValue!).toBeLessThan(phone.comparison!.pValue!);
    expect(web.adjustedPValue).toBeCloseTo(4 * web.pValue!, 14);
    expect(phone.comparison!.adjustedPValue).toBeCloseTo(Math.max(4 * web.pValue!, 3 * phone.comparison!.pValue!), 14);
    // aftercare vs awareness + purchase (6 promoters, 2 detractors of 10 → 40): z = −1.27, not significant.
    expect(report.stages[2]!.comparison!.difference).toBeCloseTo(-100 / 6 - 40, 10);
    expect(report.stages[2]!.significantlyBelow).toBe(false);
    expect(report.significantlyBelow).toEqual({ stages: [], touchpoints: [{ stage: 'aftercare', touchpoint: 'phone' }] });
  });

  it('for CES 1.0 (lower is easier) the weakest stage has the highest mean', () => {
    const effort = [
      { stage: 'awareness', e: 1 },
      { stage: 'purchase', e: 4 },
      { stage: 'aftercare', e: 2 },
    ];
    const ces = journeyReport(effort, journey, { stage: 'stage', ces: { field: 'e', scale: { min: 1, max: 5 }, orientation: 'lower-is-easier' } });
    expect(ces.weakest.stage).toBe('purchase');
    // (1 × 1 + 2 × 4 + 1 × 2) / 4; one answer per stage, so no standard error.
    expect(ces.index.score).toBeCloseTo(11 / 4, 12);
    expect(ces.index.standardError).toBeNull();
  });

  it('stage ids are Map keys: "__proto__" is an ordinary stage', () => {
    const odd = defineJourney({ stages: [{ id: '__proto__' }, { id: 'constructor' }] });
    const result = journeyReport([{ s: '__proto__', q: 10 }, { s: 'constructor', q: 0 }, { s: 'toString', q: 5 }], odd, { stage: 's', nps: 'q' });
    expect(result.stages.map((stage) => stage.nps!.score)).toEqual([100, -100]);
    expect(result.unmapped.rows).toBe(1);
  });
});

describe('journeys: bad input', () => {
  it('defineJourney: duplicate ids, negative weights, no positive weight, empty', () => {
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a' }, { id: 'a' }] }))).toEqual([{ code: 'invalid_option', path: ['stages', 1, 'id'] }]);
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a', touchpoints: [{ id: 't' }, { id: 't' }] }] }))).toEqual([
      { code: 'invalid_option', path: ['stages', 0, 'touchpoints', 1, 'id'] },
    ]);
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a', weight: -1 }] }))).toEqual([{ code: 'invalid_option', path: ['stages', 0, 'weight'] }]);
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a', touchpoints: [{ id: 't', weight: -0.5 }] }] }))).toEqual([
      { code: 'invalid_option', path: ['stages', 0, 'touchpoints', 0, 'weight'] },
    ]);
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a', weight: 0 }] }))).toEqual([{ code: 'invalid_option', path: ['stages'] }]);
    expect(issuesOf(() => defineJourney({ stages: [] }))).toEqual([{ code: 'invalid_option', path: ['stages'] }]);
  });

  it('journeyReport: headline, unknown fields, invalid answers with row and field', () => {
    expect(issuesOf(() => journeyReport(rows, journey, { stage: 'stage', nps: 'q', csat: 'q' }))).toEqual([{ code: 'invalid_option', path: ['headline'] }]);
    expect(issuesOf(() => journeyReport(rows, journey, { stage: 'stage', nps: 'q', headline: 'ces' }))).toEqual([{ code: 'invalid_option', path: ['headline'] }]);
    expect(issuesOf(() => journeyReport(rows, journey, { stage: 'step', nps: 'q' }))).toEqual([{ code: 'unknown_field', path: ['stage'] }]);
    expect(issuesOf(() => journeyReport([{ stage: 'awareness', q: 12 }], journey, { stage: 'stage', nps: 'q' }))).toEqual([{ code: 'out_of_range', path: [0, 'q'] }]);
  });
});

describe('journeyReport: the families of tests', () => {
  // examples/data/journey-answers.csv, the journey of examples/journey-report.ts; expected values
  // from python3 test/reference/journey-report.py (its own z tests and Holm's steps written out).
  const text = readFileSync(new URL('../../examples/data/journey-answers.csv', import.meta.url), 'utf8').trim().split('\n');
  const names = text[0]!.split(',');
  const answers = text.slice(1).map((line) => {
    const cells = line.split(',');
    const cell = (name: string) => cells[names.indexOf(name)]!;
    return { stage: cell('stage'), touchpoint: cell('touchpoint'), recommend: cell('recommend') === '' ? null : Number(cell('recommend')) };
  });
  const broadband = defineJourney(JSON.parse(readFileSync(new URL('../../examples/data/journey.json', import.meta.url), 'utf8')));
  const options = { stage: 'stage', touchpoint: 'touchpoint', nps: 'recommend' } as const;

  it('stages and touchpoints are each Holm-adjusted as a family by default', () => {
    const report = journeyReport(answers, broadband, options);
    expect(report.adjust).toBe('holm');
    const stage = (id: string) => report.stages.find((entry) => entry.id === id)!;
    const touchpoint = (stageId: string, id: string) => stage(stageId).touchpoints.find((entry) => entry.id === id)!;
    // awareness: p 0.028878 → Holm 0.086634 (5 stages); chat: p 0.032438 → 0.259505 (11 touchpoints).
    expect(stage('awareness').comparison!.pValue).toBeCloseTo(0.028878, 6);
    expect(stage('awareness').comparison!.adjustedPValue).toBeCloseTo(0.086634, 6);
    expect(stage('consideration').comparison!.adjustedPValue).toBeCloseTo(0.334031, 6);
    expect(touchpoint('aftercare', 'chat').comparison!.pValue).toBeCloseTo(0.032438, 6);
    expect(touchpoint('aftercare', 'chat').comparison!.adjustedPValue).toBeCloseTo(0.259505, 6);
    expect(touchpoint('awareness', 'referral').comparison!.adjustedPValue).toBeCloseTo(0.225017, 6);
    expect(touchpoint('purchase', 'phone-sales').comparison!.adjustedPValue).toBeCloseTo(0.000671, 6);
    expect(touchpoint('use', 'app').comparison!.adjustedPValue).toBe(1);
    expect(touchpoint('aftercare', 'chat').significantlyBelow).toBe(false);
    expect(report.significantlyBelow).toEqual({ stages: ['aftercare'], touchpoints: [{ stage: 'aftercare', touchpoint: 'helpline' }] });
  });

  it("adjust: 'none' tests each alone, as before", () => {
    const report = journeyReport(answers, broadband, { ...options, adjust: 'none' });
    const chat = report.stages[4]!.touchpoints[1]!;
    expect(chat.comparison!.adjustedPValue).toBe(chat.comparison!.pValue);
    expect(report.significantlyBelow.touchpoints).toEqual([
      { stage: 'aftercare', touchpoint: 'helpline' },
      { stage: 'aftercare', touchpoint: 'chat' },
    ]);
  });
});
