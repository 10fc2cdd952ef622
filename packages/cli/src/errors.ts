/**
 * The command line's errors are the readers' own: a problem with the input file is exit code 1
 * (`InputError`), a command used wrongly (an unknown flag, a flag given twice, a missing FILE)
 * exit code 2 (`UsageError`).
 */
export { CxInputError as InputError, CxUsageError as UsageError } from '../../../src/read/errors.js';
