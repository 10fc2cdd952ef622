export { summarize } from './summarize.js';
export type { Field, MetricName, MetricResults, MetricSpec, MetricSpecs, RowAccessor, Summary, SummarizeOptions, SummaryGroup } from './summarize.js';
export { defineJourney } from './define-journey.js';
export type { Journey, JourneyDefinition, Stage, StageDefinition, Touchpoint, TouchpointDefinition } from './define-journey.js';
export { journeyReport } from './journey-report.js';
export type { AgainstRest, JourneyReport, JourneyReportOptions, StageReport, TouchpointReport, Unmapped, WeightedIndex } from './journey-report.js';
export { trend } from './trend.js';
export type { Period, Trend, TrendOptions, TrendPeriod } from './trend.js';
