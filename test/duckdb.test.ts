/**
 * The SQL push-down on a real engine: DuckDB (embedded, @duckdb/node-api) runs tallySql over a
 * generated CSV file of 1 M answers, and the tallies equal the in-memory ones exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPS_SCALE, summarize, tally, tallyFromRows, tallySql } from '../src/index.js';

const STAGES = ['awareness', 'consideration', 'purchase', 'use', 'aftercare'];
// Weights that are multiples of 1/4: every sum (and sum of squares) is exact in any order,
// so the engine's sums and ours must agree to the last bit.
const WEIGHTS = [0.25, 0.5, 1, 2];
const COUNT = 1_000_000;

interface Answer {
  stage: string;
  recommend: number | null;
  w: number;
}

function generate(): Answer[] {
  let state = 88172645;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return Array.from({ length: COUNT }, () => {
    const r = next();
    return { stage: STAGES[r % 5]!, recommend: r % 97 === 0 ? null : (r >>> 3) % 11, w: WEIGHTS[(r >>> 7) % 4]! };
  });
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('tallySql on DuckDB', () => {
  const answers = generate();
  const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-duckdb-'));
  const file = join(dir, 'answers.csv');
  let connection: DuckDBConnection;

  beforeAll(async () => {
    const lines = answers.map((a) => `${a.stage},${a.recommend ?? ''},${a.w}`);
    writeFileSync(file, `stage,recommend,w\n${lines.join('\n')}\n`);
    const instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    // The path is ours (mkdtemp), so it has no quote to escape.
    await connection.run(`CREATE TABLE answers AS SELECT * FROM read_csv('${file}', header = true, columns = {'stage': 'VARCHAR', 'recommend': 'INTEGER', 'w': 'DOUBLE'})`);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('1 M answers grouped by stage: the same tallies as in memory, exactly', async () => {
    const query = tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE, groupBy: 'stage', weight: 'w' });
    const fromSql = tallyFromRows(await rowsOf(connection, query.sql), query);
    const inMemory = summarize(answers, { by: 'stage', nps: 'recommend', weight: 'w' });
    expect(fromSql.map((group) => group.key).sort()).toEqual([...STAGES].sort());
    for (const group of inMemory.groups) {
      expect(fromSql.find((candidate) => candidate.key === group.key)!.tally).toEqual(group.nps!.tally);
    }
    expect(fromSql.reduce((sum, group) => sum + group.tally.n + group.tally.missing, 0)).toBe(COUNT);
  });

  it('unweighted, no groups: equals tally() of the column', async () => {
    const query = tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE });
    const [all] = tallyFromRows(await rowsOf(connection, query.sql), query);
    expect(all!.tally).toEqual(tally(answers.map((a) => a.recommend), { scale: NPS_SCALE }));
  });

  it('a column named like an injection is just a name; the table survives', async () => {
    const evil = 'x"; DROP TABLE answers; --';
    await connection.run(`CREATE TABLE tricky AS SELECT recommend AS "x""; DROP TABLE answers; --" FROM answers LIMIT 1000`);
    const query = tallySql({ table: 'tricky', score: evil, scale: NPS_SCALE });
    const [all] = tallyFromRows(await rowsOf(connection, query.sql), query);
    expect(all!.tally.n + all!.tally.missing).toBe(1000);
    expect((await rowsOf(connection, 'SELECT COUNT(*) AS n FROM answers'))[0]!['n']).toBe(BigInt(COUNT));
  });

  it('NULL or negative weights in the data are caught, not summed away', async () => {
    await connection.run(`CREATE TABLE holes AS SELECT * FROM (VALUES (9, 1.0), (9, NULL), (3, -1.0)) AS v(q, w)`);
    const query = tallySql({ table: 'holes', score: 'q', scale: NPS_SCALE, weight: 'w' });
    const rows = await rowsOf(connection, query.sql);
    expect(() => tallyFromRows(rows, query)).toThrow(/weights must be given for every answer, and be 0 or numbers from 1e-100 to 1e100/);
    const [skipped] = tallyFromRows(rows, query, { invalid: 'skip' });
    expect(skipped!.tally).toMatchObject({ n: 0, invalid: 3 });
  });
});
