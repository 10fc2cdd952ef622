export { normalCdf, normalQuantile } from './normal.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
export type { Interval, IntervalMethod } from './interval.js';
