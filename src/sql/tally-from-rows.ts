import * as z from 'zod/mini';
import { MAX_REPORTED_ISSUES, describeValue, fail } from '../core/errors.js';
import { judgeOffScaleValue, pointIndex, weightSumsProblem, type Verdict } from '../core/internal/answer-rules.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { tupleGroups } from '../core/internal/tuple-groups.js';
import { answerOptionsShape, answerRules } from '../core/options.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import type { TallyQuery } from './tally-sql.js';

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

/** A count or sum as drivers return it: a number, a bigint (DuckDB, BigQuery) or a decimal string (PostgreSQL's pg). */
function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  return null;
}

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
  const span = query.scale.max - query.scale.min;
  const log = newIssueLog();
  // Tuples of group values through nested maps, as summarize's: no two tuples collide.
  const groups = tupleGroups(() => emptyTally(query.scale));
  if (query.groups === 0) groups.get([]);

  rows.forEach((row, r) => {
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    const problem = (column: string, message: string) => logIssue(log, { code: 'invalid_tally', path: [r, column], message });
    const parts = Array.from({ length: query.groups }, (_, g) => record[`group_${g + 1}`]);
    if (!('score' in record)) return problem('score', 'the row has no score column: is it a row of this query?');
    const count = numeric(record['answers']);
    if (count === null || !Number.isSafeInteger(count) || count < 0) return problem('answers', `expected a count, got ${describeValue(record['answers'])}`);
    const tally = groups.get(parts);
    const reject = (verdict: Verdict, column: string) => {
      if (!rules.skipInvalid) return logIssue(log, { code: verdict.code, path: [r, column], message: `${verdict.message} (${count} answers)` });
      tally.invalid += count;
      if (tally.rejected.length < MAX_REPORTED_ISSUES) tally.rejected.push({ index: r, value: describeValue(record[column]), code: verdict.code, reason: `${verdict.message} (${count} answers)` });
    };
    let sumWeights = count;
    let sumSquaredWeights = count;
    if (query.weighted) {
      const sum = numeric(record['sum_weights']);
      const squares = numeric(record['sum_squared_weights']);
      const given = numeric(record['weights_given']);
      const smallest = record['min_weight'] === null ? null : numeric(record['min_weight']);
      // Weights must be given and non-negative for every answer, and add up to sums usable as
      // in memory (a huge weight's square overflows, a tiny one's vanishes).
      if (sum === null || squares === null || given !== count || smallest === null || !(smallest >= 0) || weightSumsProblem(count, sum, squares) !== null) {
        return reject({ code: 'invalid_weight', message: 'weights must be given for every answer, and be 0 or numbers from 1e-100 to 1e100' }, 'min_weight');
      }
      sumWeights = sum;
      sumSquaredWeights = squares;
    }
    const raw = record['score'];
    const score = raw === null || raw === undefined ? raw : numeric(raw) ?? raw;
    const k = pointIndex(score, query.scale.min, span);
    if (k >= 0) {
      tally.counts[k]! += count;
      tally.sumWeights[k]! += sumWeights;
      tally.sumSquaredWeights[k]! += sumSquaredWeights;
      tally.n += count;
      return;
    }
    const verdict = judgeOffScaleValue(score, rules);
    if (verdict === 'missing') tally.missing += count;
    else reject(verdict, 'score');
  });
  throwIfIssues(log);
  return groups.entries().map(({ key, group }) => ({ key: query.groups === 0 ? null : query.groups === 1 ? key[0] : key, tally: group }));
}
