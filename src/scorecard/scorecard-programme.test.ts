import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { defineScorecard, type ScorecardDefinition } from './define-scorecard.js';
import { scoreVisit, type Visit } from './score-visit.js';
import { scorecardReport } from './scorecard-report.js';
import { serviceEncounterScorecard } from './service-encounter.js';

/**
 * A programme of two cards, every expected figure worked out by hand below:
 * desk (sections by points, a critical failure zeroes the visit) and phone (sections weighted
 * greeting 1 : service 3, a critical failure only flags it); both pass at 75 %.
 */
const SOLVE = { options: { solved: 4, partly: 2, not: 0 } } as const;
const desk: ScorecardDefinition = {
  id: 'desk',
  passThreshold: 75,
  criticalPolicy: 'zero',
  sections: [
    { id: 'greeting', criteria: [{ id: 'smile', answer: 'yes-no', points: 2 }, { id: 'name', answer: 'yes-no' }] },
    { id: 'service', criteria: [{ id: 'solve', answer: SOLVE, critical: true }, { id: 'extra', answer: { scale: { min: 1, max: 5 } }, points: 2, bonus: true }] },
  ],
};
const phone: ScorecardDefinition = {
  id: 'phone',
  passThreshold: 75,
  sections: [
    { id: 'greeting', weight: 1, criteria: [{ id: 'smile', answer: 'yes-no', points: 2 }] },
    { id: 'service', weight: 3, criteria: [{ id: 'solve', answer: SOLVE, critical: true }, { id: 'wait', answer: { scale: { min: 1, max: 5 } }, points: 4 }] },
  ],
};
const visit = (id: string, location: string, month: string, kind: 'desk' | 'phone', answers: Visit['answers']): Visit => ({ id, location, month, kind, answers });
const visits: Visit[] = [
  // desk: greeting 2/3, service 4 + ½·2 bonus = 5 of 4 → 7 of 7 = 100, passed.
  visit('N1', 'north', '2026-10', 'desk', { smile: 'yes', name: 'no', solve: 'solved', extra: 3 }),
  // phone: greeting 0/2 = 0 %, service 2 + 4 = 6/8 = 75 % → (1·0 + 3·75)/4 = 56.25; 6 of 10; failed.
  visit('N2', 'north', '2026-10', 'phone', { smile: 'no', solve: 'partly', wait: 5 }),
  // desk: solve "not" fails the critical criterion: zeroed, 0 of 2 + 4 = 6; failed.
  visit('N3', 'north', '2026-11', 'desk', { smile: 'yes', name: 'n/a', solve: 'not', extra: 1 }),
  // phone: greeting 2/2, service 4 + 2 = 6/8 → (100 + 3·75)/4 = 81.25; 8 of 10; passed.
  visit('N4', 'north', '2026-11', 'phone', { smile: 'yes', solve: 'solved', wait: 3 }),
  // phone: wait N/A: greeting 2/2, service 4/4 → 100; 6 of 6; passed.
  visit('N5', 'north', '2026-11', 'phone', { smile: 'yes', solve: 'solved', wait: 'n/a' }),
  // desk: greeting 1/3, service 2 + 2 = 4/4 → 5 of 7 = 71.43; failed.
  visit('S1', 'south', '2026-10', 'desk', { smile: 'no', name: 'yes', solve: 'partly', extra: 5 }),
  // desk: 3/3 and 4/4 (extra N/A) → 7 of 7 = 100; passed.
  visit('S2', 'south', '2026-11', 'desk', { smile: 'yes', name: 'yes', solve: 'solved', extra: 'n/a' }),
  // phone: greeting 2/2, service 2 + 3 = 5/8 → (100 + 3·62.5)/4 = 71.875; 7 of 10; failed.
  visit('S3', 'south', '2026-10', 'phone', { smile: 'yes', solve: 'partly', wait: 4 }),
  // phone: greeting 0/2, service 4 + 1 = 5/8 → (0 + 3·62.5)/4 = 46.875; 5 of 10; failed.
  visit('S4', 'south', '2026-11', 'phone', { smile: 'no', solve: 'solved', wait: 2 }),
];
const options = { card: 'kind', by: 'location', wave: 'month' } as const;

