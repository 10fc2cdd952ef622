import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

it('npm run docs: typedoc documents every export with warnings as errors', () => {
  // Same configuration as `npm run docs` (typedoc.json), written to a scratch folder.
  const out = mkdtempSync(join(tmpdir(), 'cx-metrics-docs-'));
  try {
    const output = execFileSync(join(root, 'node_modules/.bin/typedoc'), ['--out', out], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    expect(output).not.toMatch(/warning|error/i);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
