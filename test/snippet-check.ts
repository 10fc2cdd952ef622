import { matches } from './doc-checks.js';

/** What the README and guide snippets checked: per snippet, the lines whose value differed from the doc. */
export const snippetFailures = new Map<string, string[]>();
export const snippetChecks = new Map<string, number>();

/** Called by an instrumented snippet for each `expression; // value` line. */
export function __check(snippet: string, actual: unknown, expected: string, line: number): void {
  snippetChecks.set(snippet, (snippetChecks.get(snippet) ?? 0) + 1);
  if (!matches(actual, expected)) snippetFailures.set(snippet, [...(snippetFailures.get(snippet) ?? []), `line ${line}: got ${JSON.stringify(actual)}, the doc says ${expected}`]);
}
