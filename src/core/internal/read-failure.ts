import { CxValidationError } from '../errors.js';
import type { FieldReader } from './field-reader.js';

/**
 * The error for an exception thrown while row `index` was read: the caller's getter or
 * accessor failed. Passes loop without a try per field (the hot path stays as it is) and
 * call this from one catch around the loop; it reads the row's fields again, one at a time,
 * to name the one that throws. The result is a `read_failed` CxValidationError with the
 * original error as `cause`, whatever the invalid-answer policy: an exception in the caller's
 * code is not an answer to skip. Errors of cx-metrics itself pass through unchanged.
 */
export function readFailure(error: unknown, row: unknown, index: number, readers: readonly (FieldReader | undefined)[]): CxValidationError {
  if (error instanceof CxValidationError) return error;
  let label: string | undefined;
  if (typeof row === 'object' && row !== null) {
    for (const reader of readers) {
      if (reader === undefined) continue;
      try {
        reader.read(row, index);
      } catch {
        label = reader.label;
        break;
      }
    }
  }
  return accessorError(error, label === undefined ? [index] : [index, label], label === undefined ? 'reading the row' : `reading the field ${JSON.stringify(label)}`);
}

/**
 * A `read_failed` error for code of the caller's that threw at `path`, keeping it as `cause`
 * (an error of cx-metrics itself is returned as it is).
 */
export function accessorError(error: unknown, path: readonly (string | number)[], what: string): CxValidationError {
  if (error instanceof CxValidationError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CxValidationError([{ code: 'read_failed', path, message: `${what} threw ${reason}`, cause: error }]);
}
