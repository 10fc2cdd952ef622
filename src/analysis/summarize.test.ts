import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { mergeTallies } from '../core/merge-tallies.js';
import { summarize, summarizeStream } from './summarize.js';
import { trend } from './trend.js';

const rows = [
  { channel: 'web', region: 'north', recommend: 10, sat: 5, effort: 6, w: 2 },
  { channel: 'phone', region: 'north', recommend: 3, sat: 2, effort: 2, w: 1 },
  { channel: 'web', region: 'south', recommend: 8, sat: 4, effort: null, w: 1 },
  { channel: 'store', region: 'south', recommend: 9, sat: 3, effort: 7, w: 1 },
  { channel: 'web', region: 'north', recommend: 6, sat: null, effort: 5, w: 1 },
];

describe('summarize', () => {
  it('one tally per group and metric, groups in first-seen order, and the total', () => {
    const summary = summarize(rows, { by: 'channel', nps: 'recommend', csat: 'sat', ces: 'effort' });
    expect(summary.groups.map((group) => [group.key, group.rows])).toEqual([
      ['web', 3],
      ['phone', 1],
      ['store', 1],
    ]);
    const web = summary.groups[0]!;
    // web: 10 promoter, 8 passive, 6 detractor → 0; CSAT 5, 4 of 2 answered → 100; CES 6, 5 → mean 5.5.
    expect(web.nps!.score).toBeCloseTo(0, 12);
    expect(web.csat).toMatchObject({ score: 100, n: 2, missing: 1 });
    expect(web.ces!.mean).toBeCloseTo(5.5, 12);
    // total: promoters 10, 9; detractors 3, 6 → 0 of 5; CSAT 5, 4 of 4 answered → 50.
    expect(summary.total.key).toBeNull();
    expect(summary.total.rows).toBe(5);
    expect(summary.total.nps!.score).toBeCloseTo(0, 12);
    expect(summary.total.csat!.score).toBeCloseTo(50, 12);
    expect(summary.total.ces).toMatchObject({ n: 4, missing: 1 });
  });

  it('several by fields give tuple keys; accessors and weights work as fields do', () => {
    const summary = summarize(rows, { by: ['region', (row) => row.channel === 'web'], nps: { field: (row) => row.recommend, bands: { detractorMax: 7 } }, weight: 'w' });
    expect(summary.groups.map((group) => group.key)).toEqual([
      ['north', true],
      ['north', false],
      ['south', true],
      ['south', false],
    ]);
    // north web: 10 (w 2, promoter), 6 (w 1, detractor under detractorMax 7) → (2 − 1)/3.
    expect(summary.groups[0]!.nps!.score).toBeCloseTo((1 / 3) * 100, 12);
    expect(summary.groups[0]!.nps!.weightedN).toBe(3);
    expect(summary.groups[0]!.nps!.bands.detractorMax).toBe(7);
  });

  it('without by: one group, the total', () => {
    const summary = summarize(rows, { csat: 'sat' });
    expect(summary.groups).toHaveLength(1);
    expect(summary.groups[0]!.csat!.score).toBeCloseTo(50, 12);
  });

  it('"__proto__" and "constructor" are ordinary groups; 1 and "1" are different keys', () => {
    const odd = [
      { key: '__proto__', q: 10 },
      { key: 'constructor', q: 0 },
      { key: 1, q: 9 },
      { key: '1', q: 7 },
    ];
    const summary = summarize(odd, { by: 'key', nps: 'q' });
    expect(summary.groups.map((group) => [group.key, group.nps!.score])).toEqual([
      ['__proto__', 100],
      ['constructor', -100],
      [1, 100],
      ['1', 0],
    ]);
  });

  it('empty rows: no groups, a total with null scores', () => {
    const summary = summarize([] as { q: number }[], { by: 'x', nps: 'q' });
    expect(summary.groups).toEqual([]);
    expect(summary.total).toMatchObject({ rows: 0, nps: { score: null, n: 0 } });
  });

  it('skipped answers are counted in their group and listed with their row', () => {
    const bad = [...rows, { channel: 'phone', region: 'x', recommend: 11, sat: 'good', effort: 4, w: 1 }];
    const summary = summarize(bad, { by: 'channel', nps: 'recommend', csat: 'sat', invalid: 'skip' });
    const phone = summary.groups[1]!;
    expect(phone.nps!.rejected).toEqual([expect.objectContaining({ index: 5, value: '11', code: 'out_of_range' })]);
    expect(phone.csat!.invalid).toBe(1);
    expect(summary.total.nps!.invalid).toBe(1);
  });
});

