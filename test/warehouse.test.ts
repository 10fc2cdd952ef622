/**
 * Whole summaries and trends pushed down to real engines — DuckDB (@duckdb/node-api) and
 * PostgreSQL (PGlite, a real PostgreSQL build in-process) — against summarize and trend in
 * memory on the same generated answers: NULLs, N/A codes, answers off the scale under
 * invalid: 'skip', weights, several groups, and instants around the 2026 DST changes in
 * Europe/Helsinki. Every figure must agree to 1e-9.
 */
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize, summaryFromRows, summarySql, trend, trendFromRows, trendSql, type SqlDialect, type SummarySqlOptions, type TrendSqlOptions } from '../src/index.js';

interface Answer {
  id: number;
  region: string | null;
  channel: string;
  rec: number | null;
  sat: number | null;
  sat2: number | null;
  eff: number | null;
  w: number;
  at: string | null;
}

const HOUR = 3_600_000;
// Around the changes: clocks go forward at 2026-03-29 01:00 UTC and back at 2026-10-25 01:00 UTC.
const DST = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];

function generate(count: number): Answer[] {
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, (_, id) => {
    const u = next();
    // 0–10 with NULLs, the N/A code 99 and an off-scale 11 now and then.
    const rec = u < 0.04 ? null : u < 0.06 ? 99 : u < 0.07 ? 11 : Math.floor(next() * 11);
    const instant = next() < 0.7 ? pick(DST) + (next() - 0.5) * 96 * HOUR : Date.UTC(2026, 1, 1) + next() * 300 * 24 * HOUR;
    return {
      id,
      region: next() < 0.1 ? null : pick(['north', 'south', 'east']),
      channel: pick(['web', 'phone', 'store']),
      rec,
      sat: next() < 0.05 ? null : Math.floor(next() * 6), // 0 = not applicable
      sat2: next() < 0.03 ? 7 : 1 + Math.floor(next() * 5), // 7 is off the 1–5 scale
      eff: next() < 0.05 ? null : 1 + Math.floor(next() * 7),
      w: pick([0, 0.25, 0.5, 1, 1.5, 2, 3.75]),
      at: next() < 0.02 ? null : new Date(Math.round(instant / 1000) * 1000).toISOString(),
    };
  });
}

const answers = generate(20_000);

/** A query's rows from a real engine. */
type Engine = { readonly dialect: SqlDialect; readonly rows: (sql: string) => Promise<object[]> };

async function duckdb(): Promise<Engine & { close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run('CREATE TABLE answers (id INTEGER, region VARCHAR, channel VARCHAR, rec INTEGER, sat INTEGER, sat2 INTEGER, eff INTEGER, w DOUBLE, "at" TIMESTAMPTZ)');
  const appender = await connection.createAppender('answers');
  for (const a of answers) {
    appender.appendInteger(a.id);
    a.region === null ? appender.appendNull() : appender.appendVarchar(a.region);
    appender.appendVarchar(a.channel);
    for (const value of [a.rec, a.sat, a.sat2, a.eff]) (value === null ? appender.appendNull() : appender.appendInteger(value));
    appender.appendDouble(a.w);
    a.at === null ? appender.appendNull() : appender.appendVarchar(a.at);
    appender.endRow();
  }
  appender.closeSync();
  return { dialect: 'duckdb', rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as object[], close: () => connection.closeSync() };
}

async function postgres(): Promise<Engine & { close(): Promise<void> }> {
  const db = new PGlite();
  // "at" is a keyword in PostgreSQL: quoted here, as the generated SQL quotes every identifier.
  await db.exec('CREATE TABLE answers (id INTEGER, region TEXT, channel TEXT, rec INTEGER, sat INTEGER, sat2 INTEGER, eff INTEGER, w DOUBLE PRECISION, "at" TIMESTAMPTZ)');
  for (let start = 0; start < answers.length; start += 1000) {
    const batch = answers.slice(start, start + 1000);
    const values = batch.map((_, i) => `(${Array.from({ length: 9 }, (_, c) => `$${i * 9 + c + 1}`).join(', ')})`).join(', ');
    await db.query(`INSERT INTO answers VALUES ${values}`, batch.flatMap((a) => [a.id, a.region, a.channel, a.rec, a.sat, a.sat2, a.eff, a.w, a.at]));
  }
  return { dialect: 'postgres', rows: async (sql) => (await db.query(sql)).rows as object[], close: () => db.close() };
}

