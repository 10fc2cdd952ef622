export { summarize } from './summarize.js';
export type { Field, MetricResults, MetricSpec, MetricSpecs, RowAccessor, Summary, SummarizeOptions, SummaryGroup } from './summarize.js';