describe('summarize: bad input names the row and the field', () => {
  it('answers off the scale, in fields and through accessors', () => {
    const bad = [{ q: 11, s: 3 }, { q: 9, s: 0 }];
    expect(issuesOf(() => summarize(bad, { nps: 'q', csat: { field: (row) => row.s } }))).toEqual([
      { code: 'out_of_range', path: [0, 'q'] },
      { code: 'out_of_range', path: [1, 'csat'] },
    ]);
  });

  it('a blank weight on a row with no answer weighs nothing and is counted missing; on an answered row it is an error (issue 23)', () => {
    // Two answered rows (10 with weight 2, 0 with weight 1): NPS (2 − 1)/3 = 33.33; the skipper has no weight and no answer.
    const data = [{ q: 10, w: 2 }, { q: null, w: null }, { q: 0, w: 1 }, { q: 0, w: '' }];
    const summary = summarize(data.slice(0, 3), { nps: { field: 'q', notApplicable: [99] }, weight: 'w' });
    expect(summary.total).toMatchObject({ rows: 3, nps: { n: 2, missing: 1, weightedN: 3 } });
    expect(summary.total.nps.score).toBeCloseTo(100 / 3, 10);
    // An N/A code is no answer either.
    expect(summarize([{ q: 99, w: undefined }], { nps: { field: 'q', notApplicable: [99] }, weight: 'w' }).total.nps).toMatchObject({ n: 0, missing: 1 });
    expect(issuesOf(() => summarize(data, { nps: 'q', weight: 'w' }))).toEqual([{ code: 'invalid_weight', path: [3, 'w'] }]);
  });

  it('unknown fields, bad weights, rows that are not objects, no metric, unknown options', () => {
    expect(issuesOf(() => summarize(rows, { nps: 'recomend' }))).toEqual([{ code: 'unknown_field', path: ['nps'] }]);
    expect(issuesOf(() => summarize(rows, { by: 'chanel', nps: 'recommend' }))).toEqual([{ code: 'unknown_field', path: ['by'] }]);
    expect(issuesOf(() => summarize(rows, { by: ['channel', 'regio'], nps: 'recommend' }))).toEqual([{ code: 'unknown_field', path: ['by', 1] }]);
    expect(issuesOf(() => summarize([{ q: 9, w: -1 }], { nps: 'q', weight: 'w' }))).toEqual([{ code: 'invalid_weight', path: [0, 'w'] }]);
    expect(issuesOf(() => summarize([{ q: 9 }, 7 as unknown as { q: number }], { nps: 'q' }))).toEqual([{ code: 'invalid_type', path: [1] }]);
    expect(issuesOf(() => summarize(rows, {}))).toEqual([{ code: 'invalid_option', path: [] }]);
    expect(issuesOf(() => summarize(rows, { nps: 'recommend', group: 'x' } as never))).toEqual([{ code: 'invalid_option', path: ['group'] }]);
    expect(issuesOf(() => summarize(rows, { csat: { field: 'sat', satisfied: [6] } }))).toEqual([{ code: 'invalid_option', path: ['csat', 'satisfied', 0] }]);
  });

  it('does not mutate the rows', () => {
    const copy = structuredClone(rows);
    summarize(copy, { by: 'channel', nps: 'recommend', csat: 'sat', weight: 'w' });
    expect(copy).toEqual(rows);
  });
});

describe('summarize: properties', () => {
  const row = fc.record({ g: fc.constantFrom('a', 'b', '__proto__'), q: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), w: fc.constantFrom(0.5, 1, 2) });

  it('summarize of the union equals the merge of per-chunk summaries', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(row, { maxLength: 60 }), (head, tail) => {
        const options = { by: 'g', nps: 'q', weight: 'w' } as const;
        const whole = summarize([...head, ...tail], options);
        const parts = [summarize(head, options), summarize(tail, options)];
        for (const group of whole.groups) {
          const pieces = parts.flatMap((part) => part.groups.filter((candidate) => candidate.key === group.key).map((candidate) => candidate.nps!.tally));
          const [first, ...rest] = pieces;
          expect(mergeTallies(first!, ...rest)).toEqual(group.nps!.tally);
        }
        expect(mergeTallies(parts[0]!.total.nps!.tally, parts[1]!.total.nps!.tally)).toEqual(whole.total.nps!.tally);
      }),
    );
  });

  it('reordering rows changes no group result', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (data) => {
        const forward = summarize(data, { by: 'g', nps: 'q', weight: 'w' });
        const backward = summarize(data.slice().reverse(), { by: 'g', nps: 'q', weight: 'w' });
        for (const group of forward.groups) {
          const other = backward.groups.find((candidate) => candidate.key === group.key)!;
          expect(other.nps!.distribution).toEqual(group.nps!.distribution);
          expect(other.nps!.score ?? 0).toBeCloseTo(group.nps!.score ?? 0, 9);
        }
      }),
    );
  });
});

