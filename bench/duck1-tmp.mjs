import { DuckDBInstance } from '@duckdb/node-api';
const t = performance.now();
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const r = await c.runAndReadAll(`SELECT "Class", "Seat comfort", count(*) AS n FROM read_csv_auto('/tmp/big/airline40.csv') GROUP BY ALL`);
console.error('duck query ms', Math.round(performance.now() - t), r.getRows().length);
