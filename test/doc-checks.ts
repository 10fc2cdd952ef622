/**
 * Checking what documentation says a line of code returns: a line `expression; // value`
 * asserts that the expression equals the value written at the start of the comment (the
 * rest of the comment explains it). Integers must match to 1e-9 relative; a decimal written
 * with d places must match to d places, so the docs never show a number the code does not
 * return. Used for the TSDoc examples and the README and guide snippets.
 */

/** Splits `expected` off the comment: the literal at its start, the rest is explanation. */
export function leadingLiteral(comment: string): string {
  const patterns = [/^-?Infinity/, /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/, /^'(?:[^'\\]|\\.)*'/, /^"(?:[^"\\]|\\.)*"/, /^(?:true|false|null|undefined)/];
  for (const pattern of patterns) {
    const found = pattern.exec(comment);
    if (found) return found[0];
  }
  if (comment.startsWith('[')) {
    let depth = 0;
    for (let i = 0; i < comment.length; i++) {
      if (comment[i] === '[') depth++;
      if (comment[i] === ']' && --depth === 0) return comment.slice(0, i + 1);
    }
  }
  throw new Error(`cannot read an expected value from "// ${comment}"`);
}

export function matches(actual: unknown, expectedText: string): boolean {
  if (expectedText.startsWith('[')) {
    const items = expectedText.slice(1, -1).trim();
    const parts = items === '' ? [] : items.split(',').map((part) => part.trim());
    return Array.isArray(actual) && actual.length === parts.length && parts.every((part, i) => matches(actual[i], part));
  }
  if (/^-?(?:\d|Infinity)/.test(expectedText)) {
    const expected = Number(expectedText);
    if (typeof actual !== 'number') return false;
    if (!Number.isFinite(expected)) return actual === expected;
    const decimals = /\.(\d+)/.exec(expectedText.replace(/e.*$/, ''))?.[1]?.length ?? 0;
    const exponent = Number(/e([+-]?\d+)$/.exec(expectedText)?.[1] ?? 0);
    const ulps = 4 * Number.EPSILON * Math.abs(expected);
    const tolerance = decimals === 0 && exponent === 0 ? 1e-9 * Math.max(1, Math.abs(expected)) : 0.5 * 10 ** (exponent - decimals) + ulps;
    return Math.abs(actual - expected) <= tolerance;
  }
  return Object.is(actual, new Function(`return (${expectedText});`)());
}

export function instrument(code: string): string {
  return code
    .split('\n')
    .map((line, i) => {
      const found = /^(\s*)([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
      if (!found || /^\s*(const|let|var|import|if|for|return)\b/.test(found[2]!)) return line;
      const expected = leadingLiteral(found[3]!);
      return `${found[1]}__check(${found[2]}, ${JSON.stringify(expected)}, ${i + 1});`;
    })
    .join('\n');
}
