import { fail } from '../core/errors.js';
import { fieldReader, type Field, type FieldReader } from '../core/internal/field-reader.js';
import { newIssueLog, type IssueLog } from '../core/internal/issue-log.js';
import { checkFieldExists } from '../core/internal/row-answers.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import type { ResolvedMetric } from './metric-specs.js';

/** What a pass over the user's rows reads with: the weight, where issues go, and the policy. */
export interface RowPass {
  readonly weight: FieldReader | undefined;
  readonly log: IssueLog;
  readonly skip: boolean;
}

export function checkRowArray(rows: unknown): void {
  if (!Array.isArray(rows)) fail('invalid_type', [], 'rows must be an array of objects');
}

/** Checks the rows and the fields every metric and the weight come from, before the pass. */
export function startRowPass<Row>(rows: readonly Row[], metrics: readonly ResolvedMetric[], weight: Field<Row> | undefined, invalid: InvalidPolicy | undefined): RowPass {
  checkRowArray(rows);
  metrics.forEach((metric) => checkFieldExists(rows, metric.reader, metric.path));
  const weightReader = weight === undefined ? undefined : fieldReader(weight, 'weight');
  checkFieldExists(rows, weightReader, ['weight']);
  return { weight: weightReader, log: newIssueLog(), skip: invalid === 'skip' };
}
