import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { defineScorecard, type ScorecardDefinition } from './define-scorecard.js';
import { scoreVisit, type Visit } from './score-visit.js';
import { scorecardReport } from './scorecard-report.js';

// Section A: a1 yes/no 2 pts · a2 scale 1–5, 4 pts · a3 options great 3 / ok 1 / poor 0 (3 pts).
// Section B: b1 yes/no 1 pt, critical · b2 yes/no 2 pts, bonus · b3 yes/no 1 pt, required.
const definition: ScorecardDefinition = {
  id: 'branch',
  passThreshold: 75,
  sections: [
    {
      id: 'A',
      criteria: [
        { id: 'a1', answer: 'yes-no', points: 2 },
        { id: 'a2', answer: { scale: { min: 1, max: 5 } }, points: 4 },
        { id: 'a3', answer: { options: { great: 3, ok: 1, poor: 0 } } },
      ],
    },
    {
      id: 'B',
      criteria: [
        { id: 'b1', answer: 'yes-no', critical: true },
        { id: 'b2', answer: 'yes-no', points: 2, bonus: true },
        { id: 'b3', answer: 'yes-no', required: true },
      ],
    },
  ],
};
const card = defineScorecard(definition);
const weightedCard = defineScorecard({ ...definition, sections: [{ ...definition.sections[0]!, weight: 3 }, { ...definition.sections[1]!, weight: 1 }] });

// earned 2 + 4·(4−1)/4 + 1 + 1 + 2 (bonus) + 1 = 10 of 2 + 4 + 3 + 1 + 0 + 1 = 11.
const good: Visit = { id: 'v1', answers: { a1: 'yes', a2: 4, a3: 'ok', b1: true, b2: 'yes', b3: 'yes' } };
// earned 4·(2−1)/4 + 1 + 0 = 2 of 4 + 1 + 1 = 6; a1, a3 N/A; b2 unanswered (optional).
const sparse: Visit = { id: 'v2', answers: { a1: 'n/a', a2: 2, a3: 'n/a', b1: 'yes', b3: 'no' } };
// earned 2 + 4 + 3 + 0 + 0 + 1 = 10 of 11, but the critical b1 failed.
const critical: Visit = { id: 'v3', answers: { a1: 'yes', a2: 5, a3: 'great', b1: 'no', b2: 'no', b3: 'yes' } };

