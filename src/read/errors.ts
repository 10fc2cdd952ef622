/**
 * What the readers throw besides {@link CxValidationError}: the input itself cannot be read as a
 * table (not UTF-8, an unclosed quote, a duplicated column, a workbook without the sheet), or an
 * option cannot be used (an unknown encoding, a delimiter of two characters). Messages name the
 * place (line, byte or row) and the likely fix, with the command line's flag for the option.
 */

/**
 * The input cannot be read as a table; the message names where and what to try.
 *
 * @example
 * ```ts
 * const error = await readTable('q,q\n1,2\n').catch((caught: unknown) => caught);
 * error instanceof CxInputError; // true
 * (error as Error).message; // 'input: the header names column "q" twice (columns 1 and 2)'
 * ```
 */
export class CxInputError extends Error {
  override readonly name = 'CxInputError';
}

/**
 * A reader option that cannot be used (an unknown encoding, a delimiter of two characters).
 *
 * @example
 * ```ts
 * const error = await readTable('q\n1\n', { encoding: 'klingon' }).catch((caught: unknown) => caught);
 * error instanceof CxUsageError; // true
 * ```
 */
export class CxUsageError extends Error {
  override readonly name = 'CxUsageError';
}
