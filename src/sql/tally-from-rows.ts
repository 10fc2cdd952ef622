import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { answerOptionsShape, answerRules } from '../core/options.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import type { TallyQuery } from './tally-sql.js';
import { answerCount, countResultRow } from './internal/count-result-row.js';

/** Options of {@link tallyFromRows}: how to read the answers, as for `tally`. */
export interface TallyFromRowsOptions {
  readonly notApplicable?: readonly number[] | undefined;
  /** `'throw'` (default) or `'skip'`: answers off the scale (and rows of bad weights) are counted invalid. */
  readonly invalid?: InvalidPolicy | undefined;
}

/** One tally per group of a {@link tallySql} query. */
export interface TallyGroup {
  /** The group's value, a tuple for several group columns, null without groupBy. */
  readonly key: unknown;
  readonly tally: Tally;
}

const optionsSchema = z.strictObject({ notApplicable: answerOptionsShape.notApplicable, invalid: answerOptionsShape.invalid });

/**
 * Turns the rows of a {@link tallySql} query, as any driver returns them (objects with the
 * query's column names; counts as numbers, bigints or decimal strings), into tallies — one
 * per group, in the order of the rows. The answers are judged by the same rules as `tally`:
 * NULL is missing, `notApplicable` codes are missing, anything off the scale is invalid
 * (throws, or counted under `invalid: 'skip'`, with the result row's index in `rejected`);
 * so are the answers of a group whose weights include NULL, negative or non-finite ones.
 *
 * @throws {CxValidationError} for a row that does not have the query's columns, or invalid
 * answers or weights unless `invalid: 'skip'`.
 * @example
 * ```ts
 * const query = tallySql({ table: 'answers', score: 'recommend', scale: NPS_SCALE });
 * // Rows as a driver returns them for query.sql:
 * const rows = [
 *   { score: 10, answers: 120n },
 *   { score: 7, answers: 40n },
 *   { score: 3, answers: 40n },
 *   { score: null, answers: 12n },
 * ];
 * const [all] = tallyFromRows(rows, query);
 * nps(all.tally).score; // 40 ((120 − 40) / 200)
 * all.tally.missing; // 12
 * ```
 */
export function tallyFromRows(rows: readonly object[], query: TallyQuery, options: TallyFromRowsOptions = {}): TallyGroup[] {
  const parsed = parseWith(optionsSchema, options);
  if (!Array.isArray(rows)) fail('invalid_type', [], `rows must be an array, got ${describeValue(rows)}`);
  const rules = answerRules(query.scale, parsed);
  const log = newIssueLog();
  // Tuples of group values compared by value, as summarize compares them: no two tuples collide.
  const groups = keyedGroups(() => emptyTally(query.scale));
  if (query.groups === 0) groups.tuple([]);

  rows.forEach((row, r) => {
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    if (!('score' in record)) return logIssue(log, { code: 'invalid_tally', path: [r, 'score'], message: 'the row has no score column: is it a row of this query?' });
    const count = answerCount(record, r, log);
    if (count === null) return;
    const group = groups.tuple(Array.from({ length: query.groups }, (_, g) => record[`group_${g + 1}`]));
    if (group === undefined) return logIssue(log, { code: 'invalid_tally', path: [r], message: NOT_A_KEY });
    countResultRow(group, record, r, count, rules, query.weighted, log);
  });
  throwIfIssues(log);
  return groups.entries().map(({ key, group }) => ({ key: query.groups === 0 ? null : query.groups === 1 ? (key as unknown[])[0] : key, tally: group }));
}
