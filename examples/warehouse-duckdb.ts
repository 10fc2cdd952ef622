/**
 * Counting in the warehouse: DuckDB (embedded) runs the query from tallySql over a CSV file,
 * tallyFromRows turns its few result rows into tallies, and the NPS per journey stage comes
 * out of them — the same numbers as reading every row in memory. The same two calls work
 * on PostgreSQL, BigQuery or Spark SQL (see docs/warehouse.md).
 *
 *   npx tsx examples/warehouse-duckdb.ts examples/data/journey-answers.csv
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { NPS_SCALE, nps, summarize, tallyFromRows, tallySql } from '../src/index.js';
import { fileArgument, fixed, readSimpleCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/warehouse-duckdb.ts FILE.csv');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// A file path is a value, not an identifier: it goes in as a prepared-statement parameter.
const load = await connection.prepare("CREATE TABLE answers AS SELECT * FROM read_csv($1, header = true, columns = {'respondent': 'VARCHAR', 'stage': 'VARCHAR', 'touchpoint': 'VARCHAR', 'recommend': 'INTEGER', 'satisfaction': 'INTEGER', 'effort': 'INTEGER'})");
load.bindVarchar(1, file);
await load.run();

const query = tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE, groupBy: 'stage' });
const rows = (await connection.runAndReadAll(query.sql)).getRowObjectsJS();
console.log(`${query.sql}\n\n→ ${rows.length} result rows instead of the answers themselves\n`);

// The same file read in memory, for comparison.
const { columns, lines } = readSimpleCsv(file);
const inMemory = summarize(
  lines.map((cells) => ({ stage: cells[columns.indexOf('stage')], recommend: cells[columns.indexOf('recommend')] === '' ? null : Number(cells[columns.indexOf('recommend')]) })),
  { by: 'stage', nps: 'recommend' },
);
console.log('stage            answers     NPS  (in memory)');
for (const { key, tally } of tallyFromRows(rows, query)) {
  const memory = inMemory.groups.find((group) => group.key === key)!.nps!;
  console.log(`${String(key).padEnd(15)} ${String(tally.n).padStart(8)}  ${fixed(nps(tally).score ?? Number.NaN, 1).padStart(6)}  (${fixed(memory.score ?? Number.NaN, 1)})`);
}
