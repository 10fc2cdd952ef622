/**
 * An NPS report from a CSV file: overall and per channel, with intervals, weights and a
 * comparison of two channels.
 *
 *   npm start                                   # the bundled examples/data/nps-answers.csv
 *   npx tsx examples/nps-report.ts FILE.csv [SCORE_COLUMN] [GROUP_COLUMN] [WEIGHT_COLUMN]
 *
 * The CSV must be simple (no quoted commas); an empty score cell means "no answer".
 */
import { NPS_SCALE, compareNps, createTally, nps, round, roundPercentages, type NpsResult, type Tally } from '../src/index.js';
import { readSimpleCsv } from './shared/simple-csv.js';

const [file, scoreColumn = 'recommend', groupColumn = 'channel', weightColumn = 'weight'] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx examples/nps-report.ts FILE.csv [SCORE_COLUMN] [GROUP_COLUMN] [WEIGHT_COLUMN]');
  process.exit(2);
}

const { columns, lines } = readSimpleCsv(file);
const column = (name: string) => {
  const index = columns.indexOf(name);
  if (index < 0) {
    console.error(`${file} has no column "${name}" (it has ${columns.join(', ')})`);
    process.exit(1);
  }
  return index;
};
const scoreAt = column(scoreColumn);
const groupAt = column(groupColumn);
const weightAt = columns.indexOf(weightColumn);

// One pass: a running tally per group; a blank cell is no answer, anything else must be a point.
const groups = new Map<string, ReturnType<typeof createTally>>();
const weighted = createTally(NPS_SCALE);
for (const cells of lines) {
  const cell = cells[scoreAt] ?? '';
  const answer = cell.trim() === '' ? null : Number(cell);
  const group = cells[groupAt] ?? '';
  if (!groups.has(group)) groups.set(group, createTally(NPS_SCALE));
  groups.get(group)!.add(answer);
  weighted.add(answer, weightAt >= 0 ? Number(cells[weightAt]) : 1);
}

const tallies = new Map<string, Tally>([...groups].map(([key, running]) => [key, running.result()]));
const overall = createTally(NPS_SCALE);
for (const t of tallies.values()) overall.merge(t);

function line(label: string, result: NpsResult): string {
  if (result.score === null) return `${label.padEnd(10)} n=${result.n}  no answers`;
  const { promoters, passives, detractors } = result.percent!;
  const [p, pa, d] = roundPercentages([promoters, passives, detractors]);
  const { lower, upper } = result.interval!;
  return `${label.padEnd(10)} n=${String(result.n).padStart(4)}  NPS ${String(round(result.score, 1)).padStart(6)}  95% CI [${round(lower, 1)}, ${round(upper, 1)}]  promoters ${p}%  passives ${pa}%  detractors ${d}%`;
}

const total = nps(overall.result());
console.log(`NPS report for ${file} (${lines.length} rows, ${total.missing} without an answer)\n`);
console.log(line('all', total));
for (const [key, t] of tallies) console.log(line(key, nps(t)));
console.log(line('weighted', nps(weighted.result())) + `  (effective n ${round(nps(weighted.result()).effectiveN, 1)})`);

const [first, second] = [...tallies.keys()];
if (first !== undefined && second !== undefined) {
  const change = compareNps(tallies.get(first)!, tallies.get(second)!);
  if (change.difference !== null && change.pValue !== null) {
    console.log(`\n${first} − ${second}: ${round(change.difference, 1)} points, p = ${round(change.pValue, 4)}${change.significant ? ' (significant at 95 %)' : ' (not significant at 95 %)'}`);
  }
}
