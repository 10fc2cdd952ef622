import { CxValidationError } from '../src/core/errors.js';

/** The CxValidationError that `work` throws; fails the test if it throws nothing or something else. */
export function caught(work: () => unknown): CxValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof CxValidationError) return error;
    throw error;
  }
  throw new Error('expected a CxValidationError');
}

/** The code and path of each issue `work` throws, in order. */
export function issuesOf(work: () => unknown): { code: string; path: readonly (string | number)[] }[] {
  return caught(work).issues.map(({ code, path }) => ({ code, path }));
}
