/**
 * A mystery-shopping programme: two months of visits to three locations, each visit scored on
 * the service-encounter card of its situation (service order, product order, purchase,
 * complaint, feedback). One scorecardReport gives the league of locations over all their
 * visits whatever the card, each location's month-on-month change with its test, and the
 * weakest criteria of the last-placed location.
 *
 *   npx tsx examples/scorecard-league.ts examples/data/mystery-visits.csv
 *
 * Columns: visit, date, wave (the month), location, situation, then one per criterion id. An
 * empty cell means the criterion was not observed (or is not on that situation's card); "n/a"
 * means it did not apply. The CSV must be simple (no quoted commas).
 * (The command line does the same: cx-metrics scorecard FILE --template service-encounter …)
 */
import { SERVICE_SITUATIONS, scorecardReport, serviceEncounterScorecard, type Visit } from '../src/index.js';
import { fileArgument, fixed, readSimpleCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/scorecard-league.ts FILE.csv');
const { columns, lines } = readSimpleCsv(file);
const FIELDS = ['visit', 'date', 'wave', 'location', 'situation'];

const visits: Visit[] = lines.map((cells) => {
  const field = (name: string) => cells[columns.indexOf(name)] ?? '';
  const answers: Record<string, string | number> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] ?? '';
    if (FIELDS.includes(column) || cell === '') return;
    answers[column] = /^\d+$/.test(cell) ? Number(cell) : cell;
  });
  return { id: field('visit'), location: field('location'), situation: field('situation'), wave: field('wave'), answers };
});

// The five cards by situation; each visit names its own.
const cards = Object.fromEntries(SERVICE_SITUATIONS.map((situation) => [situation, serviceEncounterScorecard(situation)]));
const report = scorecardReport(cards, visits, { card: 'situation', by: 'location', wave: 'wave' });

const percent = (value: number | null) => (value === null ? '–' : fixed(value, 1));
console.log(`Mystery-shopping league, ${visits.length} visits in ${report.waves!.join(' and ')} (${file})\n`);
console.log('rank  location         visits   points            score   pass %   critical fails');
for (const group of [...report.groups].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))) {
  const points = `${fixed(group.earned, 2)} / ${group.possible}`;
  console.log(`${String(group.rank).padStart(4)}  ${String(group.key).padEnd(16)} ${String(group.visits).padStart(6)}   ${points.padEnd(17)} ${percent(group.score).padStart(5)}   ${percent(group.passRate).padStart(6)}   ${String(group.criticalFailures).padStart(14)}`);
}

console.log('\nMonth on month (pooled score, Welch t on jackknife standard errors, Holm over the locations):');
for (const group of report.groups) {
  const [before, after] = group.waves!;
  const change = after!.change!;
  const sign = change.difference! > 0 ? '+' : '';
  console.log(`  ${String(group.key).padEnd(16)} ${percent(before!.score)} → ${percent(after!.score)}  ${sign}${fixed(change.difference!, 1)} points, p = ${fixed(change.pValue!, 3)}, adjusted ${fixed(change.adjustedPValue!, 3)}`);
}

const last = report.groups.find((group) => group.rank === report.groups.length);
if (last) {
  const weakest = last.criteria
    .filter((criterion) => criterion.achievement !== null)
    .sort((a, b) => a.achievement! - b.achievement!)
    .slice(0, 3);
  console.log(`\nWeakest criteria at ${String(last.key)}: ${weakest.map((criterion) => `${criterion.id} ${fixed(criterion.achievement!, 1)} %`).join(', ')}`);
}