describe('scorecardReport: a programme of several cards', () => {
  const report = scorecardReport({ desk, phone }, visits, options);
  const north = report.groups[0]!;
  const south = report.groups[1]!;

  it('scores each visit on its own card (the same as scoreVisit)', () => {
    const expected = [100, 56.25, 0, 81.25, 100, (5 / 7) * 100, 100, 71.875, 46.875];
    report.visits.forEach((scored, v) => {
      expect(scored.score).toBeCloseTo(expected[v]!, 12);
      const own = scoreVisit(visits[v]!['kind'] === 'desk' ? desk : phone, visits[v]!);
      expect(scored.score).toBe(own.score);
      expect(scored.card).toBe(visits[v]!['kind']);
    });
    expect(report.cards).toEqual([
      { key: 'desk', id: 'desk', label: 'desk', visits: 4 },
      { key: 'phone', id: 'phone', label: 'phone', visits: 5 },
    ]);
    expect(report.card).toBe('desk, phone');
  });

  it('pools a group over its cards: each card pooled as it defines, weighted by its points possible', () => {
    // north, desk (by points): N1 2 of 3 and 5 of 4; N3 is zeroed, so its 2 + 0 earned count 0
    // of its 2 + 4 possible → (2 + 5)/(3 + 4 + 2 + 4) = 7/13.
    // north, phone (weighted): greeting 4/6 = 66.67 %, service 16/20 = 80 % → (66.67 + 240)/4 = 76.67.
    // Cards weighted by points possible, 13 and 26: (700 + 76.667·26)/39.
    expect(north.score).toBeCloseTo((700 + (230 / 3) * 26) / 39, 10);
    expect(north).toMatchObject({ visits: 5, scoredVisits: 5, earned: 27, possible: 39, visitsPerCard: [{ card: 'desk', visits: 2 }, { card: 'phone', visits: 3 }] });
    expect(north.meanVisitScore).toBeCloseTo((100 + 56.25 + 0 + 81.25 + 100) / 5, 12);
    expect(north.passRate).toBeCloseTo(60, 12); // N1, N4, N5
    expect(north.criticalFailureRate).toBeCloseTo(20, 12); // N3
    // south, desk: greeting 1 + 3 of 6, service 4 + 4 of 8 → 12/14; phone: greeting 2/4, service 10/16 → (50 + 187.5)/4.
    expect(south.score).toBeCloseTo((1200 + 59.375 * 20) / 34, 10);
    expect([north.rank, south.rank]).toEqual([2, 1]); // 69.06 below 70.22
  });

  it('merges sections and criteria by id over the cards', () => {
    // smile is on both cards (2 points): yes, no, yes, yes, yes in north → 8 of 10.
    const smile = north.criteria.find((criterion) => criterion.id === 'smile')!;
    expect(smile).toMatchObject({ visits: 5, answered: 5, earned: 8, full: 10, achievement: 80 });
    expect(north.criteria.filter((criterion) => criterion.id === 'smile')).toHaveLength(1);
    // name is on the desk card only: no in N1, N/A in N3.
    expect(north.criteria.find((criterion) => criterion.id === 'name')).toMatchObject({ visits: 2, answered: 1, notApplicable: 1, earned: 0, full: 1, achievement: 0, notApplicableRate: 50 });
    expect(north.criteria.map((criterion) => criterion.id)).toEqual(['smile', 'name', 'solve', 'extra', 'wait']);
    // greeting: desk 2 + 2 of 3 + 2, phone 0 + 2 + 2 of 6 → 8/11; service (never zeroed here): desk 5 + 0 of 8, phone 16 of 20.
    const [greeting, service] = north.sections;
    expect(greeting).toMatchObject({ id: 'greeting', visits: 5, earned: 8, possible: 11 });
    expect(greeting!.achievement).toBeCloseTo((8 / 11) * 100, 12);
    expect(service).toMatchObject({ id: 'service', earned: 21, possible: 28, achievement: 75 });
  });

  it('gives each group per wave, with a jackknife standard error and the change from the wave before', () => {
    expect(report.waves).toEqual(['2026-10', '2026-11']);
    const [october, november] = north.waves!;
    // October: desk N1 100 (7 possible), phone N2 56.25 (10) → (700 + 562.5)/17.
    expect(october!.score).toBeCloseTo(1262.5 / 17, 10);
    // Jackknife of two visits: leave N1 out → 56.25, leave N2 out → 100; v = ½·2·21.875² → SE 21.875.
    expect(october!.standardError).toBeCloseTo(21.875, 10);
    // November: desk N3 0 (6), phone N4 + N5: greeting 4/4, service 10/12 → (100 + 250)/4 = 87.5 (16) → 1400/22.
    expect(november!.score).toBeCloseTo(1400 / 22, 10);
    // Leave out N3 → 87.5; N4 → (0 + 100·6)/12 = 50; N5 → (0 + 81.25·10)/16 = 50.78125.
    const leaveOut = [87.5, 50, 50.78125];
    const mean = (87.5 + 50 + 50.78125) / 3;
    const variance = (2 / 3) * leaveOut.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    expect(november!.standardError).toBeCloseTo(Math.sqrt(variance), 10);
    // The change and Welch's degrees of freedom: (v₁ + v₂)² / (v₁²/(3 − 1) + v₂²/(2 − 1)).
    const change = november!.change!;
    expect(change.difference).toBeCloseTo(1400 / 22 - 1262.5 / 17, 10);
    expect(change.standardError).toBeCloseTo(Math.sqrt(variance + 21.875 ** 2), 10);
    expect(change.df).toBeCloseTo((variance + 21.875 ** 2) ** 2 / (variance ** 2 / 2 + 21.875 ** 4), 10);
    expect(october!.change).toBeNull();
    expect(november).toMatchObject({ visits: 3, visitsPerCard: [{ card: 'desk', visits: 1 }, { card: 'phone', visits: 2 }] });
  });

  it("adjusts one wave change's tests across the groups (Holm), and the total's alone", () => {
    const northChange = north.waves![1]!.change!;
    const southChange = south.waves![1]!.change!;
    const [smaller, larger] = [northChange.pValue!, southChange.pValue!].sort((a, b) => a - b);
    // Holm over two tests: the smaller p doubled, the larger max(its own, that).
    const adjusted = [Math.min(1, 2 * smaller!), Math.min(1, Math.max(2 * smaller!, larger!))];
    expect([northChange.adjustedPValue, southChange.adjustedPValue].sort((a, b) => a! - b!)).toEqual(adjusted);
    expect(report.adjust).toBe('holm');
    const totalChange = report.total.waves![1]!.change!;
    expect(totalChange.adjustedPValue).toBe(totalChange.pValue);
    const alone = scorecardReport({ desk, phone }, visits, { ...options, adjust: 'none' });
    expect(alone.groups[0]!.waves![1]!.change!.adjustedPValue).toBe(northChange.pValue);
  });

  it('a group without visits in a wave has an empty figure there, and no test either side', () => {
    const onlyOctober = scorecardReport({ desk, phone }, [...visits, visit('E1', 'east', '2026-10', 'desk', { smile: 'yes', name: 'yes', solve: 'solved' })], options);
    const east = onlyOctober.groups[2]!;
    expect(east.waves!.map((wave) => [wave.wave, wave.visits, wave.score])).toEqual([
      ['2026-10', 1, 100],
      ['2026-11', 0, null],
    ]);
    expect(east.waves![1]!.change).toMatchObject({ difference: null, pValue: null, df: null });
  });
});