describe('scoreVisit', () => {
  it('earned / possible with scale shares, options and a bonus', () => {
    const result = scoreVisit(card, good);
    expect(result.earned).toBeCloseTo(10, 12);
    expect(result.possible).toBe(11);
    expect(result.score).toBeCloseTo((10 / 11) * 100, 12);
    expect(result.passed).toBe(true);
    expect(result.sections.map((section) => [section.earned, section.possible])).toEqual([
      [6, 9],
      [4, 2],
    ]);
    expect(result.sections[1]!.score).toBe(100); // 4 of 2 with the bonus: capped
  });

  it('N/A and unanswered optional criteria count 0 of 0 and are listed', () => {
    const result = scoreVisit(card, sparse);
    expect(result.earned).toBeCloseTo(2, 12);
    expect(result.possible).toBe(6);
    expect(result.score).toBeCloseTo((2 / 6) * 100, 12);
    expect(result.passed).toBe(false); // 33.3 < 75
    expect(result.notApplicable).toEqual(['a1', 'a3']);
    expect(result.unanswered).toEqual(['b2']);
    expect(result.visitId).toBe('v2');
  });

  it("a failed critical criterion: 'flag' keeps the score and fails, 'zero' also zeroes it", () => {
    const flagged = scoreVisit(card, critical);
    expect(flagged).toMatchObject({ passed: false, criticalFailures: ['b1'] });
    expect(flagged.score).toBeCloseTo((10 / 11) * 100, 12);
    const zeroed = scoreVisit({ ...card, criticalPolicy: 'zero' }, critical);
    expect(zeroed).toMatchObject({ score: 0, earned: 0, possible: 11, passed: false, criticalFailures: ['b1'] });
  });

  it('bonus points never lift a score above 100', () => {
    // a1 2/2, a2 and a3 N/A, b1 1/1, b2 +2, b3 1/1: 6 of 4 → 100.
    const result = scoreVisit(card, { answers: { a1: 'yes', a2: 'n/a', a3: 'n/a', b1: 'yes', b2: 'yes', b3: 'yes' } });
    expect(result.earned).toBe(6);
    expect(result.possible).toBe(4);
    expect(result.score).toBe(100);
  });

  it('a visit where nothing applies scores null and neither passes nor fails', () => {
    const allNa = Object.fromEntries(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => [id, 'n/a']));
    expect(scoreVisit(card, { answers: allNa })).toMatchObject({ score: null, passed: null, earned: 0, possible: 0 });
  });

  it("an unanswered required criterion is an error, or 0 of its points with unanswered: 'zero'", () => {
    const answers = { a1: 'yes', a2: 4, a3: 'ok', b1: 'yes' };
    expect(issuesOf(() => scoreVisit(card, { answers }))).toEqual([{ code: 'unanswered', path: ['answers', 'b3'] }]);
    // 2 + 3 + 1 + 1 + 0 (b3) = 7 of 2 + 4 + 3 + 1 + 1 = 11.
    const result = scoreVisit(card, { answers }, { unanswered: 'zero' });
    expect(result.earned).toBeCloseTo(7, 12);
    expect(result.possible).toBe(11);
    expect(result.unanswered).toEqual(['b2', 'b3']);
  });

  it('section weights rescale over the sections that apply', () => {
    // good: A 6 of 9 = 66.667, B 4 of 2 → 100; (3 × 66.667 + 1 × 100) / 4 = 75.
    expect(scoreVisit(weightedCard, good).score).toBeCloseTo(75, 12);
    // sparse: A 1 of 4 = 25, B 1 of 2 = 50; (3 × 25 + 50) / 4 = 31.25.
    expect(scoreVisit(weightedCard, sparse).score).toBeCloseTo(31.25, 12);
    // A does not apply: B alone, 2 of 2 = 100.
    expect(scoreVisit(weightedCard, { answers: { a1: 'n/a', a2: 'n/a', a3: 'n/a', b1: 'yes', b3: 'yes' } }).score).toBe(100);
  });

  it('a score exactly at the threshold passes despite binary rounding', () => {
    // 57 of 100 points is 56.99999999999999 % in binary.
    const hundred = defineScorecard({ id: 'x', passThreshold: 57, sections: [{ id: 's', criteria: [{ id: 'c', answer: { scale: { min: 0, max: 100 } }, points: 100 }] }] });
    expect(scoreVisit(hundred, { answers: { c: 57 } }).passed).toBe(true);
    expect(scoreVisit(hundred, { answers: { c: 56 } }).passed).toBe(false);
  });
});

describe('scoreVisit: bad visits name the visit and the criterion', () => {
  it('unknown criterion, scale answer out of range, option that does not exist, wrong kind of answer', () => {
    const answers = { a1: 'maybe', a2: 6, a3: 'superb', b1: 'yes', b3: 'yes', b9: 'yes' };
    expect(issuesOf(() => scoreVisit(card, { id: 'v7', answers }))).toEqual([
      { code: 'unknown_criterion', path: ['answers', 'b9'] },
      { code: 'invalid_type', path: ['answers', 'a1'] },
      { code: 'out_of_range', path: ['answers', 'a2'] },
      { code: 'unknown_option', path: ['answers', 'a3'] },
    ]);
    expect(() => scoreVisit(card, { id: 'v7', answers: { ...answers, a1: 'yes', a2: 4, b9: undefined } })).toThrow(
      /visit "v7", criterion "a3": expected one of "great", "ok", "poor" or "n\/a", got "superb"/,
    );
    expect(issuesOf(() => scoreVisit(card, { answers: { ...good.answers, a2: 3.5 } }))).toEqual([{ code: 'not_integer', path: ['answers', 'a2'] }]);
    expect(issuesOf(() => scoreVisit(card, null as unknown as Visit))).toEqual([{ code: 'invalid_type', path: [] }]);
    expect(issuesOf(() => scoreVisit(card, { answers: ['yes'] } as unknown as Visit))).toEqual([{ code: 'invalid_type', path: ['answers'] }]);
  });
});

