import { MAX_REPORTED_ISSUES, describeValue } from '../../core/errors.js';
import { ownText } from '../../core/internal/group-keys.js';
import { judgeOffScaleValue, pointIndex, weightSumsProblem, type AnswerRules, type Verdict } from '../../core/internal/answer-rules.js';
import { logIssue, type IssueLog } from '../../core/internal/issue-log.js';
import type { MutableTally } from '../../core/internal/mutable-tally.js';
import type { ResolvedMetric } from '../../common/metric-specs.js';

/**
 * Decimal text as engines write numbers: no spaces, no hex, at most {@link MAX_NUMBER_TEXT}
 * characters. Each part of the pattern has one way to match, so a long non-number fails in
 * linear time (the pattern before this one took 10 s on a 100 kB text).
 */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_NUMBER_TEXT = 400;

/** A decimal number written as text, or null for anything else. */
function decimalText(text: string): number | null {
  return text.length <= MAX_NUMBER_TEXT && DECIMAL_TEXT.test(text) ? Number(text) : null;
}

/** A count or sum as drivers return it: a number, a bigint (DuckDB, BigQuery) or a decimal string (PostgreSQL's pg). */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return decimalText(value);
  return null;
}

/** SQL types whose values are numbers, as DuckDB's `typeof`, PostgreSQL's `pg_typeof` and Spark's `typeof` name them. */
const NUMERIC_TYPE = /^(?:tinyint|smallint|int|integer|bigint|hugeint|utinyint|usmallint|uinteger|ubigint|uhugeint|int[248]|float[48]?|real|double|double precision|decimal|numeric|bignum)(?:\s*\(.*\))?$/i;

/**
 * An answer or weight of a result row as the value it was in the table. The query reports
 * each column's SQL type beside it (`score_type`, `weight_type`), because a driver's value
 * alone does not tell: PostgreSQL returns NUMERIC as text, DuckDB turns a BOOLEAN stacked with
 * numbers into 1 and 0, and a text column among numbers makes the numbers text. A value of a
 * numeric column is read as its number, wherever the driver wrote it as text; a value of any
 * other column (text, BOOLEAN, DATE) stays what it is, which is never an answer, as in memory.
 * Without a type (BigQuery, rows made by hand) only numbers and bigints are numbers.
 */
export function tableValue(value: unknown, type: unknown): unknown {
  if (value === null || value === undefined) return value;
  const numericColumn = typeof type === 'string' && NUMERIC_TYPE.test(type.trim());
  if (typeof type === 'string' && !numericColumn) return { notANumber: value, type };
  if (typeof value === 'bigint') return Number(value);
  if (!numericColumn || typeof value === 'number') return value;
  // A numeric column written as text: PostgreSQL's NUMERIC, a DuckDB DECIMAL value object.
  const text = typeof value === 'string' ? value : typeof value === 'object' ? ownText(value) : null;
  return (text === null ? null : decimalText(text)) ?? value;
}

/** What to say of a value {@link tableValue} found in a column that is not numeric. */
function columnVerdict(value: unknown, code: Verdict['code']): Verdict | null {
  if (typeof value !== 'object' || value === null || !('notANumber' in value)) return null;
  const { notANumber, type } = value as { notANumber: unknown; type: string };
  return { code, message: `expected a number, got ${describeValue(notANumber)} (the column is ${type.trim()})` };
}

/** The answer count of a result row, or null (logged) when the row has none. */
export function answerCount(record: Readonly<Record<string, unknown>>, r: number, log: IssueLog): number | null {
  const count = numeric(record['answers']);
  if (count === null || !Number.isSafeInteger(count) || count < 0) {
    logIssue(log, { code: 'invalid_tally', path: [r, 'answers'], message: `expected a count, got ${describeValue(record['answers'])}` });
    return null;
  }
  return count;
}

/**
 * Adds one result row of a push-down query — `count` answers of one value, with their weight
 * sums when `weighted` — to a tally, judging the value by `rules` as `tally` judges an answer:
 * a point of the scale is counted, NULL and N/A codes are missing, anything else invalid
 * (an error, or under `invalid: 'skip'` counted with the row's index in `rejected`); so are
 * the answers of a value whose weights include NULL, negative or non-finite ones.
 */
export function countResultRow(tally: MutableTally, record: Readonly<Record<string, unknown>>, r: number, count: number, rules: AnswerRules, weighted: boolean, log: IssueLog): void {
  const reject = (verdict: Verdict, column: string) => {
    const message = `${verdict.message} (${count} ${count === 1 ? 'answer' : 'answers'})`;
    if (!rules.skipInvalid) return logIssue(log, { code: verdict.code, path: [r, column], message });
    tally.invalid += count;
    if (tally.rejected.length < MAX_REPORTED_ISSUES) tally.rejected.push({ index: r, value: describeValue(record[column]), code: verdict.code, reason: message });
  };
  let sumWeights = count;
  let sumSquaredWeights = count;
  if (weighted) {
    const weightType = columnVerdict(tableValue(record['min_weight'], record['weight_type']), 'invalid_weight');
    if (weightType !== null) return reject(weightType, 'min_weight');
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
  const score = tableValue(record['score'], record['score_type']);
  const { min, max } = rules.scale;
  const k = pointIndex(score, min, max - min);
  if (k >= 0) {
    tally.counts[k]! += count;
    tally.sumWeights[k]! += sumWeights;
    tally.sumSquaredWeights[k]! += sumSquaredWeights;
    tally.n += count;
    return;
  }
  const verdict = columnVerdict(score, 'invalid_type') ?? judgeOffScaleValue(score, rules);
  if (verdict === 'missing') tally.missing += count;
  else reject(verdict, 'score');
}

/** The metric column index of a result row, or null (logged) when it is not one of the query's. */
export function metricIndex(record: Readonly<Record<string, unknown>>, r: number, metrics: readonly ResolvedMetric[], log: IssueLog): number | null {
  if (!('score' in record)) {
    logIssue(log, { code: 'invalid_tally', path: [r, 'score'], message: 'the row has no score column: is it a row of this query?' });
    return null;
  }
  const m = numeric(record['metric']);
  if (m === null || !Number.isInteger(m) || m < 0 || m >= metrics.length) {
    logIssue(log, { code: 'invalid_tally', path: [r, 'metric'], message: `expected a metric index from 0 to ${metrics.length - 1}, got ${describeValue(record['metric'])}` });
    return null;
  }
  return m;
}