describe('scorecardReport: the jackknife standard error', () => {
  it('with equal points possible per visit it is s/√n of the visit scores', () => {
    // Three visits of 10 points: 8, 5, 9 → 80, 50, 90; s² = (6.67² + 23.33² + 16.67²)/2 = 433.33 → s/√3 = 12.019.
    const card = defineScorecard({ id: 'c', sections: [{ id: 's', criteria: [{ id: 'q', answer: { scale: { min: 0, max: 10 } }, points: 10 }] }] });
    const report = scorecardReport(card, [8, 5, 9].map((q) => ({ answers: { q } })));
    const mean = (80 + 50 + 90) / 3;
    const s2 = ((80 - mean) ** 2 + (50 - mean) ** 2 + (90 - mean) ** 2) / 2;
    expect(report.total.standardError).toBeCloseTo(Math.sqrt(s2 / 3), 10);
    expect(report.total.interval).toMatchObject({ method: 't', level: 0.95 });
    // R: qt(0.975, 2) = 4.30265272974946
    expect(report.total.interval!.lower).toBeCloseTo(mean - 4.30265272974946 * Math.sqrt(s2 / 3), 8);
    expect(report.total.interval!.upper).toBe(100);
    expect(scorecardReport(card, [{ answers: { q: 3 } }]).total.standardError).toBeNull();
  });
});

