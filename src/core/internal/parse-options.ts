import type * as z from 'zod/mini';
import { CxValidationError, describeValue, type ValidationCode, type ValidationIssue } from '../errors.js';

type ZodIssue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const EXPECTED: Record<string, string> = {
  int: 'an integer',
  number: 'a finite number',
  object: 'an object',
  array: 'an array',
  string: 'a string',
  boolean: 'true or false',
};

/** zod/mini carries no locale, so messages are written here from the issue's own fields. */
function describeIssue(issue: ZodIssue, input: unknown): string {
  const got = describeValue(valueAt(input, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${got}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${got}`;
    case 'too_small':
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}, got ${got}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return `is not valid, got ${got}`;
    default:
      return issue.message;
  }
}

/**
 * Validates an options object or definition with a zod/mini schema and turns zod's issues
 * into a {@link CxValidationError} whose paths start at `basePath`.
 */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  basePath: readonly (string | number)[] = [],
  code: ValidationCode = 'invalid_option',
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: ValidationIssue[] = parsed.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [issue.keys[0]!] : [];
    const path = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...keys];
    return { code, path, message: describeIssue(issue, input) };
  });
  throw new CxValidationError(issues);
}
