export { tallySql } from './tally-sql.js';
export type { SqlDialect, TallyQuery, TallySqlOptions } from './tally-sql.js';
export { tallyFromRows } from './tally-from-rows.js';
export type { TallyFromRowsOptions, TallyGroup } from './tally-from-rows.js';
