import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { summarize } from '../analysis/summarize.js';
import { summaryFromRows, summarySql } from './summary-sql.js';
import { trendFromRows, trendSql } from './trend-sql.js';

// BigQuery and Spark SQL cannot run here: their SQL is checked as text, written out by hand
// from each engine's documentation (GROUPING SETS and GROUPING(); DATETIME_TRUNC with ISOWEEK;
// Spark's date_trunc and from_utc_timestamp). DuckDB and PostgreSQL run it: test/warehouse.test.ts.
describe('summarySql and trendSql as text', () => {
  it('BigQuery: backticks, GROUPING SETS for groups and the total, one SELECT per metric column', () => {
    const query = summarySql({ table: ['analytics', 'answers'], by: 'channel', weight: 'w', nps: 'rec', csat: { column: 'sat', notApplicable: [0] }, dialect: 'bigquery' });
    expect(query.sql).toBe(
      [
        'SELECT group_1, GROUPING(group_1) AS total_row, metric, score, score_type, weight_type, COUNT(*) AS answers, SUM(answer_weight) AS sum_weights, SUM(answer_weight * answer_weight) AS sum_squared_weights, COUNT(answer_weight) AS weights_given, MIN(answer_weight) AS min_weight',
        'FROM (',
        // BigQuery has no type function: the types come back NULL.
        '  SELECT `channel` AS group_1, 0 AS metric, `rec` AS score, CAST(NULL AS STRING) AS score_type, CAST(`w` AS FLOAT64) AS answer_weight, CAST(NULL AS STRING) AS weight_type FROM `analytics`.`answers`',
        '  UNION ALL',
        '  SELECT `channel` AS group_1, 1 AS metric, `sat` AS score, CAST(NULL AS STRING) AS score_type, CAST(`w` AS FLOAT64) AS answer_weight, CAST(NULL AS STRING) AS weight_type FROM `analytics`.`answers`',
        ') AS answers_by_metric',
        'GROUP BY GROUPING SETS ((group_1, metric, score, score_type, weight_type), (metric, score, score_type, weight_type))',
        'ORDER BY total_row, group_1, metric, score',
      ].join('\n'),
    );
    expect(query).toMatchObject({ groups: 1, weighted: true, dialect: 'bigquery' });
  });

  it('the period start in each dialect: local time in the zone, truncated, as YYYY-MM-DD text', () => {
    const start = (dialect: 'duckdb' | 'postgres' | 'bigquery' | 'spark') =>
      /SELECT (.*) AS period_start/.exec(trendSql({ table: 'answers', at: 'answered_at', period: 'week', timeZone: 'Europe/Helsinki', nps: 'rec', dialect }).sql)![1];
    expect(start('bigquery')).toBe("CAST(DATE(DATETIME_TRUNC(DATETIME(`answered_at`, 'Europe/Helsinki'), ISOWEEK)) AS STRING)");
    expect(start('spark')).toBe("CAST(CAST(date_trunc('WEEK', from_utc_timestamp(`answered_at`, 'Europe/Helsinki')) AS DATE) AS STRING)");
    expect(start('postgres')).toBe(`CAST(CAST(date_trunc('week', "answered_at" AT TIME ZONE 'Europe/Helsinki') AS DATE) AS TEXT)`);
    expect(start('duckdb')).toBe(`CAST(CAST(date_trunc('week', timezone('Europe/Helsinki', "answered_at")) AS DATE) AS VARCHAR)`);
  });

  it('names are quoted, never spliced: a column named like an injection stays a name', () => {
    const query = summarySql({ table: 'answers', nps: 'x"; DROP TABLE answers; --', dialect: 'postgres' });
    expect(query.sql).toContain('"x""; DROP TABLE answers; --" AS score');
    expect(summarySql({ table: 'answers', nps: 'a`b', dialect: 'spark' }).sql).toContain('`a``b` AS score');
  });

  it('refuses what summarize and trend would refuse, with paths', () => {
    expect(issuesOf(() => summarySql({ table: 'answers' }))).toEqual([{ code: 'invalid_option', path: [] }]);
    expect(issuesOf(() => summarySql({ table: 'answers', nps: { column: 'rec', bands: { detractorMax: 11 } } }))).toEqual([{ code: 'invalid_option', path: ['nps', 'bands', 'detractorMax'] }]);
    expect(issuesOf(() => summarySql({ table: 'answers', csat: [{ column: '' }] }))).toEqual([{ code: 'invalid_option', path: ['csat', 0, 'column'] }]);
    expect(issuesOf(() => summarySql({ table: 'answers', nps: { field: 'rec' } as never }))[0]).toMatchObject({ path: ['nps', 'column'] });
    expect(issuesOf(() => trendSql({ table: 'answers', at: 'at', period: 'week', timeZone: "Europe/Nowhere'; --", nps: 'rec' }))).toEqual([{ code: 'invalid_option', path: ['timeZone'] }]);
    expect(issuesOf(() => trendSql({ table: 'answers', at: 'at', period: 'week', csat: ['a', 'b'] }))).toEqual([{ code: 'invalid_option', path: ['csat'] }]);
  });
});

describe('summaryFromRows and trendFromRows', () => {
  it('rows as drivers return them (bigints, decimal strings) give the summary of the same answers', () => {
    const query = summarySql({ table: 'answers', by: 'channel', nps: 'rec', dialect: 'postgres' });
    // web: 10, 10, 3; phone: 8; and the total of all four, as the GROUPING SETS rows come back.
    const rows = [
      { group_1: 'web', total_row: 0, metric: 0, score: 10, answers: '2' },
      { group_1: 'web', total_row: 0, metric: 0, score: 3, answers: '1' },
      { group_1: 'phone', total_row: 0, metric: 0, score: 8, answers: 1n },
      { group_1: null, total_row: 1, metric: 0, score: 10, answers: 2n },
      { group_1: null, total_row: 1, metric: 0, score: 8, answers: 1n },
      { group_1: null, total_row: 1, metric: 0, score: 3, answers: 1n },
    ];
    const fromSql = summaryFromRows(rows, query);
    const inMemory = summarize([{ c: 'web', q: 10 }, { c: 'web', q: 10 }, { c: 'web', q: 3 }, { c: 'phone', q: 8 }], { by: 'c', nps: 'q' });
    expect(fromSql.groups.map((group) => group.key)).toEqual(['phone', 'web']); // sorted, not first seen
    expect(fromSql.groups[1]).toEqual(inMemory.groups[0]);
    expect(fromSql.total).toEqual(inMemory.total);
  });

  it('names a row that is not one of the query, and a metric index out of range', () => {
    const query = summarySql({ table: 'answers', nps: 'rec' });
    expect(issuesOf(() => summaryFromRows([{ metric: 0, answers: 1 }, { metric: 3, score: 1, answers: 1 }, { metric: 0, score: 1, answers: -1 }], query))).toEqual([
      { code: 'invalid_tally', path: [0, 'score'] },
      { code: 'invalid_tally', path: [1, 'metric'] },
      { code: 'invalid_tally', path: [2, 'answers'] },
    ]);
    const trendQuery = trendSql({ table: 'answers', at: 'at', period: 'month', nps: 'rec' });
    expect(issuesOf(() => trendFromRows([{ period_start: '2026/01/01', metric: 0, score: 1, answers: 1 }], trendQuery))).toEqual([{ code: 'invalid_tally', path: [0, 'period_start'] }]);
    expect(trendFromRows([], trendQuery).periods).toEqual([]);
  });
});
