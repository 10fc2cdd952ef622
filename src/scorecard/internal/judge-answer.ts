import { describeValue, type ValidationCode } from '../../core/errors.js';
import { formatScale } from '../../core/scale.js';
import { NOT_APPLICABLE, type Criterion } from '../define-scorecard.js';

/** How one criterion came out in one visit. */
export type Judgement =
  | { readonly status: 'answered' | 'not-applicable' | 'unanswered'; readonly earned: number; readonly possible: number; readonly failedCritical: boolean }
  | { readonly status: 'invalid'; readonly code: ValidationCode; readonly message: string };

const NOTHING = { earned: 0, possible: 0, failedCritical: false } as const;

/** Share of full credit an answer earns, 0–1, or why the answer is not one this criterion takes. */
function credit(criterion: Criterion, value: unknown): number | { code: ValidationCode; message: string } {
  const { answer } = criterion;
  if (answer === 'yes-no') {
    if (value === true || value === 'yes') return 1;
    if (value === false || value === 'no') return 0;
    return { code: 'invalid_type', message: `expected true/false, "yes"/"no" or "${NOT_APPLICABLE}", got ${describeValue(value)}` };
  }
  if ('scale' in answer) {
    const { min, max } = answer.scale;
    if (typeof value !== 'number') return { code: 'invalid_type', message: `expected a point of ${formatScale(answer.scale)} or "${NOT_APPLICABLE}", got ${describeValue(value)}` };
    if (!(value >= min && value <= max)) return { code: 'out_of_range', message: `${describeValue(value)} is outside the scale ${formatScale(answer.scale)}` };
    if (!Number.isInteger(value)) return { code: 'not_integer', message: `${describeValue(value)} is not a point of the scale ${formatScale(answer.scale)}` };
    return (value - min) / (max - min);
  }
  const labels = Object.keys(answer.options);
  if (typeof value !== 'string' || !Object.hasOwn(answer.options, value)) {
    return { code: 'unknown_option', message: `expected one of ${labels.map((label) => JSON.stringify(label)).join(', ')} or "${NOT_APPLICABLE}", got ${describeValue(value)}` };
  }
  const best = Math.max(...Object.values(answer.options));
  return best > 0 ? answer.options[value]! / best : 1;
}

/**
 * Scores one criterion of one visit. N/A and an unanswered optional criterion count 0 of 0;
 * an unanswered required one is invalid, or 0 of its points under `unanswered: 'zero'`.
 * A bonus criterion adds to earned and never to possible. A critical criterion fails when
 * its answer earns no credit (no, the scale's lowest point, an option worth nothing).
 */
export function judgeAnswer(criterion: Criterion, value: unknown, unanswered: 'error' | 'zero'): Judgement {
  const possible = criterion.bonus ? 0 : criterion.points;
  if (value === NOT_APPLICABLE) return { status: 'not-applicable', ...NOTHING };
  if (value === null || value === undefined) {
    if (!criterion.required) return { status: 'unanswered', ...NOTHING };
    if (unanswered === 'error') return { status: 'invalid', code: 'unanswered', message: `the required criterion ${JSON.stringify(criterion.id)} has no answer` };
    return { status: 'unanswered', earned: 0, possible, failedCritical: criterion.critical };
  }
  const share = credit(criterion, value);
  if (typeof share !== 'number') return { status: 'invalid', ...share };
  const { answer } = criterion;
  // Named options earn their own points; yes/no and scales a share of the criterion's.
  const earned = typeof answer === 'object' && 'options' in answer ? answer.options[value as string]! : criterion.points * share;
  return { status: 'answered', earned, possible, failedCritical: criterion.critical && share === 0 };
}
