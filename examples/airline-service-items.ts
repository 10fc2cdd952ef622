/**
 * CSAT and mean rating per service item of the airline passenger survey, plus a composite
 * satisfaction index over all items. Ratings are 1–5; 0 means "not applicable".
 *
 *   npx tsx examples/airline-service-items.ts ../shared/data/airline-passenger-satisfaction-test.csv
 *
 * The CSV must be simple (no quoted commas), as that file is. The service items are the
 * columns from "Inflight wifi service" to "Cleanliness".
 */
import { CSAT_SCALE, csat, satisfactionIndex } from '../src/index.js';
import { fileArgument, fixed, readSimpleCsv } from './shared/simple-csv.js';


const file = fileArgument('tsx examples/airline-service-items.ts FILE.csv');
const { columns, lines } = readSimpleCsv(file);
const first = columns.indexOf('Inflight wifi service');
const last = columns.indexOf('Cleanliness');
if (first < 0 || last < first) {
  console.error(`${file} does not have the service item columns "Inflight wifi service" … "Cleanliness"`);
  process.exit(1);
}
const ITEMS = columns.slice(first, last + 1);

// Rows as objects with the items as numbers; an empty cell is no answer. Text that is not a
// number stays text, so the library reports it with its row and column.
const rows = lines.map((cells) => {
  const row: Record<string, number | string | null> = {};
  for (const item of ITEMS) {
    const cell = (cells[columns.indexOf(item)] ?? '').trim();
    row[item] = cell === '' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell);
  }
  return row;
});

const width = Math.max(...ITEMS.map((item) => item.length));
console.log(`Service items of ${file} (${rows.length} passengers; 0 = not applicable)\n`);
console.log(`${'item'.padEnd(width)}      n   n/a   CSAT %   95% CI          mean`);
for (const item of ITEMS) {
  const result = csat(rows.map((row) => row[item]) as (number | null)[], { scale: CSAT_SCALE, notApplicable: [0] });
  if (result.score === null) {
    console.log(`${item.padEnd(width)} ${String(result.n).padStart(6)} ${String(result.missing).padStart(5)}   no answers`);
    continue;
  }
  const interval = `[${fixed(result.interval!.lower, 1)}, ${fixed(result.interval!.upper, 1)}]`;
  console.log(
    `${item.padEnd(width)} ${String(result.n).padStart(6)} ${String(result.missing).padStart(5)} ${fixed(result.score, 1).padStart(8)}   ${interval.padEnd(14)} ${fixed(result.mean!, 2)}`,
  );
}

const index = satisfactionIndex(rows, { items: ITEMS.map((field) => ({ field, scale: CSAT_SCALE })), notApplicable: [0] });
if (index.score !== null && index.interval !== null) {
  console.log(`\nSatisfaction index (all ${ITEMS.length} items, equal weights, 0–100): ${fixed(index.score, 2)}  95% CI [${fixed(index.interval.lower, 2)}, ${fixed(index.interval.upper, 2)}]`);
}
