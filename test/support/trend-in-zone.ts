/**
 * Runs trendSql on DuckDB and PostgreSQL (PGlite) in this process, whose time zone is the TZ
 * it was started with (the DuckDB session follows it; PostgreSQL's session is set to it), over
 * a DATE, a wall-clock TIMESTAMP and a TIMESTAMPTZ column with answers near midnight, and
 * prints each period list as JSON. test/warehouse-types.test.ts starts it with two zones.
 */
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance } from '@duckdb/node-api';
import { trendFromRows, trendSql, type AtType, type SqlDialect } from '../../src/index.js';

const zone = process.env['TZ'] ?? 'UTC';
const ROWS = "('2026-03-01', '2026-03-01 23:30:00', '2026-03-01 23:30:00+00', 10), ('2026-03-02', '2026-03-02 00:15:00', '2026-03-02 21:45:00+00', 0)";
const COLUMNS: readonly [string, AtType][] = [['d', 'date'], ['lt', 'local'], ['it', 'instant']];

async function run(dialect: SqlDialect, rows: (sql: string) => Promise<object[]>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [column, atType] of COLUMNS) {
    const query = trendSql({ table: 'answers', at: column, atType, period: 'day', timeZone: 'Europe/Helsinki', nps: 'rec', dialect });
    const result = trendFromRows(await rows(query.sql), query);
    out[column] = result.periods.map((period) => [period.period, period.nps?.n, period.nps?.score]);
  }
  // A DATE read as instants: refused, naming the option that reads it.
  const wrong = trendSql({ table: 'answers', at: 'd', period: 'day', nps: 'rec', dialect });
  try {
    trendFromRows(await rows(wrong.sql), wrong);
    out['dateAsInstant'] = 'accepted';
  } catch (error) {
    out['dateAsInstant'] = (error as Error).message;
  }
  return out;
}

const duck = await (await DuckDBInstance.create(':memory:')).connect();
await duck.run(`CREATE TABLE answers AS SELECT CAST(d AS DATE) AS d, CAST(lt AS TIMESTAMP) AS lt, CAST(it AS TIMESTAMPTZ) AS it, rec FROM (VALUES ${ROWS}) AS t(d, lt, it, rec)`);
const pg = new PGlite();
await pg.exec(`SET TIME ZONE '${zone}'; CREATE TABLE answers (d DATE, lt TIMESTAMP, it TIMESTAMPTZ, rec INTEGER); INSERT INTO answers VALUES ${ROWS}`);
const session = (await duck.runAndReadAll("SELECT current_setting('TimeZone') AS zone")).getRowObjectsJS()[0]!['zone'];
process.stdout.write(
  JSON.stringify({
    session,
    duckdb: await run('duckdb', async (sql) => (await duck.runAndReadAll(sql)).getRowObjectsJS() as object[]),
    postgres: await run('postgres', async (sql) => (await pg.query(sql)).rows as object[]),
  }),
);
await pg.close();
