/**
 * cx-metrics: customer-experience metrics (NPS, CSAT, CES, a satisfaction index) computed
 * from mergeable tallies with weights, standard errors, confidence intervals and tests; and
 * mystery-shopping scorecards.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './stats/index.js';
export * from './metrics/index.js';
export * from './scorecard/index.js';
export * from './analysis/index.js';
export * from './sql/index.js';
export * from './weights/index.js';
export * from './monitoring/index.js';