describe('summarizeStream', () => {
  it('equals summarize on the same rows, row indices counted across the stream', async () => {
    // 2500 rows: three batches of the stream; every 700th answer is an invalid 11.
    const many = Array.from({ length: 2500 }, (_, i) => ({ g: i % 3 === 0 ? 'a' : 'b', q: i % 700 === 699 ? 11 : i % 11 }));
    async function* stream() {
      yield* many;
    }
    const options = { by: 'g', nps: 'q', invalid: 'skip' } as const;
    const streamed = await summarizeStream(stream(), options);
    expect(streamed).toEqual(summarize(many, options));
    expect(streamed.total.nps!.rejected.map((rejection) => rejection.index)).toEqual([699, 1399, 2099]);
    // A plain (synchronous) iterable is read without for await, to the same result.
    function* plain() {
      yield* many;
    }
    expect(await summarizeStream(plain(), options)).toEqual(streamed);
    expect(await summarizeStream(many, options)).toEqual(streamed);
  });

  it('an empty stream, and a field none of the first rows has', async () => {
    expect((await summarizeStream([], { nps: 'q' })).total).toMatchObject({ rows: 0, nps: { score: null } });
    await expect(summarizeStream([{ q: 9 }], { nps: 'recommend' })).rejects.toMatchObject({ issues: [{ code: 'unknown_field', path: ['nps'] }] });
  });

  it('a field first seen after row 1000 is a field, not a typo (it was reported absent)', async () => {
    // 1500 rows: only the last 200 answered q2 (all 9s: NPS 100), the rest lack the field.
    const rows = Array.from({ length: 1500 }, (_, i) => (i < 1300 ? { q: 5 } : { q: 5, q2: 9 }));
    const summary = await summarizeStream(rows, { nps: 'q2', csat: 'q' });
    expect(summary.total.nps).toMatchObject({ n: 200, missing: 1300, score: 100 });
    await expect(summarizeStream(rows, { nps: 'q3' })).rejects.toMatchObject({ issues: [{ code: 'unknown_field', path: ['nps'] }] });
  });
});

describe('summarize: several fields of a metric', () => {
  it('one result per field, each with its field, in the order given', () => {
    // sat: 5, 2, 4, 3, null → 2 of 4 satisfied = 50; effort as a 1–7 CSAT with 6–7 satisfied: 6, 2, 7, 5 → 2 of 4.
    const summary = summarize(rows, { by: 'channel', csat: ['sat', { field: 'effort', scale: { min: 1, max: 7 }, satisfied: [6, 7] }] });
    expect(summary.total.csat.map((item) => [item.field, item.score, item.n])).toEqual([
      ['sat', 50, 4],
      ['effort', 50, 4],
    ]);
    // web: sat 5, 4 (and one null) → 100; effort 6, 5 (and one null) → 1 of 2 → 50.
    expect(summary.groups[0]!.csat.map((item) => item.score)).toEqual([100, 50]);
  });

  it('accessors take a label (or are called by their place); a field given twice is refused', () => {
    const summary = summarize(rows, { nps: [{ field: (row) => row.recommend, label: 'recommend (again)' }, (row) => row.recommend] });
    expect(summary.total.nps.map((item) => item.field)).toEqual(['recommend (again)', 'nps[1]']);
    expect(issuesOf(() => summarize(rows, { csat: ['sat', 'sat'] }))).toEqual([{ code: 'invalid_option', path: ['csat', 1] }]);
    expect(issuesOf(() => summarize(rows, { csat: [] }))).toEqual([{ code: 'invalid_option', path: ['csat'] }]);
    expect(issuesOf(() => summarize(rows, { csat: ['sat', 'sta'] }))).toEqual([{ code: 'unknown_field', path: ['csat', 1] }]);
    expect(issuesOf(() => summarize([{ a: 7 }], { csat: ['a'] }))).toEqual([{ code: 'out_of_range', path: [0, 'a'] }]);
  });

  it('lists are for summarize; other analyses take one field per metric', () => {
    const options = { at: 'at', period: 'day', csat: ['sat', 'effort'] } as never;
    expect(issuesOf(() => trend([{ at: '2026-01-01', sat: 5, effort: 3 }], options))).toEqual([{ code: 'invalid_option', path: ['csat'] }]);
  });
});
