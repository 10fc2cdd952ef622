/**
 * A CX tool's answers in PostgreSQL, summarised where they live: a whole summary (NPS and
 * CSAT per store and in total) and a weekly trend in Helsinki time, each one query run by the
 * database, the few rows it returns turned into the same results `summarize` and `trend`
 * give in memory. PostgreSQL here is PGlite, a real PostgreSQL build running in-process; with
 * a server, `pg`'s `client.query(sql).rows` is used the same way.
 *
 *   npx tsx examples/warehouse-pglite.ts examples/data/google-forms-export.csv
 *
 * The file is a Google Forms export: Timestamp ("2026/11/02 9:00:00 AM GMT+2"), the 0–10
 * recommendation, the 1–5 satisfaction, the store, and free text (which stays out of SQL).
 */
import { PGlite } from '@electric-sql/pglite';
import { summaryFromRows, summarySql, trendFromRows, trendSql } from '../src/index.js';
import { fileArgument, fixed, readQuotedCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/warehouse-pglite.ts FILE.csv');
const { lines } = readQuotedCsv(file);

const db = new PGlite();
await db.exec('CREATE TABLE answers (answered_at TIMESTAMPTZ, recommend INTEGER, satisfaction INTEGER, store TEXT)');
for (const [timestamp = '', recommend = '', satisfaction = '', store = ''] of lines) {
  // "2026/11/02 9:00:00 AM GMT+2" → PostgreSQL reads "2026/11/02 9:00:00 AM +02".
  const at = timestamp.replace(/ GMT([+-]\d+)$/, ' $1');
  const number = (text: string) => (text === '' ? null : Number(text));
  await db.query('INSERT INTO answers VALUES ($1, $2, $3, $4)', [at, number(recommend), number(satisfaction), store]);
}

// One query for both metrics, every store and the total.
const summaryQuery = summarySql({ table: 'answers', by: 'store', nps: 'recommend', csat: 'satisfaction', dialect: 'postgres' });
const summary = summaryFromRows((await db.query(summaryQuery.sql)).rows, summaryQuery);
const show = (value: number | null | undefined) => (value === null || value === undefined ? '–' : fixed(value, 1));
console.log(`${lines.length} answers in PostgreSQL (PGlite), summarised by one query per report\n`);
console.log('store       rows    NPS  95% CI            CSAT %');
for (const group of [...summary.groups, { ...summary.total, key: 'all stores' }]) {
  const { nps, csat } = group;
  const interval = nps.interval ? `[${fixed(nps.interval.lower, 1)}, ${fixed(nps.interval.upper, 1)}]` : '';
  console.log(`${String(group.key).padEnd(10)} ${String(group.rows).padStart(5)} ${show(nps.score).padStart(6)}  ${interval.padEnd(16)} ${show(csat.score).padStart(6)}`);
}

// ISO weeks in Helsinki time, counted by the database; empty weeks, changes and tests here.
const trendQuery = trendSql({ table: 'answers', at: 'answered_at', period: 'week', timeZone: 'Europe/Helsinki', nps: 'recommend', dialect: 'postgres' });
const weeks = trendFromRows((await db.query(trendQuery.sql)).rows, trendQuery);
console.log('\nweek       answers    NPS   change  p (Holm)');
for (const week of weeks.periods) {
  const change = week.change?.nps;
  const shift = change?.difference === null || change?.difference === undefined ? '' : `${change.difference > 0 ? '+' : ''}${fixed(change.difference, 1)}`;
  console.log(`${week.period}  ${String(week.nps!.n).padStart(7)} ${show(week.nps!.score).padStart(6)}  ${shift.padStart(7)}  ${change?.adjustedPValue === null || change?.adjustedPValue === undefined ? '' : fixed(change.adjustedPValue, 3)}`);
}
await db.close();
