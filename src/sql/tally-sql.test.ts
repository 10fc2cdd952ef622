import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { CSAT_SCALE, NPS_SCALE } from '../core/scale.js';
import { tally } from '../core/tally.js';
import { tallyFromRows } from './tally-from-rows.js';
import { tallySql } from './tally-sql.js';

describe('tallySql', () => {
  it('portable SQL: groups, score, counts; weights add Σw, Σw², how many given and the smallest', () => {
    expect(tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE }).sql).toBe(
      ['SELECT score, score_type, COUNT(*) AS answers', 'FROM (', '  SELECT 0 AS metric, "recommend" AS score, typeof("recommend") AS score_type FROM "answers"', ') AS answers', 'GROUP BY score, score_type', 'ORDER BY score'].join('\n'),
    );
    // Weights are summed as doubles (an INTEGER weight of 46 341 squared overflows INTEGER); each column's type comes back.
    const weighted = tallySql({ table: ['analytics', 'answers'], score: 'q', scale: NPS_SCALE, weight: 'w', groupBy: ['stage', 'channel'], dialect: 'postgres' });
    expect(weighted.sql).toBe(
      [
        'SELECT group_1, group_2, score, score_type, weight_type, COUNT(*) AS answers, SUM(answer_weight) AS sum_weights, SUM(answer_weight * answer_weight) AS sum_squared_weights, COUNT(answer_weight) AS weights_given, MIN(answer_weight) AS min_weight',
        'FROM (',
        '  SELECT "stage" AS group_1, "channel" AS group_2, 0 AS metric, "q" AS score, CAST(pg_typeof("q") AS TEXT) AS score_type, CAST("w" AS DOUBLE PRECISION) AS answer_weight, CAST(pg_typeof("w") AS TEXT) AS weight_type FROM "analytics"."answers"',
        ') AS answers',
        'GROUP BY group_1, group_2, score, score_type, weight_type',
        'ORDER BY group_1, group_2, score',
      ].join('\n'),
    );
    expect(weighted).toMatchObject({ groups: 2, weighted: true, scale: { min: 0, max: 10 } });
  });

  it('quotes every name for its dialect, so names can never become SQL', () => {
    const evil = 'x"; DROP TABLE t; --';
    expect(tallySql({ table: 't', score: evil, scale: NPS_SCALE }).sql).toContain('"x""; DROP TABLE t; --" AS score');
    expect(tallySql({ table: 't', score: 'a`b', scale: NPS_SCALE, dialect: 'spark' }).sql).toContain('`a``b` AS score');
    expect(tallySql({ table: 't', score: 'a`b\\', scale: NPS_SCALE, dialect: 'bigquery' }).sql).toContain('`a\\`b\\\\` AS score');
    expect(tallySql({ table: 'my table', score: 'q', scale: NPS_SCALE, dialect: 'postgres' }).sql).toContain('FROM "my table"');
  });

  it('refuses names no engine needs: empty, control characters, not strings', () => {
    expect(issuesOf(() => tallySql({ table: '', score: 'q', scale: NPS_SCALE }))).toEqual([{ code: 'invalid_option', path: ['table'] }]);
    expect(issuesOf(() => tallySql({ table: 't', score: 'q\n; DROP', scale: NPS_SCALE }))).toEqual([{ code: 'invalid_option', path: ['score'] }]);
    expect(issuesOf(() => tallySql({ table: 't', score: 'q', scale: NPS_SCALE, groupBy: ['a', 'b\u0000'] }))).toEqual([{ code: 'invalid_option', path: ['groupBy', 1] }]);
    expect(issuesOf(() => tallySql({ table: 't', score: 'q', scale: { min: 5, max: 1 } }))).toEqual([{ code: 'invalid_option', path: ['scale', 'max'] }]);
  });
});

