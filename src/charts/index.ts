/**
 * cx-metrics/charts: Vega-Lite v6 specifications of cx-metrics results — plain JSON with the
 * data inline, for vega-embed, Observable, Jupyter (Altair takes the JSON) or a dashboard of
 * your own. Nothing heavy is imported: the specs are data, rendering is the viewer's job.
 *
 * @packageDocumentation
 */
export { summaryChart } from './summary-chart.js';
export { trendChart } from './trend-chart.js';
export { driversChart } from './drivers-chart.js';
export { journeyChart } from './journey-chart.js';
export { scorecardChart } from './scorecard-chart.js';
export { themesChart } from './themes-chart.js';
export { monitorChart } from './monitor-chart.js';
export { funnelChart } from './funnel-chart.js';
export type { ThemesChartOptions } from './themes-chart.js';
export type { ScorecardChartOptions } from './scorecard-chart.js';
export type { ChartOptions, VegaLiteSpec } from './internal/options.js';
export type { ChartLabels } from './labels/chart-labels.js';
export { EN_LABELS } from './labels/en.js';
export { FI_LABELS } from './labels/fi.js';
