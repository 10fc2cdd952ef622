export { betaCdf, betaQuantile } from './beta.js';
export { normalCdf, normalQuantile } from './normal.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
export type { Interval, IntervalMethod } from './interval.js';
export type { ProportionIntervalMethod } from './proportion-interval.js';
export type { DifferenceIntervalMethod } from './difference-interval.js';
export { adjustPValues, P_VALUE_ADJUSTMENTS } from './adjust-p-values.js';
export type { PValueAdjustment } from './adjust-p-values.js';
export { kaplanMeier, type SurvivalCurve, type SurvivalQuantile, type SurvivalStep } from './kaplan-meier.js';
