export { tallySql } from './tally-sql.js';
export type { SqlDialect, TallyQuery, TallySqlOptions } from './tally-sql.js';
export { tallyFromRows } from './tally-from-rows.js';
export type { TallyFromRowsOptions, TallyGroup } from './tally-from-rows.js';
export { summaryFromRows, summarySql } from './summary-sql.js';
export type { SqlMetricSpec, SqlMetricSpecs, SummaryQuery, SummarySqlOptions } from './summary-sql.js';
export { trendFromRows, trendSql } from './trend-sql.js';
export type { AtType, TrendQuery, TrendSqlOptions } from './trend-sql.js';
