/**
 * A customer-journey report for a (made-up) broadband provider: NPS, CSAT and CES per stage
 * and touchpoint from awareness to aftercare, the journey index, the weakest points and what
 * is significantly below the rest of the journey.
 *
 *   npx tsx examples/journey-report.ts examples/data/journey-answers.csv
 *
 * Columns: respondent, stage, touchpoint, recommend (0–10), satisfaction (1–5), effort (1–7,
 * higher = easier). An empty cell is no answer.
 */
import { defineJourney, journeyReport, type MetricResults } from '../src/index.js';
import { fileArgument, fixed, readSimpleCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/journey-report.ts FILE.csv');
const { columns, lines } = readSimpleCsv(file);
const rows = lines.map((cells) => {
  const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
  const answer = (name: string) => (cell(name) === '' ? null : Number(cell(name)));
  return { stage: cell('stage'), touchpoint: cell('touchpoint'), recommend: answer('recommend'), satisfaction: answer('satisfaction'), effort: answer('effort') };
});

// Purchase and aftercare weigh double in the index: they are where customers are won and kept.
const journey = defineJourney({
  stages: [
    { id: 'awareness', touchpoints: [{ id: 'advert' }, { id: 'referral' }] },
    { id: 'consideration', touchpoints: [{ id: 'website' }, { id: 'showroom' }] },
    { id: 'purchase', weight: 2, touchpoints: [{ id: 'online-checkout' }, { id: 'store' }, { id: 'phone-sales' }] },
    { id: 'use', touchpoints: [{ id: 'installation' }, { id: 'app' }] },
    { id: 'aftercare', weight: 2, touchpoints: [{ id: 'helpline' }, { id: 'chat' }] },
  ],
});

const report = journeyReport(rows, journey, { stage: 'stage', touchpoint: 'touchpoint', nps: 'recommend', csat: 'satisfaction', ces: 'effort', headline: 'nps' });

const line = (label: string, rowCount: number, results: MetricResults) => {
  const { nps, csat, ces } = results;
  const npsText = nps?.score == null ? '      –' : fixed(nps.score, 1).padStart(7);
  const interval = nps?.interval ? `[${fixed(nps.interval.lower, 1)}, ${fixed(nps.interval.upper, 1)}]` : '';
  const csatText = csat?.score == null ? '    –' : fixed(csat.score, 1).padStart(5);
  const cesText = ces?.score == null ? '   –' : fixed(ces.score, 2).padStart(4);
  return `${label.padEnd(20)} ${String(rowCount).padStart(5)} ${npsText}  ${interval.padEnd(15)} ${csatText}   ${cesText}`;
};

console.log(`Customer journey, ${rows.length} answers (${file})\n`);
console.log(`${'stage / touchpoint'.padEnd(20)}  rows     NPS  95% CI          CSAT %  CES`);
for (const stage of report.stages) {
  console.log(line(stage.label, stage.rows, stage));
  for (const touchpoint of stage.touchpoints) console.log(line(`  ${touchpoint.label}`, touchpoint.rows, touchpoint));
}
console.log(line('all stages', report.total.rows, report.total));

const { index, weakest, significantlyBelow, unmapped } = report;
if (index.score !== null && index.interval !== null) {
  console.log(`\nJourney NPS index (purchase and aftercare count double): ${fixed(index.score, 1)}  95% CI [${fixed(index.interval.lower, 1)}, ${fixed(index.interval.upper, 1)}]`);
}
console.log(`Weakest stage: ${weakest.stage ?? '–'}; weakest touchpoint: ${weakest.touchpoint ? `${weakest.touchpoint.stage} / ${weakest.touchpoint.touchpoint}` : '–'}`);
const below = [...significantlyBelow.stages, ...significantlyBelow.touchpoints.map((entry) => `${entry.stage} / ${entry.touchpoint}`)];
// The stages' tests are one family and the touchpoints' another, each Holm-adjusted.
console.log(`Significantly below the rest of the journey (95 %, Holm-adjusted): ${below.length > 0 ? below.join(', ') : 'nothing'}`);
console.log(`Not in the journey: ${unmapped.rows} rows (${unmapped.stages.map((entry) => `${String(entry.value)}: ${entry.rows}`).join(', ')})`);