describe('defineScorecard: each mistake gets its own error', () => {
  const section = (criteria: ScorecardDefinition['sections'][number]['criteria'], id = 's') => ({ id, criteria });
  const yes = (id: string) => ({ id, answer: 'yes-no' as const });

  it.each([
    ['duplicate section ids', { id: 'x', sections: [section([yes('a')]), section([yes('b')])] }, ['sections', 1, 'id']],
    ['duplicate criterion ids across sections', { id: 'x', sections: [section([yes('a')]), section([yes('a')], 't')] }, ['sections', 1, 'criteria', 0, 'id']],
    ['negative points', { id: 'x', sections: [section([{ ...yes('a'), points: -1 }])] }, ['sections', 0, 'criteria', 0, 'points']],
    ['negative section weight', { id: 'x', sections: [{ ...section([yes('a')]), weight: -2 }] }, ['sections', 0, 'weight']],
    ['weights on some sections only', { id: 'x', sections: [{ ...section([yes('a')]), weight: 2 }, section([yes('b')], 't')] }, ['sections', 1, 'weight']],
    ['an option worth more than the criterion', { id: 'x', sections: [section([{ id: 'a', points: 2, answer: { options: { top: 3 } } }])] }, ['sections', 0, 'criteria', 0, 'points']],
    ['"n/a" as an option label', { id: 'x', sections: [section([{ id: 'a', answer: { options: { 'n/a': 0, ok: 1 } } }])] }, ['sections', 0, 'criteria', 0, 'answer', 'options', 'n/a']],
    ['a critical bonus', { id: 'x', sections: [section([{ ...yes('a'), bonus: true, critical: true }])] }, ['sections', 0, 'criteria', 0, 'critical']],
    ['a section without criteria', { id: 'x', sections: [section([])] }, ['sections', 0, 'criteria']],
    ['a pass threshold above 100', { id: 'x', passThreshold: 120, sections: [section([yes('a')])] }, ['passThreshold']],
    ['an unknown key', { id: 'x', sections: [section([{ ...yes('a'), weight: 2 } as never])] }, ['sections', 0, 'criteria', 0, 'weight']],
  ])('%s', (_, bad, path) => {
    expect(issuesOf(() => defineScorecard(bad as ScorecardDefinition))).toEqual([{ code: 'invalid_option', path }]);
  });

  it('a defined card defines to itself', () => {
    expect(defineScorecard(card)).toEqual(card);
    expect(defineScorecard(weightedCard)).toEqual(weightedCard);
  });
});

describe('scorecardReport', () => {
  const visits = [
    { ...good, location: 'X' },
    { ...critical, location: 'Y' },
    { ...sparse, location: 'X' },
    { ...good, id: 'v4', location: 'Z' },
  ];

  it('pooled score is Σ earned / Σ possible, not the mean of visit scores', () => {
    const report = scorecardReport(card, visits, { by: 'location' });
    expect(report.groups.map((group) => group.key)).toEqual(['X', 'Y', 'Z']);
    const x = report.groups[0]!;
    // X: (10 + 2) / (11 + 6) = 70.588 pooled; (90.909 + 33.333) / 2 = 62.121 mean of visits.
    expect(x.score).toBeCloseTo((12 / 17) * 100, 12);
    expect(x.meanVisitScore).toBeCloseTo(((10 / 11) * 100 + (2 / 6) * 100) / 2, 12);
    expect(x).toMatchObject({ visits: 2, scoredVisits: 2, passRate: 50, criticalFailureRate: 0 });
    expect(report.groups[1]).toMatchObject({ passRate: 0, criticalFailureRate: 100 });
    // All four: (10 + 10 + 2 + 10) / (11 + 11 + 6 + 11) = 32 / 39.
    expect(report.total.score).toBeCloseTo((32 / 39) * 100, 12);
    expect(report.total.passRate).toBe(50);
    expect(report.visits).toHaveLength(4);
  });

  it('ties share a rank; groups under minVisits are reported but not ranked', () => {
    const report = scorecardReport(card, visits, { by: 'location' });
    // Y and Z both 10 of 11; X 12 of 17.
    expect(report.groups.map((group) => group.rank)).toEqual([3, 1, 1]);
    const strict = scorecardReport(card, visits, { by: 'location', minVisits: 2 });
    expect(strict.groups.map((group) => group.rank)).toEqual([1, null, null]);
  });

  it("under criticalPolicy 'zero' a failed visit adds 0 earned to the pool", () => {
    const report = scorecardReport({ ...card, criticalPolicy: 'zero' }, visits, { by: 'location' });
    expect(report.groups[1]!.score).toBe(0); // Y: 0 of 11
    expect(report.groups.map((group) => group.rank)).toEqual([2, 3, 1]);
  });

  it('section and criterion achievement and N/A rates', () => {
    const x = scorecardReport(card, visits, { by: 'location' }).groups[0]!;
    // Section A: 6 of 9 (good) + 1 of 4 (sparse) = 7 of 13; B: 4 of 2 + 1 of 2 = 5 of 4 → capped 100.
    expect(x.sections[0]!.achievement).toBeCloseTo((7 / 13) * 100, 12);
    expect(x.sections[1]!.achievement).toBe(100);
    const byId = Object.fromEntries(x.criteria.map((criterion) => [criterion.id, criterion]));
    expect(byId['a1']).toMatchObject({ answered: 1, notApplicable: 1, earned: 2, full: 2, achievement: 100, notApplicableRate: 50 });
    // a2: 3 of 4 + 1 of 4 = 4 of 8.
    expect(byId['a2']!.achievement).toBeCloseTo(50, 12);
    // b2 (bonus): answered yes once (2 of 2), unanswered once.
    expect(byId['b2']).toMatchObject({ answered: 1, unanswered: 1, earned: 2, full: 2, achievement: 100 });
    expect(byId['b3']).toMatchObject({ answered: 2, earned: 1, full: 2, achievement: 50 });
  });

  it('with section weights the pool is the weighted mean of pooled section scores', () => {
    // X: A (6 + 1) of (9 + 4) = 53.846; B (4 + 1) of (2 + 2) → 100; (3 × 53.846 + 100) / 4.
    const x = scorecardReport(weightedCard, visits, { by: 'location' }).groups[0]!;
    expect(x.score).toBeCloseTo((3 * ((7 / 13) * 100) + 100) / 4, 12);
  });

  it('without by: one group; with an accessor: any key, Map semantics', () => {
    expect(scorecardReport(card, visits).groups).toHaveLength(1);
    const report = scorecardReport(card, visits, { by: (visit) => (visit['location'] === 'X' ? '__proto__' : 'constructor') });
    expect(report.groups.map((group) => [group.key, group.visits])).toEqual([
      ['__proto__', 2],
      ['constructor', 2],
    ]);
  });

  it('names every bad visit by index and criterion, and a missing group field', () => {
    const bad = [good, { answers: { ...good.answers, a2: 9 } }, { answers: { ...good.answers, nope: 'yes' } }];
    expect(issuesOf(() => scorecardReport(card, bad))).toEqual([
      { code: 'out_of_range', path: [1, 'answers', 'a2'] },
      { code: 'unknown_criterion', path: [2, 'answers', 'nope'] },
    ]);
    expect(issuesOf(() => scorecardReport(card, [good], { by: 'location' }))).toEqual([{ code: 'unknown_field', path: [0, 'location'] }]);
  });

  it('does not mutate the visits', () => {
    const copy = structuredClone(visits);
    scorecardReport(card, copy, { by: 'location' });
    expect(copy).toEqual(visits);
  });
});

