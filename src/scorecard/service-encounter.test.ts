import { describe, expect, it } from 'vitest';
import { scoreVisit } from './score-visit.js';
import { caught } from '../../test/validation.js';
import { SERVICE_SITUATIONS, serviceEncounterScorecard } from './service-encounter.js';

const criteriaOf = (situation: (typeof SERVICE_SITUATIONS)[number]) =>
  serviceEncounterScorecard(situation).sections.flatMap((section) => section.criteria.map((criterion) => criterion.id));

describe('serviceEncounterScorecard', () => {
  it('the eight criteria, salesmanship only where something is sold or offered', () => {
    expect(criteriaOf('purchase')).toEqual([
      'first-impression',
      'tone-of-voice',
      'response-script',
      'listening',
      'professional-skill',
      'salesmanship',
      'resolution',
      'closing-greeting',
    ]);
    expect(criteriaOf('complaint')).not.toContain('salesmanship');
    expect(criteriaOf('feedback')).not.toContain('salesmanship');
    const salesmanship = (situation: 'service-order' | 'product-order' | 'purchase') =>
      serviceEncounterScorecard(situation).sections[2]!.criteria.find((criterion) => criterion.id === 'salesmanship')!;
    expect(salesmanship('service-order')).toMatchObject({ bonus: true, points: 1 });
    expect(salesmanship('product-order')).toMatchObject({ bonus: false, points: 2 });
    expect(salesmanship('purchase')).toMatchObject({ bonus: false, points: 3 });
  });

  it.each(SERVICE_SITUATIONS)('%s: a flawless visit scores 100 and passes', (situation) => {
    const best: Record<string, unknown> = {
      'first-impression': 5,
      'tone-of-voice': 5,
      'response-script': 'yes',
      listening: 5,
      'professional-skill': 5,
      resolution: situation === 'feedback' ? 'yes' : 'resolved',
      'closing-greeting': 'yes',
    };
    if (criteriaOf(situation).includes('salesmanship')) best['salesmanship'] = 5;
    expect(scoreVisit(serviceEncounterScorecard(situation), { answers: best })).toMatchObject({ score: 100, passed: true, criticalFailures: [] });
  });

  it('a complaint handled partly: 11.75 of 16 points, below the 80 % pass mark', () => {
    // first impression 4 → 2·3/4 = 1.5; tone 5 → 2; script yes → 2; listening 3 → 2·2/4 = 1;
    // skill 4 → 3·3/4 = 2.25; resolution "partly resolved" → 2 of 4; closing yes → 1.
    // 11.75 of 2 + 2 + 2 + 2 + 3 + 4 + 1 = 16 → 73.4375 %.
    const visit = scoreVisit(serviceEncounterScorecard('complaint'), {
      answers: {
        'first-impression': 4,
        'tone-of-voice': 5,
        'response-script': 'yes',
        listening: 3,
        'professional-skill': 4,
        resolution: 'partly resolved',
        'closing-greeting': 'yes',
      },
    });
    expect(visit.earned).toBeCloseTo(11.75, 12);
    expect(visit.possible).toBe(16);
    expect(visit.score).toBeCloseTo(73.4375, 12);
    expect(visit.passed).toBe(false);
  });

  it('an unresolved complaint is a critical failure whatever the rest', () => {
    const visit = scoreVisit(serviceEncounterScorecard('complaint'), {
      answers: { 'response-script': 'yes', resolution: 'not resolved', 'closing-greeting': 'yes' },
    });
    // 2 + 0 + 1 = 3 of 2 + 4 + 1 = 7; optional criteria left blank count 0 of 0.
    expect(visit.score).toBeCloseTo((3 / 7) * 100, 12);
    expect(visit).toMatchObject({ passed: false, criticalFailures: ['resolution'] });
  });
});

describe('serviceEncounterScorecard: unknown situations', () => {
  it.each([[undefined], ['refund'], [''], ['Complaint'], [3]])('%s is refused, listing the five', (situation) => {
    const error = caught(() => serviceEncounterScorecard(situation as never));
    expect(error.issues).toEqual([
      {
        code: 'invalid_option',
        path: ['situation'],
        message: `the service-encounter template has the situations service-order, product-order, purchase, complaint, feedback; got ${situation === undefined ? 'undefined' : JSON.stringify(situation)}`,
      },
    ]);
  });
});
