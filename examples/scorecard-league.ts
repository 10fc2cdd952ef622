/**
 * A month of mystery-shopping visits for three locations, each scored with the ready
 * service-encounter template for its situation, and the league table of locations: points
 * pooled per location (Σ earned / Σ possible), pass rate, critical failures, and the weakest
 * criteria of the last-placed location. (scorecardReport does this for visits on one card.)
 *
 *   npx tsx examples/scorecard-league.ts examples/data/mystery-visits.csv
 *
 * Columns: visit, date, location, situation, then one per criterion id. An empty cell means
 * the criterion was not observed (or is not on that situation's card); "n/a" means it did
 * not apply. The CSV must be simple (no quoted commas).
 */
import { SERVICE_SITUATIONS, scoreVisit, serviceEncounterScorecard, type ServiceSituation } from '../src/index.js';
import { fileArgument, fixed, readSimpleCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/scorecard-league.ts FILE.csv');
const { columns, lines } = readSimpleCsv(file);
const FIXED = ['visit', 'date', 'location', 'situation'];
const isSituation = (value: string): value is ServiceSituation => (SERVICE_SITUATIONS as readonly string[]).includes(value);

// Each visit is scored on the card of its situation; the league pools points per location.
const cards = new Map(SERVICE_SITUATIONS.map((situation) => [situation, serviceEncounterScorecard(situation)]));
const league = new Map<string, { visits: number; earned: number; possible: number; passed: number; judged: number; criticalFailures: number; criteria: Map<string, { earned: number; full: number }> }>();
for (const cells of lines) {
  const field = (name: string) => cells[columns.indexOf(name)] ?? '';
  const situation = field('situation');
  if (!isSituation(situation)) {
    console.error(`visit ${field('visit')}: unknown situation "${situation}" (expected ${SERVICE_SITUATIONS.join(', ')})`);
    process.exit(1);
  }
  const answers: Record<string, string | number> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] ?? '';
    if (FIXED.includes(column) || cell === '') return;
    answers[column] = /^\d+$/.test(cell) ? Number(cell) : cell;
  });
  const card = cards.get(situation)!;
  const visit = scoreVisit(card, { id: field('visit'), answers });
  const location = field('location');
  const entry = league.get(location) ?? { visits: 0, earned: 0, possible: 0, passed: 0, judged: 0, criticalFailures: 0, criteria: new Map() };
  entry.visits++;
  entry.earned += visit.earned;
  entry.possible += visit.possible;
  if (visit.passed !== null) entry.judged++;
  if (visit.passed) entry.passed++;
  if (visit.criticalFailures.length > 0) entry.criticalFailures++;
  // Achievement per criterion: earned over the full points of the visits that answered it.
  const points = new Map(card.sections.flatMap((section) => section.criteria.map((criterion) => [criterion.id, criterion.points])));
  for (const criterion of visit.criteria) {
    if (criterion.status !== 'answered') continue;
    const totals = entry.criteria.get(criterion.id) ?? { earned: 0, full: 0 };
    totals.earned += criterion.earned;
    totals.full += points.get(criterion.id)!;
    entry.criteria.set(criterion.id, totals);
  }
  league.set(location, entry);
}

const table = [...league].map(([location, entry]) => ({ location, ...entry, score: (entry.earned / entry.possible) * 100 })).sort((a, b) => b.score - a.score);
console.log(`Mystery-shopping league, ${lines.length} visits (${file})\n`);
console.log('rank  location         visits   points          score   pass %   critical fails');
table.forEach((row, i) => {
  const points = `${fixed(row.earned, 2)} / ${row.possible}`;
  console.log(
    `${String(i + 1).padStart(4)}  ${row.location.padEnd(16)} ${String(row.visits).padStart(6)}   ${points.padEnd(15)} ${fixed(row.score, 1).padStart(5)}   ${fixed((row.passed / row.judged) * 100, 1).padStart(6)}   ${String(row.criticalFailures).padStart(14)}`,
  );
});

const last = table.at(-1);
if (last) {
  const weakest = [...last.criteria]
    .map(([id, totals]) => ({ id, achievement: (totals.earned / totals.full) * 100 }))
    .sort((a, b) => a.achievement - b.achievement)
    .slice(0, 3);
  console.log(`\nWeakest criteria at ${last.location}: ${weakest.map((entry) => `${entry.id} ${fixed(entry.achievement, 1)} %`).join(', ')}`);
}
