/** Every code a {@link ValidationIssue} can carry. */
export const VALIDATION_CODES = [
  'invalid_type',
  'not_finite',
  'not_integer',
  'out_of_range',
  'sparse',
  'invalid_weight',
  'length_mismatch',
  'invalid_option',
  'invalid_tally',
  'unknown_field',
  'unknown_criterion',
  'unknown_option',
  'unanswered',
  'invalid_date',
  'duplicate_id',
  'read_failed',
  'unknown_card',
  'unknown_category',
  'empty_category',
  'not_converged',
] as const;

/** What went wrong with one input value; `code` is stable, `message` is for people. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/**
 * One problem found in the input.
 *
 * `path` points at the exact value: `[1234]` is the answer at index 1234,
 * `['weights', 7]` the seventh weight, `['bands', 'promoterMin']` an option.
 */
export interface ValidationIssue {
  readonly code: ValidationCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** For `read_failed`: what the caller's getter or accessor threw. */
  readonly cause?: unknown;
}

/** How many issues an error keeps; the total is still counted in `issueCount`. */
export const MAX_REPORTED_ISSUES = 100;

const SUMMARY_ISSUES = 5;

/**
 * The one error cx-metrics throws for bad input: answers that are not points of the scale,
 * bad weights, malformed tallies and invalid options.
 *
 * `issues` holds the first 100 problems, each with a `path` to the exact value;
 * `issueCount` is the total. The message summarises the first few. When a getter or accessor
 * of the caller's threw (`read_failed`), the error it threw is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   tally([10, 'nine', 11], { scale: NPS_SCALE });
 * } catch (error) {
 *   if (error instanceof CxValidationError) {
 *     error.issueCount; // 2
 *     error.issues[0]?.path; // [1]
 *   }
 * }
 * ```
 */
export class CxValidationError extends Error {
  override readonly name = 'CxValidationError';
  /** The first {@link MAX_REPORTED_ISSUES} issues, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** How many issues were found in total (may exceed `issues.length`). */
  readonly issueCount: number;

  constructor(issues: readonly ValidationIssue[], issueCount: number = issues.length) {
    const cause = issues.find((issue) => issue.cause !== undefined)?.cause;
    super(summarize(issues, issueCount), cause === undefined ? undefined : { cause });
    this.issues = issues.slice(0, MAX_REPORTED_ISSUES);
    this.issueCount = Math.max(issueCount, this.issues.length);
  }
}

function summarize(issues: readonly ValidationIssue[], issueCount: number): string {
  const shown = issues.slice(0, SUMMARY_ISSUES).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = Math.max(issueCount, issues.length) - shown.length;
  const head = issueCount === 1 ? '1 invalid input' : `${issueCount} invalid inputs`;
  return `${head}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** `[12]` → "[12]", `['weights', 3]` → "weights[3]", `['bands', 'promoterMin']` → "bands.promoterMin". */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'input';
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

/** A value as a short readable text, safe for messages and JSON (NaN stays "NaN"). */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string': {
      const quoted = JSON.stringify(value);
      return quoted.length > 40 ? `${quoted.slice(0, 37)}..."` : quoted;
    }
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
    case 'symbol':
      return String(value);
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'an array';
      return 'an object';
  }
}

/** Throws a one-issue {@link CxValidationError}. */
export function fail(code: ValidationCode, path: readonly (string | number)[], message: string): never {
  throw new CxValidationError([{ code, path, message }]);
}

/** Runs `work`, prefixing the paths of any validation issues with `prefix` (e.g. which of two samples). */
export function withPathPrefix<T>(prefix: readonly (string | number)[], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
    throw new CxValidationError(issues, error.issueCount);
  }
}