describe('scorecardReport: programme input errors', () => {
  it('names the visit whose card is unknown or missing, and the wave it lacks', () => {
    const bad = [
      visit('X1', 'north', '2026-10', 'kiosk' as 'desk', { smile: 'yes' }),
      { id: 'X2', location: 'north', month: '2026-10', answers: { smile: 'yes' } },
      { id: 'X3', location: 'north', kind: 'phone', month: new Date(), answers: { smile: 'yes', solve: 'solved', wait: 3 } },
    ];
    expect(issuesOf(() => scorecardReport({ desk, phone }, bad as Visit[], options))).toEqual([
      { code: 'unknown_card', path: [0, 'kind'] },
      { code: 'unknown_field', path: [1, 'kind'] },
      { code: 'invalid_type', path: [2, 'month'] },
    ]);
    expect(() => scorecardReport({ desk, phone }, bad.slice(0, 1) as Visit[], options)).toThrow(/visit 0 names the card "kiosk", which is not one of "desk", "phone"/);
  });

  it('asks for card with several cards, refuses it with one, and checks every card', () => {
    expect(issuesOf(() => scorecardReport({ desk, phone }, visits, { by: 'location' }))).toEqual([{ code: 'invalid_option', path: ['card'] }]);
    expect(issuesOf(() => scorecardReport(desk, visits, { card: 'kind' }))).toEqual([{ code: 'invalid_option', path: ['card'] }]);
    expect(issuesOf(() => scorecardReport({}, visits, { card: 'kind' }))).toEqual([{ code: 'invalid_option', path: ['cards'] }]);
    expect(issuesOf(() => scorecardReport({ desk, broken: { id: 'b', sections: [] } }, visits, { card: 'kind' }))[0]!.path.slice(0, 2)).toEqual(['cards', 'broken']);
  });

  it('the five service-encounter cards as one programme', () => {
    const cards = Object.fromEntries(['service-order', 'complaint'].map((situation) => [situation, serviceEncounterScorecard(situation as 'complaint')]));
    const answers = { 'first-impression': 5, 'tone-of-voice': 5, 'response-script': 'yes', listening: 5, 'professional-skill': 5, resolution: 'resolved', 'closing-greeting': 'yes' };
    const report = scorecardReport(cards, [{ situation: 'complaint', answers }, { situation: 'service-order', answers }], { card: 'situation' });
    expect(report.total.score).toBe(100);
    expect(report.cards.map((card) => card.id)).toEqual(['service-encounter/service-order', 'service-encounter/complaint']);
  });
});
