export { summarize, summarizeStream } from './summarize.js';
export type {
  AskedMetrics,
  Field,
  ItemResult,
  MetricName,
  MetricResults,
  MetricResultsFor,
  MetricSpec,
  MetricSpecs,
  RowAccessor,
  Summary,
  SummarizeOptions,
  SummaryGroup,
  SummaryMetricResults,
  SummaryMetricSpec,
  SummaryMetricSpecs,
} from './summarize.js';
export { defineJourney } from './define-journey.js';
export type { Journey, JourneyDefinition, Stage, StageDefinition, Touchpoint, TouchpointDefinition } from './define-journey.js';
export { journeyReport } from './journey-report.js';
export type { AgainstRest, JourneyReport, JourneyReportOptions, StageReport, TouchpointReport, Unmapped, WeightedIndex } from './journey-report.js';
export { trend } from './trend.js';
export type { Period, Trend, TrendOptions, TrendPeriod } from './trend.js';
export { KEY_DRIVER_METHODS, keyDrivers } from './key-drivers.js';
export type { DriverQuadrant, DriverSpec, KeyDriver, KeyDriverMethod, KeyDriverOptions, KeyDriverResult } from './key-drivers.js';
export { followUps } from './follow-ups.js';
export type { FollowUp, FollowUpList, FollowUpOptions } from './follow-ups.js';
export type { ComplementaryRule, Suppression, SuppressionOptions, SuppressionRule } from '../common/suppression.js';
export { keyFindings } from './key-findings.js';
export type { FieldTrend, KeyFinding, KeyFindingFamily, KeyFindingKind, KeyFindings, KeyFindingsInput, KeyFindingsOptions, ThemeFindingsInput, ThemeImpactInput } from './key-findings.js';
export { bannerTable } from './banner-table.js';
export type { BannerAdjustment, BannerCell, BannerPair, BannerColumn, BannerRow, BannerTable, BannerTableOptions, BannerTest } from './banner-table.js';
