/**
 * Runs every `@example` in the TSDoc of src/: a line `expression; // value` asserts that the
 * expression equals the value. Integers must match (to 1e-9 relative), a decimal written
 * with d places must match to d places, so the docs never show a number the code does not
 * return. Every exported function and class must have such an example. Examples run as
 * the body of an async function, so `await` works.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as charts from '../src/charts/index.js';
import * as library from '../src/index.js';
import * as read from '../src/read/index.js';
import * as text from '../src/text/index.js';
import { instrument, matches } from './doc-checks.js';

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

const examples = sourceFiles(SRC).flatMap(examplesOf);
// Every entry point: the library, cx-metrics/charts, cx-metrics/text and cx-metrics/read.
const api: Record<string, unknown> = { ...library, ...charts, ...text, ...read };
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
    // TypeScript in the examples (`as`, type arguments) is stripped by esbuild first.
    const code = transformSync(instrument(example.code), { loader: 'ts' }).code;
    const run = new AsyncFunction(...names, '__check', code);
    await run(...names.map((name) => api[name]), check);
    expect(failures).toEqual([]);
    expect(checks, 'an example must check at least one value').toBeGreaterThan(0);
  });
});