/** Every number equal to 1e-9 (relative beyond 1), everything else equal; `rejected` lists name different rows by design. */
function expectSame(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    expect(actual, path).toEqual(expected);
    return;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)].filter((key) => key !== 'rejected'));
  for (const key of keys) expectSame((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
}

/** Groups matched by key: the engine's come sorted, summarize's in first-seen order. */
function byKey<G extends { key: unknown }>(groups: readonly G[]): Map<string, G> {
  return new Map(groups.map((group) => [JSON.stringify(group.key), group]));
}

const weighted: Omit<SummarySqlOptions, 'dialect'> = {
  table: 'answers',
  by: ['region', 'channel'],
  weight: 'w',
  invalid: 'skip',
  nps: { column: 'rec', notApplicable: [99], interval: 'iterative' },
  csat: [{ column: 'sat', notApplicable: [0] }, { column: 'sat2', label: 'second item', interval: 'jeffreys' }],
  ces: { column: 'eff', method: 'percent-easy' },
};
/** The same request as summarize's options. */
const inMemory = {
  by: ['region', 'channel'],
  weight: 'w',
  invalid: 'skip',
  nps: { field: 'rec', notApplicable: [99], interval: 'iterative' },
  csat: [{ field: 'sat', notApplicable: [0] }, { field: 'sat2', label: 'second item', interval: 'jeffreys' }],
  ces: { field: 'eff', method: 'percent-easy' },
} as const;

describe.each([
  ['DuckDB', duckdb],
  ['PostgreSQL (PGlite)', postgres],
])('push-down on %s', (_name, open) => {
  let engine: Engine & { close(): unknown };
  beforeAll(async () => {
    engine = await open();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('a whole summary by two columns: every figure equals summarize, groups sorted by key', async () => {
    const query = summarySql({ ...weighted, dialect: engine.dialect });
    const fromSql = summaryFromRows(await engine.rows(query.sql), query);
    const expected = summarize(answers, inMemory);
    expectSame(fromSql.total, expected.total, 'total');
    const sqlGroups = byKey(fromSql.groups);
    expect(sqlGroups.size).toBe(expected.groups.length); // 4 regions (NULL among them) × 3 channels
    for (const [key, group] of byKey(expected.groups)) expectSame(sqlGroups.get(key), group, key);
    // Sorted by key, text by code units, NULL last: the same order from every engine.
    expect(fromSql.groups.map((group) => group.key)).toEqual(['east', 'north', 'south', null].flatMap((region) => ['phone', 'store', 'web'].map((channel) => [region, channel])));
    expect(fromSql.total.rows).toBe(answers.length);
    expect(expected.total.nps.invalid).toBeGreaterThan(0); // the 11s were skipped on both sides
  });

  it('small groups hidden (minN) exactly as summarize hides them', async () => {
    // About 1 650 answers per region and channel, about 650 where the region is NULL: those are
    // insufficient at 700, and together they hold far more than one person, so nothing more is hidden.
    const query = summarySql({ ...weighted, minN: 700, dialect: engine.dialect });
    const fromSql = summaryFromRows(await engine.rows(query.sql), query);
    const expected = summarize(answers, { ...inMemory, minN: 700 });
    const marks = (groups: readonly { key: unknown; suppressed?: string }[]) => new Map(groups.map((group) => [JSON.stringify(group.key), group.suppressed ?? null]));
    expect(marks(fromSql.groups)).toEqual(marks(expected.groups));
    expect([...marks(fromSql.groups).values()].filter((mark) => mark !== null).length).toBeGreaterThan(0);
    for (const [key, group] of byKey(expected.groups)) expectSame(byKey(fromSql.groups).get(key), group, key);
    const days = trendSql({ table: 'answers', at: 'at', period: 'day', timeZone: 'Europe/Helsinki', nps: { column: 'rec', notApplicable: [99] }, invalid: 'skip', minN: 60, dialect: engine.dialect });
    const dayTrend = trend(answers, { at: 'at', period: 'day', timeZone: 'Europe/Helsinki', nps: { field: 'rec', notApplicable: [99] }, invalid: 'skip', minN: 60 });
    expectSame(trendFromRows(await engine.rows(days.sql), days), dayTrend);
    expect(dayTrend.periods.some((period) => period.suppressed !== undefined)).toBe(true);
  });

  it('unweighted, no groups: equals summarize', async () => {
    const query = summarySql({ table: 'answers', nps: { column: 'rec', notApplicable: [99] }, invalid: 'skip', dialect: engine.dialect });
    const fromSql = summaryFromRows(await engine.rows(query.sql), query);
    expectSame(fromSql, summarize(answers, { nps: { field: 'rec', notApplicable: [99] }, invalid: 'skip' }));
  });

  it.each(['day', 'week', 'month'] as const)('a %s trend in Europe/Helsinki across both DST changes equals trend', async (period) => {
    const options: Omit<TrendSqlOptions, 'dialect'> = { table: 'answers', at: 'at', period, timeZone: 'Europe/Helsinki', weight: 'w', invalid: 'skip', nps: { column: 'rec', notApplicable: [99] }, csat: { column: 'sat', notApplicable: [0] } };
    const query = trendSql({ ...options, dialect: engine.dialect });
    const fromSql = trendFromRows(await engine.rows(query.sql), query);
    const expected = trend(answers, { at: 'at', period, timeZone: 'Europe/Helsinki', weight: 'w', invalid: 'skip', nps: { field: 'rec', notApplicable: [99] }, csat: { field: 'sat', notApplicable: [0] } });
    expect(fromSql.periods.map((p) => p.period)).toEqual(expected.periods.map((p) => p.period));
    expectSame(fromSql, expected);
    expect(fromSql.undated).toBeGreaterThan(0);
  });

  it('an answer at 00:30 local on the night of each change falls on that local day', async () => {
    // 2026-03-28T22:30Z is 00:30 on 29 March in Helsinki (UTC+2); 2026-10-24T21:30Z is 00:30 on 25 October (UTC+3).
    const query = trendSql({ table: 'answers', at: 'at', period: 'day', timeZone: 'Europe/Helsinki', nps: 'id', invalid: 'skip', dialect: engine.dialect });
    const probe = await engine.rows(
      query.sql.replace(/FROM "answers"/g, `FROM (SELECT 10 AS id, CAST('2026-03-28 22:30:00+00' AS TIMESTAMPTZ) AS "at" UNION ALL SELECT 10, CAST('2026-10-24 21:30:00+00' AS TIMESTAMPTZ)) AS probe`),
    );
    expect(probe.map((row) => (row as { period_start: string }).period_start)).toEqual(['2026-03-29', '2026-10-25']);
  });
});
