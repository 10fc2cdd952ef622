export { DEFAULT_NPS_BANDS, nps } from './nps.js';
export type { NpsBands, NpsIntervalMethod, NpsOptions, NpsResult } from './nps.js';
export { compareNps } from './compare-nps.js';
export type { CompareNpsOptions, NpsComparison } from './compare-nps.js';
export { npsSampleSize } from './nps-sample-size.js';
export type { NpsSampleSizeOptions } from './nps-sample-size.js';
export type { MetricResult } from './internal/base-result.js';
export type { Comparison, ComparisonIntervalMethod } from './internal/comparison.js';
export type { MetricInput } from './internal/resolve-tally.js';
export { csat } from './csat.js';
export type { CsatIntervalMethod, CsatOptions, CsatResult } from './csat.js';
export { compareCsat } from './compare-csat.js';
export type { CompareCsatOptions, CsatComparison } from './compare-csat.js';
export { csatSampleSize } from './csat-sample-size.js';
export type { CsatSampleSizeOptions } from './csat-sample-size.js';
export { ces } from './ces.js';
export type { CesIntervalMethod, CesMethod, CesOptions, CesOrientation, CesResult } from './ces.js';
export { compareCes } from './compare-ces.js';
export type { CesComparison, CompareCesOptions } from './compare-ces.js';
export { satisfactionIndex } from './satisfaction-index.js';
export type {
  SatisfactionIndexItem,
  SatisfactionIndexItemResult,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
} from './satisfaction-index.js';
export { compareToBenchmark } from './compare-to-benchmark.js';
export type { Benchmark, BenchmarkComparison } from './compare-to-benchmark.js';
