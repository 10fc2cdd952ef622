/**
 * A chart in an app: the NPS per channel of the example answers as a Vega-Lite spec from
 * cx-metrics/charts, embedded in a web page with vega-embed — the way a dashboard shows it.
 * The spec is plain JSON; the page loads vega-embed from a CDN, as an app would bundle it.
 *
 *   npx tsx examples/chart-embed.ts examples/data/nps-answers.csv chart.html
 */
import { writeFileSync } from 'node:fs';
import { summaryChart } from '../src/charts/index.js';
import { summarize } from '../src/index.js';
import { fileArgument, readSimpleCsv } from './shared/simple-csv.js';

const file = fileArgument('tsx examples/chart-embed.ts FILE.csv [OUT.html]');
const out = process.argv[3] ?? 'chart.html';
const { columns, lines } = readSimpleCsv(file);
const rows = lines.map((cells) => ({ channel: cells[columns.indexOf('channel')]!, recommend: cells[columns.indexOf('recommend')] === '' ? null : Number(cells[columns.indexOf('recommend')]) }));

const spec = summaryChart(summarize(rows, { by: 'channel', nps: 'recommend' }), { title: 'Would you recommend us? NPS by channel', width: 420 });

// What a web app ships: the spec as JSON and three scripts that render it.
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>NPS by channel</title>
<script src="https://cdn.jsdelivr.net/npm/vega@6"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-lite@6"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-embed@7"></script>
</head>
<body>
<div id="chart"></div>
<script>vegaEmbed('#chart', ${JSON.stringify(spec)});</script>
</body>
</html>
`;
writeFileSync(out, page);
console.log(`wrote ${out}: a ${Object.keys(spec).includes('layer') ? 'layered' : 'composed'} Vega-Lite v6 chart of ${rows.length} answers`);
