import { MAX_REPORTED_ISSUES, describeValue } from '../../core/errors.js';
import { judgeOffScaleValue, pointIndex, weightSumsProblem, type AnswerRules, type Verdict } from '../../core/internal/answer-rules.js';
import { logIssue, type IssueLog } from '../../core/internal/issue-log.js';
import type { MutableTally } from '../../core/internal/mutable-tally.js';
import type { ResolvedMetric } from '../../analysis/internal/metric-specs.js';

/** A count or sum as drivers return it: a number, a bigint (DuckDB, BigQuery) or a decimal string (PostgreSQL's pg). */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  return null;
}

/** A group value as drivers return it; a bigint that fits is a number, so 7n and 7 are one group. */
export function groupValue(value: unknown): unknown {
  return typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value;
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
    if (!rules.skipInvalid) return logIssue(log, { code: verdict.code, path: [r, column], message: `${verdict.message} (${count} answers)` });
    tally.invalid += count;
    if (tally.rejected.length < MAX_REPORTED_ISSUES) tally.rejected.push({ index: r, value: describeValue(record[column]), code: verdict.code, reason: `${verdict.message} (${count} answers)` });
  };
  let sumWeights = count;
  let sumSquaredWeights = count;
  if (weighted) {
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
  const score = raw === null || raw === undefined ? raw : (numeric(raw) ?? raw);
  const { min, max } = rules.scale;
  const k = pointIndex(score, min, max - min);
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
