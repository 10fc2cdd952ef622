/**
 * Runs every `@example` in the TSDoc of src/: a line `expression; // value` asserts that the
 * expression equals the value. Integers must match (to 1e-9 relative), a decimal written
 * with d places must match to d places, so the docs never show a number the code does not
 * return. Every exported function and class must have such an example. Examples run as
 * the body of an async function, so `await` works.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

interface Example {
  readonly symbol: string;
  readonly where: string;
  readonly code: string;
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const examples: Example[] = [];
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export\s+(?:declare\s+)?(?:async\s+function|function|class|const)\s+(\w+)/g)) {
    const doc = match[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const symbol = match[2]!;
    const start = doc.findIndex((line) => line.startsWith('@example'));
    if (start < 0) continue;
    const open = doc.findIndex((line, i) => i > start && line.startsWith('```'));
    const close = doc.findIndex((line, i) => i > open && line.startsWith('```'));
    const line = text.slice(0, match.index).split('\n').length;
    examples.push({ symbol, where: `${relative(SRC, file)}:${line}`, code: doc.slice(open + 1, close).join('\n') });
  }
  return examples;
}

/** Splits `expected` off the comment: the literal at its start, the rest is explanation. */
function leadingLiteral(comment: string): string {
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

function matches(actual: unknown, expectedText: string): boolean {
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

function instrument(example: Example): string {
  return example.code
    .split('\n')
    .map((line, i) => {
      const found = /^(\s*)([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
      if (!found || /^\s*(const|let|var|import|if|for|return)\b/.test(found[2]!)) return line;
      const expected = leadingLiteral(found[3]!);
      return `${found[1]}__check(${found[2]}, ${JSON.stringify(expected)}, ${i + 1});`;
    })
    .join('\n');
}

const examples = sourceFiles(SRC).flatMap(examplesOf);
const exportedCallables = Object.entries(api)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name);

describe('TSDoc examples', () => {
  it.each(exportedCallables)('%s has an @example', (name) => {
    expect(examples.some((example) => example.symbol === name)).toBe(true);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s', async (_where, example) => {
    const failures: string[] = [];
    let checks = 0;
    const check = (actual: unknown, expected: string, line: number) => {
      checks++;
      if (!matches(actual, expected)) failures.push(`line ${line}: got ${JSON.stringify(actual)}, the doc says ${expected}`);
    };
    const names = Object.keys(api);
    // An async function body, so examples of async functions may use await.
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
    const run = new AsyncFunction(...names, '__check', instrument(example));
    await run(...names.map((name) => (api as Record<string, unknown>)[name]), check);
    expect(failures).toEqual([]);
    expect(checks, 'an example must check at least one value').toBeGreaterThan(0);
  });
});
