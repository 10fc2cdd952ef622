export { DEFAULT_NPS_BANDS, nps } from './nps.js';
export type { NpsBands, NpsIntervalMethod, NpsOptions, NpsResult } from './nps.js';
export { compareNps } from './compare-nps.js';
export type { CompareNpsOptions, NpsComparison } from './compare-nps.js';
export { npsSampleSize } from './nps-sample-size.js';
export type { NpsSampleSizeOptions } from './nps-sample-size.js';
export type { MetricResult } from './internal/base-result.js';
export type { Comparison } from './internal/comparison.js';
export type { MetricInput } from './internal/resolve-tally.js';
