import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { followUps } from './follow-ups.js';

const rows = [
  { id: 'r1', nps: 10, csat: 5, ces: 7, comment: '' },
  { id: 'r2', nps: 6, csat: 3, ces: 6, comment: '' },
  { id: 'r3', nps: 8, csat: 2, ces: 2, comment: 'call me' },
  { id: 'r4', nps: null, csat: 1, ces: null, comment: '' },
  { id: 'r5', nps: 7, csat: 4, ces: 4, comment: 'please call' },
];

describe('followUps', () => {
  it('default rules: NPS 0–6, CSAT 1–2, CES difficult 1–3; in row order with every reason', () => {
    const list = followUps(rows, { id: 'id', nps: 'nps', csat: 'csat', ces: 'ces' });
    expect(list.contacts.map((contact) => [contact.id, contact.row, contact.reasons])).toEqual([
      ['r2', 1, ['NPS 6: detractor (0–6)']],
      ['r3', 2, ['CSAT 2: dissatisfied (1–2)', 'CES 2: difficult (1–3)']],
      ['r4', 3, ['CSAT 1: dissatisfied (1–2)']],
    ]);
    expect(list.contacts[1]!.answers).toEqual({ nps: 8, csat: 2, ces: 2 });
    expect(list.rows).toBe(5);
  });

  it('rules of your own: other points, other bands, custom predicates', () => {
    const list = followUps(rows, {
      id: 'id',
      nps: { field: 'nps', bands: { detractorMax: 7 } },
      csat: 'csat',
      rules: { csat: [1], custom: [{ reason: 'asked to be called', when: (row) => row.comment.includes('call') }] },
    });
    expect(list.contacts.map((contact) => [contact.id, contact.reasons])).toEqual([
      ['r2', ['NPS 6: detractor (0–7)']],
      ['r3', ['asked to be called']],
      ['r4', ['CSAT 1: flagged (1)']],
      ['r5', ['NPS 7: detractor (0–7)', 'asked to be called']],
    ]);
  });

  it('CES 1.0: the difficult points are the high ones', () => {
    const list = followUps([{ id: 1, e: 5 }, { id: 2, e: 1 }], { id: 'id', ces: { field: 'e', scale: { min: 1, max: 5 }, orientation: 'lower-is-easier' } });
    expect(list.contacts.map((contact) => [contact.id, contact.reasons])).toEqual([[1, ['CES 5: difficult (4–5)']]]);
  });

  it('skipped invalid answers are counted and listed', () => {
    const list = followUps([{ id: 'x', nps: 12 }, { id: 'y', nps: 2 }], { id: 'id', nps: 'nps', invalid: 'skip' });
    expect(list.contacts.map((contact) => contact.id)).toEqual(['y']);
    expect(list).toMatchObject({ invalid: 1, rejected: [{ index: 0, value: '12', code: 'out_of_range' }] });
  });

  it('a row that is not an object: an error, or under skip left out once per metric and listed', () => {
    const mixed = [{ id: 'x', nps: 3, csat: 1 }, null, { id: 'y', nps: 9, csat: 5 }] as unknown as { id: string; nps: number; csat: number }[];
    expect(issuesOf(() => followUps(mixed, { id: 'id', nps: 'nps' }))).toEqual([{ code: 'invalid_type', path: [1] }]);
    const list = followUps(mixed, { id: 'id', nps: 'nps', csat: 'csat', invalid: 'skip' });
    expect(list.contacts.map((contact) => contact.id)).toEqual(['x']);
    expect(list).toMatchObject({ rows: 3, invalid: 2, rejected: [{ index: 1, value: 'null', code: 'invalid_type' }, { index: 1, code: 'invalid_type' }] });
    // Only custom rules: the row still counts once.
    const custom = followUps(mixed, { id: 'id', invalid: 'skip', rules: { custom: [{ reason: 'low', when: (row) => row.nps < 5 }] } });
    expect(custom).toMatchObject({ contacts: [{ id: 'x', reasons: ['low'] }], invalid: 1, rejected: [{ index: 1 }] });
  });
});

describe('followUps: bad input', () => {
  it('duplicate and missing ids name the rows', () => {
    expect(issuesOf(() => followUps([{ id: 'a', nps: 1 }, { id: 'b', nps: 1 }, { id: 'a', nps: 1 }, { id: null, nps: 1 }], { id: 'id', nps: 'nps' }))).toEqual([
      { code: 'duplicate_id', path: [2, 'id'] },
      { code: 'invalid_type', path: [3, 'id'] },
    ]);
    expect(() => followUps([{ id: 'a', nps: 1 }, { id: 'a', nps: 1 }], { id: 'id', nps: 'nps' })).toThrow(/"a" is also the id of row 0/);
    expect(issuesOf(() => followUps([{ id: Number.NaN, nps: 1 }, { id: '', nps: 1 }, { id: Infinity, nps: 1 }], { id: 'id', nps: 'nps' }))).toEqual([
      { code: 'invalid_type', path: [0, 'id'] },
      { code: 'invalid_type', path: [1, 'id'] },
      { code: 'invalid_type', path: [2, 'id'] },
    ]);
  });

  it('invalid answers, unknown fields, trigger points off the scale, nothing to check', () => {
    expect(issuesOf(() => followUps([{ id: 'a', csat: 0 }], { id: 'id', csat: 'csat' }))).toEqual([{ code: 'out_of_range', path: [0, 'csat'] }]);
    expect(issuesOf(() => followUps(rows, { id: 'key', nps: 'nps' }))).toEqual([{ code: 'unknown_field', path: ['id'] }]);
    expect(issuesOf(() => followUps(rows, { id: 'id', csat: 'csat', rules: { csat: [6] } }))).toEqual([{ code: 'invalid_option', path: ['rules', 'csat', 0] }]);
    expect(issuesOf(() => followUps(rows, { id: 'id' }))).toEqual([{ code: 'invalid_option', path: [] }]);
  });
});