describe('scorecards: properties', () => {
  const answer = {
    a1: fc.constantFrom('yes', 'no', 'n/a', undefined),
    a2: fc.constantFrom(1, 2, 3, 4, 5, 'n/a', undefined),
    a3: fc.constantFrom('great', 'ok', 'poor', 'n/a', undefined),
    b1: fc.constantFrom(true, false, 'n/a', undefined),
    b2: fc.constantFrom('yes', 'no', 'n/a', undefined),
    b3: fc.constantFrom('yes', 'no', 'n/a'),
  };
  const visit = fc.record({ answers: fc.record(answer, { requiredKeys: ['b3'] }), location: fc.constantFrom('X', 'Y', 'Z') });

  it('scores stay within 0–100 (or null), weighted or not', () => {
    fc.assert(
      fc.property(visit, (v) => {
        for (const c of [card, weightedCard]) {
          const { score } = scoreVisit(c, v);
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('answering "n/a" instead of leaving an optional criterion blank changes no score', () => {
    fc.assert(
      fc.property(visit, (v) => {
        const filled = Object.fromEntries(Object.entries(v.answers).map(([id, value]) => [id, value === undefined ? 'n/a' : value]));
        expect(scoreVisit(card, { answers: filled }).score).toBe(scoreVisit(card, v).score);
      }),
    );
  });

  it('reordering visits changes no group figure', () => {
    fc.assert(
      fc.property(fc.array(visit, { minLength: 1, maxLength: 30 }), (vs) => {
        const forward = scorecardReport(card, vs, { by: 'location' });
        const backward = scorecardReport(card, vs.slice().reverse(), { by: 'location' });
        for (const group of forward.groups) {
          const other = backward.groups.find((candidate) => candidate.key === group.key)!;
          expect(other.score ?? -1).toBeCloseTo(group.score ?? -1, 9);
          expect(other.rank).toBe(group.rank);
          expect(other.passRate).toBe(group.passRate);
        }
      }),
    );
  });
});