describe('tallyFromRows', () => {
  const query = tallySql({ table: 't', score: 'q', scale: CSAT_SCALE, groupBy: 'g' });

  it('equals the in-memory tally: NULL missing, notApplicable missing, counts as bigint or decimal strings', () => {
    const rows = [
      { group_1: 'a', score: 5, answers: 3n },
      // PostgreSQL's pg returns NUMERIC as text: a number, because the column's type says so.
      { group_1: 'a', score: '4', score_type: 'numeric', answers: '2' },
      { group_1: 'a', score: null, answers: 1 },
      { group_1: 'b', score: 0, answers: 2n },
      { group_1: 'b', score: 1n, answers: 1n },
    ];
    const [a, b] = tallyFromRows(rows, query, { notApplicable: [0] });
    expect(a).toEqual({ key: 'a', tally: tally([5, 5, 5, 4, 4, null], { scale: CSAT_SCALE }) });
    expect(b).toEqual({ key: 'b', tally: tally([0, 0, 1], { scale: CSAT_SCALE, notApplicable: [0] }) });
  });

  it('off-scale values are invalid: an error naming the result row, or counted under skip', () => {
    const rows = [
      { group_1: 'a', score: 6, answers: 4n },
      { group_1: 'a', score: 4.5, answers: 1n },
    ];
    expect(issuesOf(() => tallyFromRows(rows, query))).toEqual([
      { code: 'out_of_range', path: [0, 'score'] },
      { code: 'not_integer', path: [1, 'score'] },
    ]);
    const [skipped] = tallyFromRows(rows, query, { invalid: 'skip' });
    expect(skipped!.tally).toMatchObject({ invalid: 5, n: 0, rejected: [{ index: 0, value: '6' }, { index: 1, value: '4.5' }] });
  });

  it('weights: sums taken as given; NULL, negative or non-finite weights make the answers invalid', () => {
    const weighted = tallySql({ table: 't', score: 'q', scale: CSAT_SCALE, weight: 'w' });
    const good = { score: 5, answers: 2n, sum_weights: 3, sum_squared_weights: 5, weights_given: 2n, min_weight: 1 };
    const [one] = tallyFromRows([good], weighted);
    expect(one!.tally).toEqual(tally([5, 5], { scale: CSAT_SCALE, weights: [1, 2] }));
    expect(issuesOf(() => tallyFromRows([{ ...good, weights_given: 1n }], weighted))).toEqual([{ code: 'invalid_weight', path: [0, 'min_weight'] }]);
    expect(issuesOf(() => tallyFromRows([{ ...good, min_weight: -1 }], weighted))).toEqual([{ code: 'invalid_weight', path: [0, 'min_weight'] }]);
    expect(issuesOf(() => tallyFromRows([{ ...good, sum_weights: Number.POSITIVE_INFINITY }], weighted))).toEqual([{ code: 'invalid_weight', path: [0, 'min_weight'] }]);
    // Sums weights within 1e-100…1e100 cannot give: squares that vanished, or past 2 × 1e200.
    expect(issuesOf(() => tallyFromRows([{ ...good, sum_weights: 1e-200, sum_squared_weights: 0 }], weighted))).toEqual([{ code: 'invalid_weight', path: [0, 'min_weight'] }]);
    expect(issuesOf(() => tallyFromRows([{ ...good, sum_weights: 1e150, sum_squared_weights: 1e300 }], weighted))).toEqual([{ code: 'invalid_weight', path: [0, 'min_weight'] }]);
  });

  it('rows that are not rows of the query', () => {
    expect(issuesOf(() => tallyFromRows([{ recommend: 5, n: 1 }], query))).toEqual([{ code: 'invalid_tally', path: [0, 'score'] }]);
    expect(issuesOf(() => tallyFromRows([{ score: 5, answers: -1 }], query))).toEqual([{ code: 'invalid_tally', path: [0, 'answers'] }]);
  });

  it('without groupBy: one tally, empty when there are no rows', () => {
    const [all] = tallyFromRows([], tallySql({ table: 't', score: 'q', scale: CSAT_SCALE }));
    expect(all).toEqual({ key: null, tally: tally([], { scale: CSAT_SCALE }) });
  });
});
