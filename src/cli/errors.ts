/** A command used wrongly (an unknown flag, a flag given twice, a missing FILE): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with the input file itself rather than with an answer in it: exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
