/**
 * Where a user's value becomes a group key or a field name (issue 20, items 1, 6 and 10):
 * look-alike text, dates as objects, and names every JavaScript object answers to. Each case
 * split, merged or misread groups before its fix.
 */
import { describe, expect, it } from 'vitest';
import { defineJourney, journeyReport, scorecardReport, summarize } from '../src/index.js';
import { issuesOf } from './validation.js';

describe('group text is compared after NFC normalisation and trimming', () => {
  it('"Müller" typed (NFC) and pasted (NFD), and "Helsinki " with a trailing space, are the groups they look like (they were four)', () => {
    const rows = [
      { city: 'M\u00fcller', q: 10 },
      { city: 'Mu\u0308ller', q: 0 },
      { city: 'Helsinki ', q: 9 },
      { city: '\u00a0Helsinki', q: 9 },
    ];
    const summary = summarize(rows, { by: 'city', nps: 'q' });
    // Müller: one promoter, one detractor → 0; Helsinki: two promoters → 100.
    expect(summary.groups.map((group) => [group.key, group.nps.n, group.nps.score])).toEqual([
      ['Müller', 2, 0],
      ['Helsinki', 2, 100],
    ]);
  });

  it('in tuples too, part by part', () => {
    const rows = [
      { region: 'Uusimaa', city: 'Espoo', q: 10 },
      { region: 'Uusimaa ', city: 'Espoo', q: 10 },
      { region: 'Uusimaa', city: 'Espoo ', q: 0 },
    ];
    expect(summarize(rows, { by: ['region', 'city'], nps: 'q' }).groups.map((group) => [group.key, group.rows])).toEqual([[['Uusimaa', 'Espoo'], 3]]);
  });

  it('dates as Date objects group by their instant, and the first one is the key', () => {
    const rows = ['2026-03-01', '2026-03-01', '2026-03-02'].map((day, i) => ({ day: new Date(`${day}T00:00:00Z`), q: i * 5 }));
    expect(summarize(rows, { by: 'day', nps: 'q' }).groups.map((group) => group.rows)).toEqual([2, 1]);
  });

  it('a bigint that fits is the number: 7n and 7 are one store', () => {
    expect(summarize([{ store: 7n, q: 9 }, { store: 7, q: 9 }], { by: 'store', nps: 'q' }).groups).toHaveLength(1);
  });

  it('a plain object is compared by content; a function is refused naming the row and field', () => {
    const interval = (days: number) => ({ months: 0, days, micros: 0n });
    expect(summarize([{ g: interval(1), q: 9 }, { g: interval(1), q: 9 }, { g: interval(2), q: 9 }], { by: 'g', nps: 'q' }).groups.map((group) => group.rows)).toEqual([2, 1]);
    expect(issuesOf(() => summarize([{ g: 'a', q: 9 }, { g: () => 1, q: 9 }], { by: 'g', nps: 'q' }))).toEqual([{ code: 'invalid_type', path: [1, 'g'] }]);
  });

  it('journey stages and touchpoints match their ids as group text', () => {
    const journey = defineJourney({ stages: [{ id: 'purchase', touchpoints: [{ id: 'web shop' }] }, { id: 'aftercare' }] });
    const rows = [
      { stage: 'purchase ', touchpoint: 'web\u00a0shop'.replace('\u00a0', ' '), q: 10 },
      { stage: 'aftercare', q: 0 },
    ];
    const report = journeyReport(rows, journey, { stage: 'stage', touchpoint: 'touchpoint', nps: 'q' });
    expect(report.unmapped.rows).toBe(0);
    expect(report.stages[0]!.touchpoints[0]!.nps!.n).toBe(1);
    expect(issuesOf(() => defineJourney({ stages: [{ id: 'a' }, { id: 'a ' }] }))).toEqual([{ code: 'invalid_option', path: ['stages', 1, 'id'] }]);
  });
});

describe('names every object answers to are fields like any other', () => {
  it('a field "constructor" no row has is a typo, not the group "function Object()"', () => {
    expect(issuesOf(() => summarize([{ q: 9 }, { q: 3 }], { by: 'constructor', nps: 'q' }))).toEqual([{ code: 'unknown_field', path: ['by'] }]);
    expect(issuesOf(() => summarize([{ q: 9 }], { nps: 'valueOf' }))).toEqual([{ code: 'unknown_field', path: ['nps'] }]);
  });

  it('rows that have "toString", "constructor" and "__proto__" fields group by them (JSON.parse makes "__proto__" an own field)', () => {
    const rows = JSON.parse('[{"__proto__":"north","toString":"a","constructor":"x","q":10},{"__proto__":"south","toString":"b","constructor":"x","q":0}]') as object[];
    for (const field of ['__proto__', 'toString']) {
      expect(summarize(rows, { by: field, nps: 'q' }).groups.map((group) => [group.key, group.nps.score])).toEqual([
        [field === 'toString' ? 'a' : 'north', 100],
        [field === 'toString' ? 'b' : 'south', -100],
      ]);
    }
    expect(summarize(rows, { by: 'constructor', nps: 'q' }).groups.map((group) => group.key)).toEqual(['x']);
  });

  it('a getter of a class of the user\'s is a field; Object.prototype is not', () => {
    class Answer {
      constructor(readonly q: number) {}
      get constructorName(): string {
        return 'answer';
      }
    }
    expect(summarize([new Answer(10)], { by: 'constructorName', nps: 'q' }).groups[0]!.key).toBe('answer');
  });

  it('scorecards: a visit field "constructor" the visits lack is named, not Object\'s function taken as the group', () => {
    const card = { id: 'c', sections: [{ id: 's', criteria: [{ id: 'greeted', answer: 'yes-no' as const }] }] };
    expect(issuesOf(() => scorecardReport(card, [{ answers: { greeted: 'yes' } }], { by: 'constructor' }))).toEqual([{ code: 'unknown_field', path: [0, 'constructor'] }]);
  });

  it('scorecards: a critical criterion with the id "__proto__" counts (answers from JSON)', () => {
    const card = { id: 'c', sections: [{ id: 's', criteria: [{ id: '__proto__', answer: 'yes-no' as const, critical: true }, { id: 'smile', answer: 'yes-no' as const }] }] };
    const visits = [{ store: 'a', answers: JSON.parse('{"__proto__":"no","smile":"yes"}') as Record<string, unknown> }];
    const report = scorecardReport(card, visits, { by: 'store' });
    // 1 of 2 points, and the failed critical criterion fails the visit.
    expect([report.groups[0]!.score, report.groups[0]!.passRate]).toEqual([50, 0]);
  });
});
