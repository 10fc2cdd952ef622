/**
 * cx-metrics: customer-experience metrics (NPS, CSAT, CES) computed from mergeable tallies,
 * with weights, standard errors, confidence intervals and tests.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './stats/index.js';
export * from './metrics/index.js';
